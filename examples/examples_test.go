package examples_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/examples"
)

func TestArticles(t *testing.T) {
	entries, err := fs.ReadDir(examples.Articles, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := "000_bd6ab526a9c92c91.txt 001_b849ec624c882d4f.txt 002_e7e95ca66bf86d20.txt 003_32d5ccce7895cf79.txt 004_4210c9aa06b7c491.txt"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries = %s, want %s", got, want)
	}
	for _, n := range names {
		b, err := fs.ReadFile(examples.Articles, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			t.Errorf("%s is empty", n)
		}
	}
}
