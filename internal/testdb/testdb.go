// Package testdb gives a test a fresh, empty database: a temporary SQLite
// file, or, when $RASID_TEST_POSTGRES holds the URL of a PostgreSQL
// server (where the user may create schemas), a new schema on it, selected
// through the URL's search_path and dropped after the test. The same test
// thus runs against either backend.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvPostgres names the variable that selects PostgreSQL.
const EnvPostgres = "RASID_TEST_POSTGRES"

// Kinds of target.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// New returns where the test's database is (a file path, or a
// postgres:// URL) and which kind it is. A PostgreSQL server that cannot
// be reached or refuses the schema fails the test: the variable was set
// on purpose.
func New(tb testing.TB) (target, kind string) {
	tb.Helper()
	server := os.Getenv(EnvPostgres)
	if server == "" {
		return filepath.Join(tb.TempDir(), "rasid.db"), SQLite
	}
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("$%s is not a URL: %v", EnvPostgres, err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "rasid_test_" + hex.EncodeToString(b[:])
	exec(tb, server, "CREATE SCHEMA "+pgx.Identifier{name}.Sanitize())
	tb.Cleanup(func() { exec(tb, server, "DROP SCHEMA "+pgx.Identifier{name}.Sanitize()+" CASCADE") })
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), Postgres
}

// exec runs sql on a connection of its own (a test's context is over
// when its cleanups run).
func exec(tb testing.TB, server, sql string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		tb.Fatalf("$%s: connecting: %v", EnvPostgres, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		tb.Fatalf("$%s: %.60s: %v", EnvPostgres, sql, err)
	}
}
