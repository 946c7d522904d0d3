package synth

import "strings"

// The word lists below are the raw material of invented people, places and
// bodies. Names are combined (first × surname stem × ending, place stem ×
// ending) so that tens of thousands of distinct people and thousands of
// organisations come from a few hundred lines; none is meant to be a real
// person or body.

func words(s string) []string { return strings.Fields(s) }

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var maleFirst = words(`
Aaron Adam Adrian Ahmed Alan Alasdair Alastair Alexander Alfie Ali Alistair Amir Anders Andrzej
Angus Anil Anthony Antonio Arjun Arthur Ashok Barnaby Basil Ben Benedict Bernard Bilal Bogdan
Brendan Brian Bruce Callum Calvin Cameron Carl Cedric Charles Chidi Christopher Ciaran Clive Colin
Conor Craig Cyril Damian Daniel Darren Declan Derek Desmond Dominic Donal Douglas Duncan Dylan
Eamon Edmund Edward Elliot Emeka Emmanuel Eric Ewan Farhan Felix Fergus Fraser Gareth Gavin
Geoffrey Gerald Gordon Graham Grant Gregor Guy Hamish Harvey Hassan Hector Hugh Iain Idris Imran
Isaac Ivan Jack Jacob Jamal Jasper Jeremy Joel Jonathan Joseph Julian Kamal Karl Keith Kelvin
Kenneth Kevin Kwame Laurence Leon Lewis Liam Lionel Lucas Luke Malcolm Marcus Mark Martin Matthew
Maurice Mehmet Michael Miles Mohammed Murray Nathan Neil Nigel Nikhil Noel Oliver Olumide Omar
Oscar Owen Patrick Pawel Percy Peter Philip Quentin Rafael Rajesh Ravi Raymond Reuben Rhodri
Robert Rohan Roland Rory Ross Rupert Samuel Sanjay Sean Sebastian Seth Simon Stanley Stefan
Stephen Stuart Tariq Terence Theo Thomas Tobias Tomasz Trevor Tristan Tunde Umar Vernon Victor
Vikram Vincent Wayne Wesley William Wojciech Yusuf Zachary Zoltan
`)

var femaleFirst = words(`
Abigail Ada Adaeze Aisha Alice Alison Amanda Amelia Amina Anita Anjali Annabel Annette Antonia
Aoife Beatrice Belinda Bethan Brenda Bridget Bronwen Camilla Carmen Caroline Catriona Celia
Charlotte Chioma Chloe Clare Claudia Colette Cordelia Dalia Daphne Deborah Deirdre Delia Diana
Dorothy Eilidh Eleanor Elena Eloise Emily Esther Eunice Fatima Felicity Fiona Florence Frances
Freya Gemma Georgina Gillian Grace Gwen Hannah Harriet Hazel Heather Helena Hilary Imogen Ingrid
Iona Irene Isla Jacqueline Janet Jasmine Jennifer Joanna Josephine Judith Julia Karen Katarzyna
Katherine Kirsty Lakshmi Laura Leila Lesley Linda Lorna Lucy Lydia Maeve Magda Maria Marian
Marjorie Martha Maureen Maxine Meera Megan Melanie Miranda Miriam Moira Nadia Naomi Natalie
Niamh Nicola Nkechi Norah Olivia Olwen Pamela Patricia Pauline Penelope Philippa Polly Priya
Rachel Rebecca Rhiannon Rosalind Rosemary Ruth Sabrina Samira Sandra Sarah Seren Shabana Sheila
Shirin Sinead Siobhan Sonia Sophie Stella Susan Tamsin Tanya Teresa Thandiwe Ursula Valerie
Vanessa Verity Victoria Wendy Yasmin Yvonne Zainab Zara Zofia
`)

// Surnames are a stem and an ending ("Hart"+"well"), with a few whole
// names and prefixed forms added in world.go, so that people sharing a
// surname occur as they do in real archives.
var surnameStems = words(`
Ash Bar Bel Black Brad Bram Brook Burn Cal Carr Chad Clay Cole Cran Dal Dun Ell Fair Farn Fen
Finch Fox Gar Glen Gold Green Hal Ham Hart Hay Heath Hol Hun Kel Ken Kings Lang Lind Mar Mel
Mill Mor New Nor Oak Pem Pen Ral Red Rid Ros Rother Sal Sand Sel Shel Stan Stock Sum Thorn
Tal Under Wal War Wes Whit Wick Win Wood Wrex Yar
`)

var surnameEnds = words(`
bury by croft dale don field ford gate ham hill hurst ington land ley lock low man mere more
ney ridge row sey shaw ston stone thorpe ton wall well wick win wood worth
`)

var wholeSurnames = words(`
Abbott Achebe Adeyemi Ahmed Akhtar Baptiste Bhatt Boateng Bose Chaudhry Chen Costa Dabrowski
Das Delacroix Desai Eze Fernandes Ferreira Gallagher Ghosh Guerrero Haddad Hussain Iqbal Ivanova
Kapoor Kaur Khan Kowalski Krishnan Lindqvist Lopez Macleod Mahmood Malik Mensah Molloy Murphy
Nakamura Nguyen Novak Nwosu Obi Okafor Okonkwo Olsen Osei Pereira Petrov Quinn Rahman Rao Reyes
Rossi Santos Sato Shah Singh Sokolova Suleiman Takahashi Tan Tiwari Van Wang Yilmaz Zhang
`)

var surnamePrefixes = words(`Mac Mc O'`)

var surnamePrefixed = words(`
Allister Bride Cann Carthy Connell Dermott Donnell Dowell Farlane Gill Grath Guire Hale Hugh
Innes Intyre Kay Kenna Lean Leod Millan Nally Neill Pherson Rae Sweeney
`)

var placeStems = words(`
Abber Ald Alder Ash Avon Bark Barn Bel Black Bourne Brack Bran Bright Broad Brom Cal Camber
Car Castle Chal Chester Clay Cold Corn Crom Dal Dart Dun Eas Elm Fal Far Fern Glan Glen Gran
Hal Hart Haver Hawk Hem High Holm Kel Ken Kings Lang Lan Lin Long Mal Mar Mel Mid Mill Moor
Nether North Oak Pen Pol Port Rad Raven Red Rock Rom Ros Salt Sand Sel Shep South Stan Stow
Swan Tam Thorn Tre Ux Wal Wen West Whit Wil Win Wolver Wool Wyn York
`)

var placeEnds = words(`
bridge brook burgh bury by caster chester combe dale don field ford gate ham haven holme hurst
ing ington leigh ley mouth ness minster port stead stoke ton wich wick worth
`)

// subjects name the policy areas bodies work in and articles are about.
var subjects = lines(`
Health
Social Care
Adult Social Care
Children's Services
Public Health
Mental Health
Housing
Planning
Transport
Rail
Roads
Education
Further Education
Skills
Higher Education
Employment
Pensions
Welfare
Environment
Water
Energy
Flood Defence
Waste
Food Standards
Farming
Fisheries
Forestry
Rural Affairs
Heritage
Libraries
Museums
Sport
Arts
Tourism
Broadcasting
Digital Services
Data Protection
Consumer Protection
Competition
Trade
Regeneration
Infrastructure
Policing
Probation
Prisons
Youth Justice
Legal Aid
Fire and Rescue
Ambulance Services
Community Safety
Licensing
Student Finance
Early Years
Dental Services
Pharmacy
Nursing
Coastal Protection
Nuclear Safety
Veterinary Medicines
Land Registration
`)

// professions are the memberships of associations, unions and colleges.
var professions = lines(`
Directors of Housing
Directors of Public Health
Directors of Children's Services
Chief Planning Officers
Head Teachers
School Governors
Social Workers
Care Providers
Care Home Owners
Nurses
Midwives
Pharmacists
Dentists
General Practitioners
Paramedics
Probation Officers
Prison Governors
Chief Fire Officers
Environmental Health Officers
Trading Standards Officers
Chartered Surveyors
Civil Engineers
Architects
Librarians
Museum Curators
Transport Planners
Train Drivers
Bus Operators
Local Councillors
Town Clerks
Parish Councils
Housing Associations
Youth Workers
Early Years Practitioners
Further Education Colleges
University Lecturers
Charity Trustees
Rural Landowners
Small Employers
Independent Retailers
`)

// sectors are what federations and confederations gather.
var sectors = lines(`
Housing Providers
Voluntary Organisations
Health Services
Local Enterprise
Independent Schools
Care Services
Water Companies
Energy Suppliers
Rail Operators
Construction Employers
Food Producers
Community Pharmacies
Social Enterprises
Rural Businesses
Manufacturers
`)

var companyNouns = words(`
Analytics Associates Care Consulting Developments Energy Engineering Facilities Health Holdings
Homes Infrastructure Logistics Partners Properties Services Solutions Systems Technologies Transport
Utilities Ventures
`)

var companyWords = words(`
Apex Arden Beacon Cobalt Crescent Equinox Evergreen Forge Harbour Keystone Lattice Meridian
Northgate Orbit Pinnacle Quarry Sentinel Sterling Summit Trident Vantage Vector Waypoint Zenith
`)

var outletEnds = words(`Gazette Chronicle Herald Post Echo Courier Observer Review Times Mercury Journal Bulletin`)

var tradeOutlets = lines(`
Weekly
Today
Review
Journal
Matters
Monitor
Bulletin
Insider
`)

var months = words(`January February March April May June July August September October November December`)

var weekdays = words(`Monday Tuesday Wednesday Thursday Friday`)

var numberWords = words(`two three four five six seven eight nine ten eleven twelve`)

// Generic vocabulary for filler and quotes.
var adjectives = words(`
significant serious real major modest clear broad urgent difficult careful limited growing
sustained local national regional strategic practical long-term short-term public independent
statutory financial operational considerable substantial unprecedented radical sensible fair
`)

var nounsPlural = words(`
services budgets staff patients residents families tenants pupils students users providers
commissioners inspectors councils partnerships contracts schemes programmes targets waiting-lists
reserves grants buildings sites records complaints referrals assessments placements vacancies
`)

var nounsSingular = words(`
budget service review consultation framework strategy timetable plan report inquiry audit
partnership contract scheme programme deficit backlog settlement allocation transition
`)

var pastVerbs = words(`
rose fell increased dropped climbed slipped improved worsened
`)

var changeNouns = lines(`
shake-up
reorganisation
overhaul
restructure
reform
review
`)

var ordinals = words(`second third fourth fifth sixth seventh`)

// genericHeads are definite short forms an article uses after naming a
// body ("the body", "the watchdog"), beside the head of its own name (see
// headOf); they point back but are not new names.
var genericHeads = [numKinds][]string{
	kindCouncil:     {"authority"},
	kindTrust:       {"trust"},
	kindAgency:      {"body", "regulator"},
	kindCommission:  {"body", "watchdog"},
	kindAssociation: {"organisation"},
	kindUnion:       {"union"},
	kindUniversity:  {"university"},
	kindCompany:     {"company", "firm"},
	kindDepartment:  {"department"},
}

// nameHeads are the last words of names that serve as a short form.
var nameHeads = map[string]bool{
	"agency": true, "authority": true, "executive": true, "inspectorate": true, "commission": true,
	"board": true, "council": true, "ombudsman": true, "committee": true, "panel": true, "trust": true,
	"union": true, "university": true, "college": true, "group": true, "network": true, "alliance": true,
}

// nameFirstHeads are first words of names that serve as a short form
// ("Association of …" → "the association").
var nameFirstHeads = map[string]bool{
	"association": true, "society": true, "confederation": true, "federation": true, "department": true,
	"ministry": true, "office": true, "institute": true, "union": true, "alliance": true, "agency": true,
	"university": true,
}
