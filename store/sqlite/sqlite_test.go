package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"rasid/store"
	"rasid/store/sqlite"
	"rasid/store/storetest"
)

func openFile(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path, storetest.Analyzer)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStoreFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openFile(t, filepath.Join(t.TempDir(), "rasid.db"))
	})
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openFile(t, sqlite.Memory)
	})
}

func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rasid.db")
	db, err := sqlite.Open(ctx, path, storetest.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, storetest.BenchArticles(0, 10, 2)); err != nil {
		t.Fatal(err)
	}
	// A second handle on the same file sees the data, and its writes are
	// seen by the first.
	other := openFile(t, path)
	if a, err := other.Article(ctx, "syn-00000003"); err != nil || len(a.Events) != 2 {
		t.Fatalf("second handle: Article = %d events, %v", len(a.Events), err)
	}
	if _, err := other.PutArticles(ctx, storetest.BenchArticles(10, 5, 2)); err != nil {
		t.Fatal(err)
	}
	if hits, err := db.SearchArticles(ctx, "المغرب", 100); err != nil || len(hits) != 15 {
		t.Fatalf("first handle: search = %d hits, %v; want 15", len(hits), err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened, it keeps its data and its schema version.
	db = openFile(t, path)
	st, err := db.Stats(ctx)
	if err != nil || st.Articles != 15 || st.Events != 30 {
		t.Fatalf("reopened: Stats = %+v, %v", st, err)
	}
	ms, err := sqlite.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].Version {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, ms[len(ms)-1].Version)
	}
}

func TestMigrations(t *testing.T) {
	ms, err := sqlite.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Version != 1 || ms[0].Name != "0001_init.sql" {
		t.Fatalf("Migrations = %v", ms)
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %s: version %d, want %d (no gaps)", m.Name, m.Version, i+1)
		}
	}

	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rasid.db")
	db := openFile(t, path)
	raw := rawDB(t, path)
	var n int
	if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Errorf("schema_migrations holds %d rows, %v; want %d", n, err, len(ms))
	}
	var mode string
	if err := raw.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	db.Close()

	// A database migrated by a newer program is refused.
	if _, err := raw.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if db, err := sqlite.Open(ctx, path, store.Fields); err == nil {
		db.Close()
		t.Error("Open of a database from the future succeeded")
	}
}

// rawDB opens the file directly, to look at the tables.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func TestMemoryIsPrivate(t *testing.T) {
	ctx := t.Context()
	a, b := openFile(t, sqlite.Memory), openFile(t, sqlite.Memory)
	if _, err := a.PutArticles(ctx, storetest.BenchArticles(0, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if st, err := b.Stats(ctx); err != nil || st.Articles != 0 {
		t.Errorf("a second in-memory store sees %d articles, %v", st.Articles, err)
	}
}

func TestOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a dir?#%", "rasid#1?.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	db := openFile(t, path)
	if _, err := db.PutArticles(t.Context(), storetest.BenchArticles(0, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at %s: %v", path, err)
	}
}

// TestKilledWriter kills a process in the middle of its writes and checks
// that the database it leaves is whole: every batch is there entirely or
// not at all, and the rollups agree with the events.
func TestKilledWriter(t *testing.T) {
	if path := os.Getenv("RASID_STORE_WRITER"); path != "" {
		db, err := sqlite.Open(context.Background(), path, storetest.Analyzer)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for i := 0; ; i += 50 {
			if _, err := db.PutArticles(context.Background(), storetest.BenchArticles(i, 50, 5)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			if i == 0 {
				fmt.Println("started")
			}
		}
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "rasid.db")
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
		cmd.Env = append(os.Environ(), "RASID_STORE_WRITER="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "started\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: the writer said %q", round, line)
		}
		time.Sleep(time.Duration(100+150*round) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()

		db := openFile(t, path)
		st, err := db.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles == 0 || st.Articles%50 != 0 || st.Events != 5*st.Articles {
			t.Errorf("round %d: %d articles, %d events: a batch was cut", round, st.Articles, st.Events)
		}
		raw := rawDB(t, path)
		var check string
		var events, rollup, roots, fts int
		if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
			t.Errorf("round %d: integrity_check = %q, %v", round, check, err)
		}
		if err := raw.QueryRow(`SELECT (SELECT count(*) FROM events), (SELECT sum(events) FROM dyad_days),
			(SELECT sum(events) FROM root_months), (SELECT count(*) FROM events_fts)`).Scan(&events, &rollup, &roots, &fts); err != nil {
			t.Fatal(err)
		}
		if events != st.Events || rollup != events || roots != events || fts != events {
			t.Errorf("round %d: %d events, rollups %d and %d, %d indexed; want all %d", round, events, rollup, roots, fts, st.Events)
		}
		t.Logf("round %d: %d articles after the kill", round, st.Articles)
		db.Close()
		raw.Close()
	}
}

// TestRollups checks that the triggers keep every rollup equal to the
// events it sums, after puts and after articles are deleted (which no
// method does yet, but a cascade must not leave the rollups behind).
func TestRollups(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rasid.db")
	db := openFile(t, path)
	articles := storetest.BenchArticles(0, 300, 4)
	for i := range articles {
		if i%5 == 0 { // some undated events
			articles[i].Events[0].Date = ""
			articles[i].Published = time.Time{}
		}
	}
	if _, err := db.PutArticles(ctx, articles); err != nil {
		t.Fatal(err)
	}
	raw := rawDB(t, path)
	check := func(when string) {
		t.Helper()
		for _, q := range []struct{ name, rollup, events string }{
			{"dyad_days",
				`SELECT source, target, day, events, round(goldstein, 6), q1, q2, q3, q4 FROM dyad_days`,
				`SELECT source, target, day, count(*), round(sum(goldstein), 6), sum(quad_class = 1),
					sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4) FROM events GROUP BY 1, 2, 3`},
			{"dyad_months",
				`SELECT source, target, month, events, round(goldstein, 6) FROM dyad_months`,
				`SELECT source, target, substr(day, 1, 7), count(*), round(sum(goldstein), 6) FROM events GROUP BY 1, 2, 3`},
			{"dyads",
				`SELECT source, target, events, round(goldstein, 6) FROM dyads`,
				`SELECT source, target, count(*), round(sum(goldstein), 6) FROM events GROUP BY 1, 2`},
			{"root_months",
				`SELECT month, root, events FROM root_months`,
				`SELECT substr(day, 1, 7), root, count(*) FROM events GROUP BY 1, 2`},
		} {
			var diff int
			if err := raw.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM (SELECT * FROM (`+q.rollup+`) EXCEPT SELECT * FROM (`+q.events+`))) +
				(SELECT count(*) FROM (SELECT * FROM (`+q.events+`) EXCEPT SELECT * FROM (`+q.rollup+`)))`).Scan(&diff); err != nil {
				t.Fatal(err)
			}
			if diff != 0 {
				t.Errorf("%s: %s differs from the events in %d rows", when, q.name, diff)
			}
		}
		var events, indexed int
		if err := raw.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM events_fts)`).Scan(&events, &indexed); err != nil {
			t.Fatal(err)
		}
		if events != indexed {
			t.Errorf("%s: %d events, %d in events_fts", when, events, indexed)
		}
	}
	check("after put")
	if _, err := raw.ExecContext(ctx, `PRAGMA foreign_keys = ON; DELETE FROM articles WHERE pk % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	check("after delete")
	if st, err := db.Stats(ctx); err != nil || st.Articles != 200 || st.Events != 800 {
		t.Errorf("after delete: Stats = %d articles, %d events, %v; want 200, 800", st.Articles, st.Events, err)
	}
	if hits, err := db.SearchArticles(ctx, "المغرب", 1000); err != nil || len(hits) != 200 {
		t.Errorf("after delete: search = %d hits, %v; want 200", len(hits), err)
	}
}

func TestOpenInvalid(t *testing.T) {
	for _, tc := range []struct {
		path     string
		analyzer store.Analyzer
	}{
		{"", storetest.Analyzer},
		{filepath.Join(t.TempDir(), "rasid.db"), nil},
	} {
		db, err := sqlite.Open(t.Context(), tc.path, tc.analyzer)
		if store.ErrorCode(err) != store.EINVALID {
			t.Errorf("Open(%q, analyzer %v) = %v, want EINVALID", tc.path, tc.analyzer != nil, err)
		}
		if db != nil {
			db.Close()
		}
	}
	if _, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "no", "such", "dir", "rasid.db"), store.Fields); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}

// TestMigrateReindexesFullText opens a database made by the first schema
// (full-text tables tokenised by unicode61) holding an article and an
// event: the migration to the ascii tokenizer must re-index both, so
// that search finds them as before.
func TestMigrateReindexesFullText(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := sqlite.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '')`,
		ms[0].SQL,
		`INSERT INTO schema_migrations (version, name) VALUES (1, '` + ms[0].Name + `')`,
		`INSERT INTO articles (pk, id, title, text) VALUES (7, 'a1', 'زيارة', 'استقبل الملك المغربي وزير الخارجية الروسي.')`,
		`INSERT INTO articles_fts (rowid, terms) VALUES (7, 'stale')`,
		`INSERT INTO events (id, article_pk, seq, code, root, evidence_text) VALUES (3, 7, 0, '043', '04', 'استقبل الملك المغربي وزير الخارجية الروسي.')`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	raw.Close()

	db, err := sqlite.Open(ctx, path, storetest.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].Version {
		t.Fatalf("schema version %d (%v), want %d", v, err, ms[len(ms)-1].Version)
	}
	hits, err := db.SearchArticles(ctx, "الروسية", 0)
	if err != nil || len(hits) != 1 || hits[0].ID != "a1" {
		t.Errorf("search after migration: %v, %v; want a1", hits, err)
	}
	if hits, _ := db.SearchArticles(ctx, "stale", 0); len(hits) != 0 {
		t.Errorf("a term of the old index is still found: %v", hits)
	}
	page, err := db.Events(ctx, store.EventFilter{Query: "المغرب"})
	if err != nil || len(page.Events) != 1 {
		t.Errorf("event search after migration: %d events, %v; want 1", len(page.Events), err)
	}
	db.Close()
	raw, err = sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, table := range []string{"articles_fts_config", "events_fts_config"} {
		var size int
		if err := raw.QueryRowContext(ctx, `SELECT v FROM `+table+` WHERE k = 'hashsize'`).Scan(&size); err != nil || size != 16<<20 {
			t.Errorf("%s: hashsize %d, %v; want 16 MiB (migration 0004)", table, size, err)
		}
		var merge int
		if err := raw.QueryRowContext(ctx, `SELECT v FROM `+table+` WHERE k = 'automerge'`).Scan(&merge); err != nil || merge != 0 {
			t.Errorf("%s: automerge %d, %v; want 0 (migration 0005)", table, merge, err)
		}
	}
}
