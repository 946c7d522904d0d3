package graphtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
)

// PostgresURL returns the URL of a PostgreSQL schema of the test's own,
// dropped when the test ends, on the server NEWSGRAPH_TEST_POSTGRES names
// (.ci/setup.d/10-postgres.sh starts one). Without that variable it returns
// "", so that a test can run on its other backends, unless NEWSGRAPH_CI=1,
// where it fails the test: CI must not pass by skipping PostgreSQL.
func PostgresURL(t testing.TB) string {
	t.Helper()
	addr := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if addr == "" {
		if os.Getenv("NEWSGRAPH_CI") == "1" {
			t.Fatal("NEWSGRAPH_TEST_POSTGRES is not set (run .ci/setup.d/10-postgres.sh)")
		}
		t.Log("NEWSGRAPH_TEST_POSTGRES is not set: PostgreSQL not tested")
		return ""
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := "newsgraph_test_" + hex.EncodeToString(b[:])
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("PostgreSQL at NEWSGRAPH_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema) // lib/pq passes it on as a session setting
	u.RawQuery = v.Encode()
	return u.String()
}
