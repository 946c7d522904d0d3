package synth

import (
	"strings"
)

type orgKind uint8

const (
	kindCouncil orgKind = iota
	kindTrust
	kindAgency
	kindCommission
	kindAssociation
	kindUnion
	kindUniversity
	kindCompany
	kindDepartment
	numKinds
)

// kindShare is each kind's share of the organisations, in per cent.
var kindShare = [numKinds]int{
	kindCouncil: 18, kindTrust: 13, kindAgency: 11, kindCommission: 6, kindAssociation: 14,
	kindUnion: 6, kindUniversity: 8, kindCompany: 21, kindDepartment: 3,
}

// An org is one invented organisation of the world.
type org struct {
	name    string
	the     bool   // takes "the" in running text
	acronym string // "" when it has none
	kind    orgKind
	head    string // short form from the name: "council", "association", "" for none
	subject string // policy area, "" for generalists
	people  []int  // indexes of people whose main role is here
}

// public reports whether a government could abolish, merge or create it.
func (o *org) public() bool {
	switch o.kind {
	case kindCouncil, kindTrust, kindAgency, kindCommission:
		return true
	}
	return false
}

// A person is one invented person of the world, with a main role and, for
// some, a second one that other articles give them.
type person struct {
	first, last string
	full        string
	female      bool
	title       string // "Dr", "Professor" or ""
	org         int
	role        string
	org2        int // -1 when none
	role2       string
}

func (p *person) name() string { return p.full }

// A world is the fixed cast of a corpus: every article draws its people,
// bodies and outlets from it, so the same person turns up across articles
// as in a real archive. It depends on the seed and sizes only, never on the
// number of articles, so a small corpus is a prefix of a large one.
type world struct {
	people  []person
	orgs    []org
	places  []string
	outlets []string
	public  []int // indexes of public bodies
	depts   []int
	byKind  [numKinds][]int
	tmpl    templates
}

func newWorld(seed int64, nPeople, nOrgs int) *world {
	r := newRNG(seed, 1<<62)
	w := &world{tmpl: compileTemplates()}
	w.places = makePlaces(r, 1500)
	w.makeOrgs(r, nOrgs)
	w.makePeople(r, nPeople)
	seen := map[string]bool{}
	for len(w.outlets) < 60 {
		var o string
		if r.percent(50) {
			o = "The " + r.pick(w.places) + " " + r.pick(outletEnds)
		} else {
			o = r.pick(subjects) + " " + r.pick(tradeOutlets)
		}
		if !seen[o] {
			seen[o] = true
			w.outlets = append(w.outlets, o)
		}
	}
	return w
}

func makePlaces(r *rng, n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		p := r.pick(placeStems) + r.pick(placeEnds)
		if r.percent(4) {
			p = r.pick([]string{"Upper ", "Lower ", "Great ", "Little ", "East ", "West "}) + p
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func (w *world) makeOrgs(r *rng, n int) {
	seen := make(map[string]bool, n)
	acronyms := map[string]bool{}
	w.orgs = make([]org, 0, n)
	for k := orgKind(0); k < numKinds; k++ {
		want := n * kindShare[k] / 100
		if k == kindDepartment && want > 2*len(subjects) {
			want = 2 * len(subjects)
		}
		for made, tries := 0, 0; made < want && tries < want*20; tries++ {
			o := w.makeOrg(r, k)
			if seen[o.name] {
				continue
			}
			seen[o.name] = true
			if a := acronymOf(o.name); a != "" && !acronyms[a] && r.percent(60) {
				acronyms[a] = true
				o.acronym = a
			}
			w.orgs = append(w.orgs, o)
			made++
		}
	}
	// Shuffled so that popularity (low indexes) is spread over every kind.
	for i := len(w.orgs) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		w.orgs[i], w.orgs[j] = w.orgs[j], w.orgs[i]
	}
	for i := range w.orgs {
		k := w.orgs[i].kind
		w.byKind[k] = append(w.byKind[k], i)
		if w.orgs[i].public() {
			w.public = append(w.public, i)
		}
		if k == kindDepartment {
			w.depts = append(w.depts, i)
		}
	}
}

func (w *world) makeOrg(r *rng, k orgKind) org {
	place := r.pick(w.places)
	subj := r.pick(subjects)
	o := org{kind: k, subject: subj}
	switch k {
	case kindCouncil:
		o.name = place + " " + r.pick([]string{"City", "County", "Borough", "District", "Town", "Metropolitan Borough"}) + " Council"
		o.subject = ""
	case kindTrust:
		o.the = true
		switch r.intn(5) {
		case 0:
			o.name, o.subject = place+" Primary Care Trust", "Health"
		case 1:
			o.name, o.subject = place+" Hospitals NHS Foundation Trust", "Health"
		case 2:
			o.name, o.subject = place+" and "+r.pick(w.places)+" Mental Health Trust", "Mental Health"
		case 3:
			o.name, o.subject = place+" Community Health Trust", "Health"
		default:
			o.name = place + " " + subj + " Trust"
		}
	case kindAgency:
		o.the = true
		o.name = r.pick([]string{
			subj + " Agency", "National " + subj + " Agency", subj + " Standards Agency",
			"Agency for " + subj, "Office for " + subj, subj + " Authority", subj + " Executive",
			place + " Development Agency", subj + " Inspectorate", "Institute for " + subj,
		})
	case kindCommission:
		o.the = true
		o.name = r.pick([]string{
			subj + " Commission", subj + " Board", "National " + subj + " Council", subj + " Ombudsman",
			subj + " Advisory Committee", "Independent " + subj + " Panel", place + " " + subj + " Board",
		})
	case kindAssociation:
		o.the = true
		prof := r.pick(professions)
		o.name = r.pick([]string{
			"Association of " + prof, "National Association of " + prof, "British Association of " + prof,
			"Royal College of " + prof, "Society of " + prof, "Confederation of " + r.pick(sectors),
			"Federation of " + r.pick(sectors), place + " Chamber of Commerce", "Local " + subj + " Network",
		})
		o.subject = ""
	case kindUnion:
		o.the = true
		prof := r.pick(professions)
		o.name = r.pick([]string{"National Union of " + prof, "Union of " + prof, prof + " Union", "Alliance of " + prof})
		o.subject = ""
	case kindUniversity:
		switch r.intn(4) {
		case 0:
			o.name, o.the = "University of "+place, true
		case 1:
			o.name = place + " University"
		case 2:
			o.name = place + " Metropolitan University"
		default:
			o.name = place + " College"
		}
	case kindCompany:
		sur := r.pick(surnameStems) + r.pick(surnameEnds)
		o.name = r.pick([]string{
			sur + " " + r.pick(companyNouns) + " Ltd", sur + " & " + r.pick(wholeSurnames),
			r.pick(companyWords) + " " + r.pick(companyNouns) + " Group", place + " Holdings plc",
			r.pick(companyWords) + " " + r.pick(companyNouns), sur + " Consulting",
		})
		o.subject = ""
	case kindDepartment:
		o.the = true
		o.name = r.pick([]string{"Department for " + subj, "Department of " + subj, "Ministry of " + subj})
	}
	o.head = headOf(o.name)
	return o
}

// headOf returns the word of a name that serves as its definite short form:
// "Ashby Borough Council" → "council", "Society of Nurses" → "society".
func headOf(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if last := f[len(f)-1]; nameHeads[last] {
		return last
	}
	if nameFirstHeads[f[0]] {
		return f[0]
	}
	if len(f) > 1 && (f[0] == "national" || f[0] == "royal" || f[0] == "british") &&
		(nameFirstHeads[f[1]] || f[1] == "college") {
		return f[1]
	}
	return ""
}

// acronymOf gives the initials of a name's capitalised words ("National
// Union of Nurses" → "NUN"), or "" for names too short to be abbreviated.
func acronymOf(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if c := f[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	if b.Len() < 3 || b.Len() > 6 {
		return ""
	}
	return b.String()
}

func (w *world) makePeople(r *rng, n int) {
	seen := make(map[string]bool, n)
	w.people = make([]person, 0, n)
	for len(w.people) < n {
		p := person{org2: -1}
		p.female = r.percent(50)
		if p.female {
			p.first = r.pick(femaleFirst)
		} else {
			p.first = r.pick(maleFirst)
		}
		switch x := r.intn(100); {
		case x < 62:
			p.last = r.pick(surnameStems) + r.pick(surnameEnds)
		case x < 86:
			p.last = r.pick(wholeSurnames)
		case x < 94:
			p.last = r.pick(surnamePrefixes) + r.pick(surnamePrefixed)
		default:
			p.last = r.pick(surnameStems) + r.pick(surnameEnds) + "-" + r.pick(wholeSurnames)
		}
		p.full = p.first + " " + p.last
		if seen[p.full] {
			continue
		}
		seen[p.full] = true
		p.org = r.skewed(len(w.orgs))
		p.role = w.roleAt(r, p.org)
		if r.percent(18) {
			p.org2 = r.intn(len(w.orgs))
			p.role2 = w.roleAt(r, p.org2)
		}
		switch {
		case strings.HasPrefix(p.role, "professor"):
			p.title = "Professor"
		case r.percent(6):
			p.title = "Dr"
		}
		idx := len(w.people)
		w.orgs[p.org].people = append(w.orgs[p.org].people, idx)
		w.people = append(w.people, p)
	}
}

// roleAt invents a role that fits the kind of organisation.
func (w *world) roleAt(r *rng, oi int) string {
	o := &w.orgs[oi]
	subj := strings.ToLower(o.subject)
	if subj == "" {
		subj = strings.ToLower(r.pick(subjects))
	}
	switch o.kind {
	case kindCouncil:
		return r.pick([]string{"leader", "chief executive", "deputy leader", "cabinet member for " + subj, "director of " + subj, "councillor"})
	case kindTrust:
		return r.pick([]string{"chief executive", "chair", "medical director", "director of nursing", "finance director"})
	case kindAgency, kindCommission:
		return r.pick([]string{"chief executive", "director", "chair", "head of " + subj, "chief inspector", "spokeswoman", "spokesman"})
	case kindAssociation:
		return r.pick([]string{"president", "chair", "chief executive", "policy director", "vice-president", "director", "strategic lead for " + subj})
	case kindUnion:
		return r.pick([]string{"general secretary", "president", "national officer", "assistant general secretary"})
	case kindUniversity:
		return r.pick([]string{"professor of " + subj, "vice-chancellor", "senior lecturer in " + subj, "researcher", "professor of " + subj + " policy"})
	case kindCompany:
		return r.pick([]string{"chief executive", "managing director", "chairman", "founder", "partner"})
	default: // department
		return r.pick([]string{subj + " minister", "minister for " + subj, "secretary of state for " + subj, "permanent secretary", subj + " secretary"})
	}
}
