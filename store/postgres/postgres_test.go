package postgres_test

import (
	"testing"

	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
	"rasid/store/storetest"
)

// open opens a store at url, closed when t ends.
func open(t testing.TB, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(t.Context(), url, storetest.Analyzer)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, pgtest.Schema(t))
	})
}
