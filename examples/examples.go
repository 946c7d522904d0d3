// Package examples holds newsgraph's example corpus: five news articles
// about the 2010 English health reforms (primary care trusts, GP consortia,
// health and social care integration), as published, page furniture and all.
//
// They are embedded so that the library and the CLI can run without any
// files at hand:
//
//	for a, err := range source.ReadFS(ctx, examples.Articles, ".") {
//		...
//	}
//
// yields the five articles with IDs "000_bd6ab526a9c92c91" …
// "004_4210c9aa06b7c491". The same files are in examples/articles/ for
// reading from disk, and ../shared/eval/gold/seeds.json is the hand-made
// gold the evaluation scores extraction against.
package examples

import (
	"embed"
	"io/fs"
)

//go:embed articles
var files embed.FS

// Articles is the example corpus, rooted at the articles directory: its
// entries are the article files themselves ("000_bd6ab526a9c92c91.txt" …).
var Articles fs.FS = sub(files, "articles")

// sub is fs.Sub, which fails only for an invalid directory name; "articles"
// is a literal, valid one, so the panic below cannot happen at run time
// without a broken build.
func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic("examples: " + err.Error())
	}
	return s
}
