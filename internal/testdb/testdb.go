// Package testdb gives a test a fresh, empty database: a temporary SQLite
// file, or, when $RASID_TEST_POSTGRES holds the URL of a PostgreSQL
// server (where the user may create schemas), a new schema on it (see
// internal/pgtest), dropped after the test. The same test thus runs
// against either backend.
package testdb

import (
	"os"
	"path/filepath"
	"testing"

	"rasid/internal/pgtest"
)

// EnvPostgres names the variable that selects PostgreSQL.
const EnvPostgres = pgtest.Env

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
	if os.Getenv(EnvPostgres) == "" {
		return filepath.Join(tb.TempDir(), "rasid.db"), SQLite
	}
	return pgtest.Schema(tb), Postgres
}
