package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rasid/internal/corpus"
	"rasid/internal/cputime"
	"rasid/store"
	"rasid/store/sqlite"
	"rasid/store/storetest"
)

// BenchmarkPutArticles measures PutArticles into a file, articles of five
// events each, in batches of 1, 100 and 1000, with the Arabic analyzer
// (and, for comparison, store.Fields).
func BenchmarkPutArticles(b *testing.B) {
	for _, bc := range []struct {
		name     string
		batch    int
		analyzer store.Analyzer
	}{
		{"batch=1", 1, storetest.Analyzer},
		{"batch=100", 100, storetest.Analyzer},
		{"batch=1000", 1000, storetest.Analyzer},
		{"batch=100/fields", 100, store.Fields},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "rasid.db"), bc.analyzer)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			n := 0
			cpu := cputime.Process()
			for b.Loop() {
				if _, err := db.PutArticles(b.Context(), storetest.BenchArticles(n, bc.batch, 5)); err != nil {
					b.Fatal(err)
				}
				n += bc.batch
			}
			cpu = cputime.Process() - cpu
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(5*n)/b.Elapsed().Seconds(), "events/s")
			if cpu > 0 {
				b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
			}
		})
	}
}

// The 10M corpus (storetest.Bench10MArticle), in the names the SQL below
// uses.
const (
	benchArticles  = storetest.Bench10MArticles
	benchPerArt    = storetest.Bench10MPerArticle
	benchDays      = storetest.Bench10MDays
	benchFirstDay  = storetest.Bench10MFirstDay
	benchFileName  = "rasid-bench-10m-v3.db" // bump when the schema changes
	benchStates    = storetest.Bench10MStates
	benchCAMEO     = storetest.Bench10MCAMEO
	benchNumStates = len(benchStates) / 3
	benchNumCAMEO  = len(benchCAMEO) / 3
)

// benchDB returns the path of the 10M-event database, building it under
// os.TempDir() the first time (minutes) and reusing it afterwards. It
// skips unless RASID_BENCH_10M=1.
func benchDB(b *testing.B) string {
	if os.Getenv("RASID_BENCH_10M") != "1" {
		b.Skip("set RASID_BENCH_10M=1 to build (once, minutes) and query a 10M-event database")
	}
	path := filepath.Join(os.TempDir(), benchFileName)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	start, cpu := time.Now(), cputime.Process()
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(tmp + suffix)
	}
	if err := buildBenchDB(b.Context(), tmp, benchArticles); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(path)
	b.Logf("built %s: %d articles, %d events, %.1f GB in %v (%v of CPU)",
		path, benchArticles, benchArticles*benchPerArt, float64(fi.Size())/1e9,
		time.Since(start).Round(time.Second), (cputime.Process() - cpu).Round(time.Second))
	return path
}

// buildBenchDB creates the schema with sqlite.Open, then bulk-loads n
// articles of the 10M corpus and their events with INSERT … SELECT from a recursive CTE. For
// speed, it drops the indexes and triggers of events and sources first,
// builds the rollups with one GROUP BY each, and recreates the indexes
// and triggers from their saved DDL, so the result is the schema of
// sqlite.Open with the data PutArticles would have produced (without
// full-text rows: the articles have no text).
func buildBenchDB(ctx context.Context, path string, n int) error {
	db, err := sqlite.Open(ctx, path, store.Fields)
	if err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	exec := func(what, q string, args ...any) error {
		t := time.Now()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if testing.Verbose() {
			fmt.Printf("bench build: %-24s %v\n", what, time.Since(t).Round(time.Millisecond))
		}
		return nil
	}
	for _, p := range []string{"journal_mode = OFF", "synchronous = OFF", "cache_size = -2000000",
		"temp_store = MEMORY", "foreign_keys = OFF"} {
		if err := exec("pragma "+p, "PRAGMA "+p); err != nil {
			return err
		}
	}
	// Save, then drop, what would slow the bulk load.
	var ddl []string
	rows, err := raw.QueryContext(ctx, `SELECT sql FROM sqlite_master
		WHERE tbl_name IN ('events', 'sources') AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		ddl = append(ddl, s)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	for _, s := range ddl {
		f := strings.Fields(s) // CREATE [UNIQUE] INDEX|TRIGGER name …
		kind, name := f[1], f[2]
		if kind == "UNIQUE" {
			kind, name = f[2], f[3]
		}
		if err := exec("drop "+name, "DROP "+kind+" "+name); err != nil {
			return err
		}
	}
	if err := exec("articles", `
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO articles (pk, id, url, source, title, published, content_hash, simhash,
			band0, band1, band2, band3)
		SELECT i, printf('bench-%08d', i), printf('https://example.org/%d', i),
			printf('outlet-%02d', i % 20), '',
			strftime('%Y-%m-%dT12:00:00Z', ?, printf('+%d days', (i * 7919) % ?)),
			printf('bh-%d', i), h, (h >> 48) & 65535, (h >> 32) & 65535, (h >> 16) & 65535, h & 65535
		FROM (SELECT i, ((i * 2654435761) % 2147483647) * 4294967296 + (i * 40503 + 7) % 4294967291 AS h FROM n)`,
		n, benchFirstDay, benchDays); err != nil {
		return err
	}
	if err := exec("sources", `INSERT INTO sources (article_pk, source, url) SELECT pk, source, url FROM articles`); err != nil {
		return err
	}
	if err := exec("article counts", `UPDATE articles SET num_sources = 1, num_articles = 1`); err != nil {
		return err
	}
	// Per event, pseudo-random numbers from its number; states are
	// skewed towards the first of the list (the product of two uniform
	// draws), so a few dyads are heavy, as in news.
	if err := exec("events", `
		WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < ? - 1),
		r AS (
			SELECT a.pk, s.j, a.published,
				((a.pk * ? + s.j) * 2654435761 + 97) % 1000000007 AS h1,
				((a.pk * ? + s.j) * 40503 + 12345) % 998244353 AS h2
			FROM articles a, s
		),
		x AS (
			SELECT pk, j, published, h1, h2,
				(h1 % ?) * ((h1 / ?) % ?) / ? AS si,
				(h2 % ?) * ((h2 / ?) % ?) / ? AS ti,
				substr(?, (h1 / 7) % ? * 3 + 1, 3) AS code
			FROM r
		)
		INSERT INTO events (article_pk, seq, source, source_role, target, target_role, code, root,
			quad_class, goldstein, plover, date, day, date_precision, confidence)
		SELECT pk, j, substr(?, si * 3 + 1, 3), 'GOV',
			substr(?, (CASE WHEN ti = si THEN (ti + 1) % ? ELSE ti END) * 3 + 1, 3), 'GOV',
			code, substr(code, 1, 2), 1 + h2 % 4, (h1 % 201) / 10.0 - 10.0, '',
			date(published, printf('-%d days', j)), date(published, printf('-%d days', j)), 'day', 0.5
		FROM x`,
		benchPerArt, benchPerArt, benchPerArt,
		benchNumStates, benchNumStates, benchNumStates, benchNumStates,
		benchNumStates, benchNumStates, benchNumStates, benchNumStates,
		benchCAMEO, benchNumCAMEO,
		benchStates, benchStates, benchNumStates); err != nil {
		return err
	}
	if err := exec("rollup dyad_days", `INSERT INTO dyad_days (source, target, day, events, goldstein, q1, q2, q3, q4)
		SELECT source, target, day, count(*), sum(goldstein),
			sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4)
		FROM events GROUP BY source, target, day`); err != nil {
		return err
	}
	if err := exec("rollup dyad_months", `INSERT INTO dyad_months (source, target, month, events, goldstein)
		SELECT source, target, substr(day, 1, 7), sum(events), sum(goldstein) FROM dyad_days GROUP BY 1, 2, 3`); err != nil {
		return err
	}
	if err := exec("rollup dyads", `INSERT INTO dyads (source, target, events, goldstein)
		SELECT source, target, sum(events), sum(goldstein) FROM dyad_months GROUP BY 1, 2`); err != nil {
		return err
	}
	if err := exec("rollup root_months", `INSERT INTO root_months (month, root, events)
		SELECT substr(day, 1, 7), root, count(*) FROM events GROUP BY 1, 2`); err != nil {
		return err
	}
	for _, s := range ddl {
		if err := exec("recreate "+strings.Fields(s)[2], s); err != nil {
			return err
		}
	}
	if err := exec("analyze", "ANALYZE"); err != nil {
		return err
	}
	if err := exec("wal", "PRAGMA journal_mode = WAL"); err != nil {
		return err
	}
	return nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// reportMs reports the wall and CPU milliseconds per operation.
func reportMs(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// benchDyads are the dyads the timeline benchmarks query: the heaviest,
// one in the middle, and a light one.
var benchDyads = [][2]string{{"MAR", "RUS"}, {"FRA", "EGY"}, {"POL", "RUS"}}

// BenchmarkDyadTimeline10M times DyadTimeline per month over the whole
// period of a 10-million-event database, for a heavy, a middle and a light
// dyad; "events" is the number of events of the dyad. The events-scan
// variants run the same aggregate over the events table through its
// (source, target, day) index, to show what the dyad_days rollup saves.
func BenchmarkDyadTimeline10M(b *testing.B) {
	path := benchDB(b)
	db, err := sqlite.Open(b.Context(), path, storetest.Analyzer)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	for _, d := range benchDyads {
		var want int
		if err := raw.QueryRow(`SELECT count(*) FROM events WHERE (source = ? AND target = ?) OR (source = ? AND target = ?)`,
			d[0], d[1], d[1], d[0]).Scan(&want); err != nil {
			b.Fatal(err)
		}
		b.Run(d[0]+"-"+d[1]+"/rollup", func(b *testing.B) {
			var pts []store.TimelinePoint
			cpu := cputime.Process()
			for b.Loop() {
				if pts, err = db.DyadTimeline(b.Context(), d[0], d[1], store.IntervalMonth, "", ""); err != nil {
					b.Fatal(err)
				}
			}
			got := 0
			for _, p := range pts {
				got += p.Events
			}
			if got != want {
				b.Fatalf("timeline counts %d events, the events table %d", got, want)
			}
			reportMs(b, cputime.Process()-cpu)
			b.ReportMetric(float64(want), "events")
			b.ReportMetric(float64(len(pts)), "points")
		})
		b.Run(d[0]+"-"+d[1]+"/events-scan", func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				rows, err := raw.QueryContext(b.Context(), `SELECT substr(day, 1, 7), count(*), sum(goldstein),
					sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4)
					FROM events WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?)) AND day <> ''
					GROUP BY 1`, d[0], d[1], d[1], d[0])
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				if err := closeRows(rows); err != nil {
					b.Fatal(err)
				}
			}
			reportMs(b, cputime.Process()-cpu)
			b.ReportMetric(float64(want), "events")
		})
	}
}

// BenchmarkQueries10M times the other read methods on the 10M-event
// database.
func BenchmarkQueries10M(b *testing.B) {
	path := benchDB(b)
	db, err := sqlite.Open(b.Context(), path, storetest.Analyzer)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := b.Context()
	deep := func(f store.EventFilter, pages int) func() error {
		return func() error {
			for range pages {
				p, err := db.Events(ctx, f)
				if err != nil {
					return err
				}
				f.Cursor = p.Next
			}
			return nil
		}
	}
	for _, bc := range []struct {
		name string
		fn   func() error
	}{
		{"Events/first-page", deep(store.EventFilter{}, 1)},
		{"Events/10-pages", deep(store.EventFilter{}, 10)},
		{"Events/actor", deep(store.EventFilter{Actor: "FRA"}, 1)},
		{"Events/dyad", deep(store.EventFilter{Source: "MAR", Target: "RUS"}, 1)},
		{"Events/dyad-range", deep(store.EventFilter{Source: "FRA", Target: "EGY", From: "2020-03", To: "2020-06"}, 1)},
		{"Events/root-quad", deep(store.EventFilter{Root: "17", QuadClass: 4}, 1)},
		{"Network/year", func() error { _, err := db.Network(ctx, "2024", "2024"); return err }},
		{"Network/all", func() error { _, err := db.Network(ctx, "", ""); return err }},
		{"Actors", func() error { _, err := db.Actors(ctx, 20); return err }},
		{"Stats", func() error { _, err := db.Stats(ctx); return err }},
		{"Article", func() error { _, err := db.Article(ctx, "bench-01234567"); return err }},
		{"NearDuplicates", func() error { _, err := db.NearDuplicates(ctx, 0x0123_4567_89AB_CDEF, 3); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				if err := bc.fn(); err != nil {
					b.Fatal(err)
				}
			}
			reportMs(b, cputime.Process()-cpu)
		})
	}
}

// BenchmarkDuplicateLookups measures what ingest asks the store for every
// article it reads, in a database of 20,000 articles (one of them found
// in four, as a rerun finds them): FindByHash then NearDuplicates
// (separate), and both in one query (FindDuplicate), which ingest uses.
func BenchmarkDuplicateLookups(b *testing.B) {
	db, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "rasid.db"), store.Fields)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const stored = 20000
	for i := 0; i < stored; i += 1000 {
		if _, err := db.PutArticles(b.Context(), storetest.BenchArticles(i, 1000, 0)); err != nil {
			b.Fatal(err)
		}
	}
	lookup := func(i int) (string, uint64) {
		k := i * 4 // every fourth lookup is of a stored article
		return fmt.Sprintf("hash-%08d", k), uint64(k+1) * 0x9E37_79B9_7F4A_7C15
	}
	b.Run("separate", func(b *testing.B) {
		i := 0
		for b.Loop() {
			hash, sim := lookup(i)
			if _, _, err := db.FindByHash(b.Context(), hash); err != nil {
				b.Fatal(err)
			}
			if _, err := db.NearDuplicates(b.Context(), sim, 3); err != nil {
				b.Fatal(err)
			}
			i = (i + 1) % stored
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("one query", func(b *testing.B) {
		i := 0
		for b.Loop() {
			hash, sim := lookup(i)
			if _, _, err := db.FindDuplicate(b.Context(), hash, sim, 3); err != nil {
				b.Fatal(err)
			}
			i = (i + 1) % stored
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

// BenchmarkAddSources records a copy of each of 64 articles just stored,
// as ingest does after a batch: one AddSource, one transaction, each
// (each), or PutArticlesWithCopies with the copies alone (one call).
func BenchmarkAddSources(b *testing.B) {
	db, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "rasid.db"), store.Fields)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const n = 64
	first := 0
	// batch stores n new articles, untimed, and returns a copy of each.
	batch := func(b *testing.B) []store.Copy {
		b.StopTimer()
		defer b.StartTimer()
		if _, err := db.PutArticles(b.Context(), storetest.BenchArticles(first, n, 0)); err != nil {
			b.Fatal(err)
		}
		cs := make([]store.Copy, n)
		for i := range cs {
			cs[i] = store.Copy{ArticleID: fmt.Sprintf("syn-%08d", first+i), Source: "Le360", URL: fmt.Sprintf("https://le360.ma/%d", first+i)}
		}
		first += n
		return cs
	}
	b.Run("each", func(b *testing.B) {
		for b.Loop() {
			for _, c := range batch(b) {
				if err := db.AddSource(b.Context(), c.ArticleID, c.Source, c.URL); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("one call", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.PutArticlesWithCopies(b.Context(), nil, batch(b)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFTSTokenizer is the measure behind migration 0002: the analysed
// terms of 4 MB of SaudiNewsNet (skipped when ../shared is absent) into a
// contentless FTS5 table, 256 rows a transaction, with the unicode61
// tokenizer of migration 0001 and the ascii one that replaced it.
func BenchmarkFTSTokenizer(b *testing.B) {
	arts, err := corpus.SaudiNewsNet(filepath.Join("..", corpus.SaudiNewsNetDir), 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Skip("no SaudiNewsNet corpus")
	}
	terms := make([]string, len(arts))
	for i, a := range arts {
		terms[i] = strings.Join(storetest.Analyzer(a), " ")
	}
	for _, tok := range []string{"unicode61 remove_diacritics 0", "ascii"} {
		b.Run(strings.Fields(tok)[0], func(b *testing.B) {
			for b.Loop() {
				if err := fillFTS(b.Context(), filepath.Join(b.TempDir(), "fts.db"), tok, terms); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(terms)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

func fillFTS(ctx context.Context, path, tokenizer string, terms []string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE f USING fts5 (terms, content = '',
		contentless_delete = 1, tokenize = '`+tokenizer+`')`); err != nil {
		return err
	}
	for start := 0; start < len(terms); start += 256 {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for i, t := range terms[start:min(start+256, len(terms))] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO f (rowid, terms) VALUES (?, ?)`, start+i+1, t); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// TestBenchCorpus checks that the SQL of buildBenchDB builds the corpus of
// storetest.Bench10MArticle, which the other backends load, so that the
// 10M benchmarks of every backend run on the same events.
func TestBenchCorpus(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.db")
	const n = 300
	if err := buildBenchDB(t.Context(), path, n); err != nil {
		t.Fatal(err)
	}
	db := openFile(t, path)
	for i := 1; i <= n; i++ {
		want := storetest.Bench10MArticle(i)
		got, err := db.Article(t.Context(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.URL != want.URL || got.Source != want.Source || !got.Published.Equal(want.Published) ||
			got.ContentHash != want.ContentHash || got.SimHash != want.SimHash || len(got.Events) != len(want.Events) {
			t.Fatalf("article %d: SQL built %+v (%d events), Go %+v (%d events)", i, got.Document, len(got.Events), want.Document, len(want.Events))
		}
		for j, e := range got.Events {
			w := want.Events[j]
			w.ID, w.ArticleID, w.Plover = e.ID, e.ArticleID, e.Plover
			if e != w {
				t.Fatalf("article %d, event %d: SQL built %+v, Go %+v", i, j, e, w)
			}
		}
	}
}
