package questions

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadIndex reads arbitrary bytes as a kept name index (the file a
// damaged disk or another program may leave beside the store): it is read
// or refused with an error, never a panic, and an index read has keys that
// point into its entities and article lists that point into its articles.
func FuzzLoadIndex(f *testing.F) {
	valid := func(s savedIndex) []byte {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(s); err != nil {
			f.Fatal(err)
		}
		return b.Bytes()
	}
	ents := []savedEntity{
		{IRI: "person/jo-lane", Name: "Jo Lane", Kind: KindPerson, Aliases: []string{"Lane"}, Count: 2, Folded: []string{"jo lane", "lane"}},
		{IRI: "org/qqa", Name: "QQA", Kind: KindOrganisation, Count: 1, Folded: []string{"qqa"}},
	}
	arts := []savedArticle{{IRI: "article/a1", Date: "2010-07-13", Outlet: "Community Care"}}
	f.Add(valid(savedIndex{Format: indexFormat, Stamp: "s", Entities: ents, Articles: arts, Keys: []uint64{0, 3, 1 << 16, 1 << 32}}))
	f.Add(valid(savedIndex{Format: indexFormat, Stamp: "s", Entities: ents, Keys: []uint64{0xffffffff << 32, 2 << 32, 1<<32 | 1<<16, 9}}))
	f.Add(valid(savedIndex{Format: indexFormat, Stamp: "other"}))
	listed := []savedEntity{ents[0], ents[1]}
	listed[0].Articles, listed[0].ID, listed[1].Articles = 1, 7, 2
	f.Add(valid(savedIndex{Format: indexFormat, Stamp: "s", Entities: listed, Articles: arts, Keys: []uint64{0}, HasLists: true, Lists: []int32{0, 0, 3}, Exact: true}))
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "index.gob")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ix, err := loadIndex(path, "s", 1)
		if err != nil {
			return
		}
		for _, k := range ix.keys {
			if k.ent < 0 || int(k.ent) >= len(ix.ents) {
				t.Fatalf("key %q points to entity %d of %d", k.text, k.ent, len(ix.ents))
			}
		}
		for e, l := range ix.lists.all {
			for _, a := range l {
				if a < 0 || int(a) >= len(ix.arts) {
					t.Fatalf("entity %d's list names article %d of %d", e, a, len(ix.arts))
				}
			}
		}
	})
}
