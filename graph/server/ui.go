package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// The explorer's files, embedded so that `go install` gives a working page
// with no npm and no network. ui/vendor holds third-party bundles copied from
// their npm packages by web/ (see docs/server.md for refreshing them).
//
//go:embed ui
var uiFiles embed.FS

func uiHandler() http.Handler {
	sub, err := fs.Sub(uiFiles, "ui")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		files.ServeHTTP(w, r)
	})
}
