package server

import (
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The explorer's files keep the rule its pages rely on: text from the
// graph is inserted as text. No script assigns HTML (innerHTML,
// outerHTML, insertAdjacentHTML, document.write) or evaluates strings, no
// page has an inline script or handler, and every file is served with a
// Content-Security-Policy that forbids inline script.
func TestExplorerAssets(t *testing.T) {
	base := startServer(t)
	sinks := regexp.MustCompile(`\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setTimeout\(\s*["'\x60]`)
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>[^<]|\son[a-z]+\s*=|javascript:`)
	err := fs.WalkDir(uiFiles, "ui", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(path, "/vendor/") {
			return err
		}
		data, err := fs.ReadFile(uiFiles, path)
		if err != nil {
			return err
		}
		text := string(data)
		switch {
		case strings.HasSuffix(path, ".js"):
			if m := sinks.FindString(text); m != "" {
				t.Errorf("%s: %q inserts or runs a string as code or HTML", path, m)
			}
		case strings.HasSuffix(path, ".html"):
			if m := inline.FindString(text); m != "" {
				t.Errorf("%s: inline script or handler %q", path, m)
			}
		}
		resp, err := http.Get(base + strings.TrimPrefix(path, "ui"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if resp.StatusCode != 200 || !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "script-src") {
			t.Errorf("GET %s: %d, Content-Security-Policy %q", path, resp.StatusCode, csp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
