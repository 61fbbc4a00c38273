// Package postgres is rasid's server store: store.Store over PostgreSQL
// (13 or later; 15 is tested) through pgx, for several users and for
// corpora of millions of events. It answers every method as store/sqlite
// does and passes the same conformance suite.
//
// Open takes a postgres:// URL. The tables go in the first schema of the
// search path, which a URL may set (?search_path=rasid): several stores
// can share one database. The schema is migrated at Open from the SQL
// files embedded from migrations/, each applied once, in order, in one
// transaction that holds an advisory lock, so that workers opening a new
// database at the same moment take turns; schema_migrations records them.
//
// Writes are safe to repeat and to race: PutArticles inserts with ON
// CONFLICT DO NOTHING against the unique id and content hash, so that two
// workers storing the same article at once (a redelivered message) end
// with one copy, and the one that lost reports created=false. A batch
// whose article was taken by another transaction meanwhile, or that
// deadlocked with one, is rolled back and run again. Mentions, sources and
// events go in with COPY.
//
// Events are partitioned by month of their day (undated events have a
// partition of their own); a partition is created, and attached without
// locking out readers and writers, the first time a batch holds an event
// of its month. A page of events reads the newest partitions only.
// Statement triggers keep per-day, per-month and total dyad rollups,
// per-month root counts and the count of articles, which
// timelines, the network, actors and stats read: a dyad's timeline over
// ten million events takes milliseconds.
//
// Full-text search indexes the terms of the store.Analyzer as a tsvector
// (the analyser's terms are the lexemes, as the "simple" configuration
// would keep them, not parsed again) under a GIN index; a query is its
// analysed terms ANDed; highlighting is done in Go (store.Matches) as in
// SQLite. Measured against the same terms under a pg_trgm index
// (BenchmarkSearch, on SaudiNewsNet), the tsvector index answers 10-40
// times faster, is smaller and cheaper to build, and matches whole terms,
// where trigrams match substrings (مغرب in مغربي) unless the query is
// written to anchor them.
//
// The connections run with JIT off (plans over many partitions cost
// enough to trigger it, and compiling them took seconds) and plan their
// prepared queries once (planning over every partition costs more than
// running most queries).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"rasid/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys (the first of two int4 keys; the second is the hash
// of the schema, so that stores in other schemas do not wait).
const (
	lockMigrate   = 0x72617301
	lockPartition = 0x72617302
)

// DB is a store.Store in one PostgreSQL schema. It is safe for concurrent
// use.
type DB struct {
	pool    *pgxpool.Pool
	analyze store.Analyzer
	url     string

	// months holds the months ("2025-03") whose partition of events is
	// known to exist.
	months sync.Map
	// retries counts the batches run again after losing a race (for
	// tests).
	retries atomic.Int64
}

var (
	_ store.Store    = (*DB)(nil)
	_ store.Preparer = (*DB)(nil)
)

// Open connects to the database at url (postgres://user@host/db, with
// ?search_path=schema to use another schema than the user's default) and
// migrates its schema. analyzer makes the search terms of texts and
// queries (build it from rasid/arabic); a database must always be opened
// with the same one, or full-text search misses what was indexed with the
// other. Returns EINVALID for an empty or malformed url or a nil analyzer.
func Open(ctx context.Context, url string, analyzer store.Analyzer) (*DB, error) {
	if url == "" {
		return nil, store.Errorf(store.EINVALID, "postgres: no database URL")
	}
	if analyzer == nil {
		return nil, store.Errorf(store.EINVALID, "postgres: no analyzer")
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message may quote the URL, password included.
		return nil, store.Errorf(store.EINVALID, "postgres: %s is not a valid database URL", Redact(url))
	}
	// The plans of a query over events hold a node per partition, which
	// inflates their estimated cost past JIT's thresholds: compiling
	// them took seconds for queries that run in milliseconds (an export
	// of a month of one dyad over 10M events: 12 s of JIT for 90 ms of
	// work). Off unless the URL asks for it.
	//
	// Planning a query over every partition takes tens of milliseconds,
	// often more than running it: the store's queries are prepared
	// (pgx caches them per connection) and planned once, generically,
	// with the partitions of a day range pruned when they run. Measured
	// over 10M events, a page of a dyad's events went from 39 to 5 ms.
	for k, v := range map[string]string{"jit": "off", "plan_cache_mode": "force_generic_plan"} {
		if _, ok := cfg.ConnConfig.RuntimeParams[k]; !ok {
			cfg.ConnConfig.RuntimeParams[k] = v
		}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db := &DB{pool: pool, analyze: analyzer, url: url}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return db, nil
}

// Redact returns a connection string with its password replaced by
// "xxxxx", for messages and logs: a URL's, even one that does not parse,
// or a keyword/value string's password=….
func Redact(conn string) string {
	scheme, rest, isURL := strings.Cut(conn, "://")
	if !isURL {
		return passwordKV.ReplaceAllString(conn, "password=xxxxx")
	}
	if u, err := url.Parse(conn); err == nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		return u.String()
	}
	// Unparsable: hide all that precedes the authority's last @.
	auth, tail := rest, ""
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		auth, tail = rest[:i], rest[i:]
	}
	if i := strings.LastIndex(auth, "@"); i >= 0 {
		return scheme + "://xxxxx" + auth[i:] + tail
	}
	return conn
}

var passwordKV = regexp.MustCompile(`password\s*=\s*('(?:[^'\\]|\\.)*'|\S*)`)

// URL returns the URL the database was opened with.
func (db *DB) URL() string { return db.url }

// Close closes the connections. It is safe to call more than once; the
// methods fail afterwards.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Migration is one embedded schema migration.
type Migration = store.Migration

// Migrations returns the embedded migrations in the order they apply.
func Migrations() ([]Migration, error) {
	return store.LoadMigrations(migrations, "migrations/*.sql")
}

// migrate applies the migrations the schema lacks in one transaction,
// under an advisory lock on the schema: a second process opening a new
// database waits, then finds the migrations applied; a failure leaves the
// schema as it was.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := Migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var schema *string
		if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if schema == nil {
			var sp string
			_ = tx.QueryRow(ctx, `SHOW search_path`).Scan(&sp)
			return store.Errorf(store.EINVALID, "no schema to create the tables in: the search path (%s) names no existing schema", sp)
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, lockMigrate); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if len(ms) > 0 && current > ms[len(ms)-1].Version {
			return fmt.Errorf("migrate: database schema version %d is newer than this program's (%d)",
				current, ms[len(ms)-1].Version)
		}
		for _, m := range ms {
			if m.Version <= current {
				continue
			}
			// Without arguments pgx sends the file as one simple query,
			// which may hold many statements.
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migrate %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`,
				m.Version, m.Name); err != nil {
				return fmt.Errorf("migrate %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// SchemaVersion returns the version of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// PostgreSQL error codes the store acts on.
const (
	codeSerialization = "40001"
	codeDeadlock      = "40P01"
	codeLockTimeout   = "55P03"
	codeCheck         = "23514"
)

// sqlState returns the SQLSTATE of err, "" if it is not a server error.
func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// errRetry asks for a transaction to be run again: what it read changed
// under it (an article it meant to insert was inserted by another).
var errRetry = errors.New("postgres: concurrent write, retry")

// retryable reports whether a failed transaction may succeed if run
// again.
func retryable(err error) bool {
	switch {
	case errors.Is(err, errRetry):
		return true
	case sqlState(err) == codeDeadlock, sqlState(err) == codeSerialization:
		return true
	}
	return false
}

// maxAttempts bounds the runs of a transaction that keeps losing races.
const maxAttempts = 10

// backoff waits before attempt (1, 2, …) of a transaction: a few
// milliseconds, doubling, with jitter so that two losers do not collide
// again.
func backoff(ctx context.Context, attempt int) error {
	d := time.Duration(1<<min(attempt, 8)) * time.Millisecond
	d += time.Duration(rand.Int64N(int64(d)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
