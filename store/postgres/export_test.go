package postgres

import "context"

// Retries returns how many times PutArticles ran a batch again.
func (db *DB) Retries() int64 { return db.retries.Load() }

// Exported for the tests of package postgres_test.
var (
	TSVector = tsvector
	TSQuery  = tsquery
	Classify = classify
)

// Stored is the type of Classify's map.
type Stored = stored

// EnsureMonths creates the partitions of months (YYYY-MM).
func (db *DB) EnsureMonths(ctx context.Context, months []string) error {
	return db.ensureMonths(ctx, months)
}
