// Package source reads news articles as people keep them — text and
// Markdown files, saved web pages, feeds, web archives, datasets, PDFs —
// and hands each one on as an Article: headline, body, date, URL, outlet
// and byline, with a stable ID and a content hash.
//
// Reading is a job of its own, apart from extraction: it knows formats,
// files and their failures, and nothing of people or reforms. Data flows
// one way, source → extract → schema → graph; package extract aliases
// Article so the extractor's API reads on its own.
//
//	for a, err := range source.Read(ctx, []string{"corpus/", "feed.xml", "-"}) {
//		if err != nil {
//			log.Print(err) // a *source.FileError naming the file: the batch goes on
//			continue
//		}
//		facts, err := ex.Extract(ctx, extract.Clean(a))
//		…
//	}
//
// Read walks files and directories, ReadFS an fs.FS, and Parse reads one
// file's bytes. Package source/fetch fetches URLs and reads what they serve
// with ReadBytes. docs/reading.md describes the formats, IDs and errors.
package source
