// Package testdb gives a test a fresh, empty database: a temporary SQLite
// file, or, when $RASID_TEST_POSTGRES holds the URL of a PostgreSQL
// server, a new database created on it for the test and dropped after.
// The same test thus runs against either backend.
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

// EnvPostgres names the variable that selects PostgreSQL: a URL such as
// postgres://user:pass@127.0.0.1:5432/postgres whose user may create
// databases.
const EnvPostgres = "RASID_TEST_POSTGRES"

// Kinds of target.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// New returns where the test's database is (a file path, or a
// postgres:// URL) and which kind it is. A PostgreSQL server that cannot
// be reached or refuses to create the database fails the test: the
// variable was set on purpose.
func New(tb testing.TB) (target, kind string) {
	tb.Helper()
	server := os.Getenv(EnvPostgres)
	if server == "" {
		return filepath.Join(tb.TempDir(), "rasid.db"), SQLite
	}
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("$%s: %v", EnvPostgres, err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "rasid_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		tb.Fatalf("$%s: connecting: %v", EnvPostgres, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("$%s: creating a database for the test: %v", EnvPostgres, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			tb.Logf("dropping %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Logf("dropping %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String(), Postgres
}
