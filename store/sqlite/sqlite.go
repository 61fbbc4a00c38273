// Package sqlite is rasid's embedded store: store.Store over SQLite through
// modernc.org/sqlite (pure Go, no cgo).
//
// The database runs in WAL mode (readers never wait for the writer) with
// foreign keys on, synchronous=NORMAL (a power cut may lose the last
// commits, never consistency) and a busy timeout, and every write
// transaction begins IMMEDIATE, so two processes on one file take turns
// instead of failing. The schema is migrated at Open from the SQL files
// embedded from migrations/, each applied once, in order, in one
// transaction, and recorded in schema_migrations.
//
// Full-text search indexes the terms of the store.Analyzer given to Open,
// space-joined, in contentless FTS5 tables, and highlights the original
// text in Go (store.Matches). Triggers keep per-day dyad and per-month root
// rollups, which the timeline, network, actors and stats read.
package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"rasid/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Memory is the path that opens a private in-memory database.
const Memory = ":memory:"

// BusyTimeout is how long, in milliseconds, a connection waits for another
// writer before failing with SQLITE_BUSY.
const BusyTimeout = 10000

// DB is a store.Store in one SQLite database. It is safe for concurrent
// use.
type DB struct {
	db      *sql.DB
	keep    *sql.Conn // holds an in-memory database alive
	analyze store.Analyzer
	path    string
	// Statements of the lookups ingest makes for every article read,
	// prepared once: parsing them each time cost more than running them.
	findHash, nearDup, findDup *sql.Stmt
	// The statements of PutArticles and AddSource, prepared once.
	ins *inserter

	closeOnce sync.Once
	closeErr  error
}

var (
	_ store.Store           = (*DB)(nil)
	_ store.Preparer        = (*DB)(nil)
	_ store.DuplicateFinder = (*DB)(nil)
	_ store.CopyPutter      = (*DB)(nil)
)

// Open opens (creating it if needed) the database at path, or a private
// in-memory one for ":memory:", and migrates its schema. analyzer makes
// the search terms of texts and queries (build it from rasid/arabic;
// store.Fields does not stem Arabic); a database must always be opened
// with the same one, or full-text search misses what was indexed with the
// other. Returns EINVALID for an empty path or a nil analyzer.
func Open(ctx context.Context, path string, analyzer store.Analyzer) (*DB, error) {
	if path == "" {
		return nil, store.Errorf(store.EINVALID, "sqlite: no database path")
	}
	if analyzer == nil {
		return nil, store.Errorf(store.EINVALID, "sqlite: no analyzer")
	}
	params := "_pragma=busy_timeout(" + strconv.Itoa(BusyTimeout) + ")&_pragma=foreign_keys(1)&_pragma=temp_store(memory)&_txlock=immediate"
	var dsn string
	if path == Memory {
		// The memdb VFS shares one in-memory database between the
		// connections of the pool when its name starts with "/".
		var b [8]byte
		_, _ = rand.Read(b[:])
		dsn = "file:/rasid-" + hex.EncodeToString(b[:]) + "?vfs=memdb&" + params
	} else {
		dsn = "file:" + escapePath(path) + "?" + params +
			"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	sdb.SetMaxOpenConns(n)
	sdb.SetMaxIdleConns(n)
	db := &DB{db: sdb, analyze: analyzer, path: path}
	if path == Memory {
		if db.keep, err = sdb.Conn(ctx); err != nil {
			sdb.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.prepare(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// prepare prepares the statements kept for the life of db.
func (db *DB) prepare(ctx context.Context) error {
	var err error
	// "content_hash <> ''" lets SQLite use the partial index.
	if db.findHash, err = db.db.PrepareContext(ctx,
		`SELECT id FROM articles WHERE content_hash = ? AND content_hash <> ''`); err != nil {
		return err
	}
	if db.nearDup, err = db.db.PrepareContext(ctx, `
		SELECT id, simhash FROM articles
		WHERE band0 = ?1 OR band1 = ?2 OR band2 = ?3 OR band3 = ?4`); err != nil {
		return err
	}
	if db.findDup, err = db.db.PrepareContext(ctx, `
		SELECT id, simhash, content_hash = ?5 FROM articles
		WHERE (content_hash = ?5 AND content_hash <> '') OR band0 = ?1 OR band1 = ?2 OR band2 = ?3 OR band3 = ?4`); err != nil {
		return err
	}
	return db.prepareInserter(ctx)
}

// escapePath makes a file path safe inside a SQLite URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Path returns the path the database was opened with.
func (db *DB) Path() string { return db.path }

// Close closes the database, after letting SQLite refresh its query
// planner statistics. It is safe to call more than once.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		for _, st := range []*sql.Stmt{db.findHash, db.nearDup, db.findDup} {
			if st != nil {
				st.Close()
			}
		}
		if db.ins != nil {
			db.ins.close()
		}
		_, _ = db.db.Exec("PRAGMA optimize")
		if db.keep != nil {
			db.keep.Close()
		}
		db.closeErr = db.db.Close()
	})
	return db.closeErr
}

// Migration is one embedded schema migration.
type Migration = store.Migration

// Migrations returns the embedded migrations in the order they apply.
func Migrations() ([]Migration, error) {
	return store.LoadMigrations(migrations, "migrations/*.sql")
}

// migrate applies the migrations the database lacks, in one IMMEDIATE
// transaction, so that two processes opening a new file do not both
// apply them and a failure leaves the schema as it was.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := Migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
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
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
		if step := db.afterMigration(m.Version); step != nil {
			if err := step(ctx, tx); err != nil {
				return fmt.Errorf("migrate %s: %w", m.Name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`,
			m.Version, m.Name); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// afterMigration returns the step written in Go that completes the
// migration of that version, in its transaction, or nil.
func (db *DB) afterMigration(version int) func(context.Context, *sql.Tx) error {
	switch version {
	case 2:
		return db.reindexFTS
	}
	return nil
}

// reindexFTS fills the full-text tables from the stored articles and
// events, as PutArticles would have.
func (db *DB) reindexFTS(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []struct{ sel, ins string }{
		{`SELECT pk, title || char(10) || text FROM articles`, `INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)`},
		{`SELECT id, evidence_text FROM events WHERE evidence_text <> ''`, `INSERT INTO events_fts (rowid, terms) VALUES (?, ?)`},
	} {
		if err := db.reindex(ctx, tx, q.sel, q.ins); err != nil {
			return fmt.Errorf("re-indexing the full text: %w", err)
		}
	}
	return nil
}

func (db *DB) reindex(ctx context.Context, tx *sql.Tx, sel, ins string) error {
	st, err := tx.PrepareContext(ctx, ins)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := tx.QueryContext(ctx, sel)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		if terms := db.terms(text); terms != "" {
			if _, err := st.ExecContext(ctx, id, terms); err != nil {
				return err
			}
		}
	}
	return closeRows(rows)
}

// SchemaVersion returns the version of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// terms returns the analysed terms of text, space-joined for FTS5.
func (db *DB) terms(text string) string {
	return strings.Join(db.analyze(text), " ")
}

// ftsQuery turns analysed terms into an FTS5 query that matches a row
// holding all of them: each term a quoted string, so that no term is read
// as an operator. Terms without a letter or digit, which the FTS5
// tokenizer would drop, are left out; "" when none is left.
func ftsQuery(terms []string) string {
	var b strings.Builder
	for _, t := range terms {
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}
