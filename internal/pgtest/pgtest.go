// Package pgtest gives tests a PostgreSQL server to work in: the one
// $RASID_TEST_POSTGRES names (a postgres:// URL of a server where the user
// may create schemas), with a new, empty schema for each store a test
// opens. Tests skip, saying why, when the variable is unset; .ci/run
// always sets it (see scripts/postgres).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable that names the test server.
const Env = "RASID_TEST_POSTGRES"

// URL returns $RASID_TEST_POSTGRES, and skips t when it is unset.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		t.Skip(Env + " is unset: set it to a postgres:// URL of a server where the user may create schemas " +
			"(scripts/postgres starts one) to run the PostgreSQL tests")
	}
	return u
}

// Schema creates an empty schema on the server of URL(t) and returns the
// URL that selects it (through search_path); the schema and all it holds
// are dropped when t ends, after the cleanups registered later (a store's
// Close) have run.
func Schema(t testing.TB) string {
	t.Helper()
	base := URL(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "rasid_test_" + hex.EncodeToString(b[:])
	Exec(t, base, `CREATE SCHEMA `+pgx.Identifier{name}.Sanitize())
	t.Cleanup(func() {
		Exec(t, base, `DROP SCHEMA `+pgx.Identifier{name}.Sanitize()+` CASCADE`)
	})
	return WithSchema(t, base, name)
}

// WithSchema returns rawURL with its search path set to schema.
func WithSchema(t testing.TB, rawURL, schema string) string {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs sql on its own connection to rawURL, failing t on error.
// (t.Context() is cancelled before cleanups run: this has its own.)
func Exec(t testing.TB, rawURL, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, rawURL)
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%.60s: %v", sql, err)
	}
}
