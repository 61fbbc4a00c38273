package postgres_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"rasid"
	"rasid/internal/corpus"
	"rasid/internal/cputime"
	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
	"rasid/store/storetest"
)

// serverCPU returns a function that tells the CPU time the server's
// processes have used so far, for the benchmarks to count the server's
// work beside their own; nil when it cannot be read (a server on another
// machine, no /proc, a user who may not see the data directory).
func serverCPU(ctx context.Context, p *pgxpool.Pool) func() time.Duration {
	var dir string
	if err := p.QueryRow(ctx, `SELECT current_setting('data_directory')`).Scan(&dir); err != nil {
		return nil
	}
	f, err := os.Open(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return nil
	}
	line, _ := bufio.NewReader(f).ReadString('\n')
	f.Close()
	postmaster := strings.TrimSpace(line)
	if _, err := os.Stat("/proc/" + postmaster + "/stat"); err != nil {
		return nil
	}
	const ticks = 100 // USER_HZ on Linux
	return func() time.Duration {
		var total int64
		procs, _ := filepath.Glob("/proc/[0-9]*/stat")
		for _, path := range procs {
			b, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			// pid (comm) state ppid … utime stime: fields 4, 14 and 15.
			_, rest, ok := strings.Cut(string(b), ") ")
			fields := strings.Fields(rest)
			if !ok || len(fields) < 13 {
				continue
			}
			pid := strings.Fields(string(b))[0]
			if pid != postmaster && fields[1] != postmaster {
				continue
			}
			u, _ := strconv.ParseInt(fields[11], 10, 64)
			s, _ := strconv.ParseInt(fields[12], 10, 64)
			total += u + s
		}
		return time.Duration(total) * time.Second / ticks
	}
}

// BenchmarkPutArticles measures PutArticles, articles of five events each
// (storetest.BenchArticles, as SQLite's benchmark), in batches of 1, 100
// and 1000, with the Arabic analyzer (and, for comparison, store.Fields).
// The partitions of the corpus's months exist before the clock starts, as
// they do in a database in use. Besides articles/s it reports articles
// per CPU second of this process and of the server together. The
// async-commit variants set synchronous_commit=off, PostgreSQL's match of
// SQLite's synchronous=NORMAL (a crash may lose the last commits, never
// consistency): commits do not wait for the disk.
func BenchmarkPutArticles(b *testing.B) {
	for _, bc := range []struct {
		name     string
		batch    int
		analyzer store.Analyzer
		params   string
	}{
		{"batch=1", 1, storetest.Analyzer, ""},
		{"batch=1/async-commit", 1, storetest.Analyzer, "&synchronous_commit=off"},
		{"batch=100", 100, storetest.Analyzer, ""},
		{"batch=1000", 1000, storetest.Analyzer, ""},
		{"batch=1000/async-commit", 1000, storetest.Analyzer, "&synchronous_commit=off"},
		{"batch=100/fields", 100, store.Fields, ""},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := b.Context()
			url := pgtest.Schema(b) + bc.params
			db, err := postgres.Open(ctx, url, bc.analyzer)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var months []string
			for m := time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2026; m = m.AddDate(0, 1, 0) {
				months = append(months, m.Format("2006-01"))
			}
			if err := db.EnsureMonths(ctx, months); err != nil {
				b.Fatal(err)
			}
			srv := serverCPU(ctx, rawPool(b, url))
			n := 0
			cpu, scpu := cputime.Process(), time.Duration(0)
			if srv != nil {
				scpu = srv()
			}
			for b.Loop() {
				if _, err := db.PutArticles(ctx, storetest.BenchArticles(n, bc.batch, 5)); err != nil {
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
			if srv != nil {
				if all := cpu + srv() - scpu; all > 0 {
					b.ReportMetric(float64(n)/all.Seconds(), "articles/cpu-s-with-server")
				}
			}
		})
	}
}

// BenchmarkPutArticlesWriters measures PutArticles from several writers
// at once (the coder workers of a queue, each with its own connections),
// batches of 100 distinct articles: articles/s of them all, against one
// writer in the same run.
func BenchmarkPutArticlesWriters(b *testing.B) {
	for _, writers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			ctx := b.Context()
			url := pgtest.Schema(b)
			dbs := make([]*postgres.DB, writers)
			for w := range dbs {
				db, err := postgres.Open(ctx, url, storetest.Analyzer)
				if err != nil {
					b.Fatal(err)
				}
				defer db.Close()
				dbs[w] = db
			}
			var months []string
			for m := time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2026; m = m.AddDate(0, 1, 0) {
				months = append(months, m.Format("2006-01"))
			}
			if err := dbs[0].EnsureMonths(ctx, months); err != nil {
				b.Fatal(err)
			}
			const batch = 100
			n := 0
			for b.Loop() {
				// One round: each writer a batch of its own.
				errs := make(chan error, writers)
				for w, db := range dbs {
					go func() {
						_, err := db.PutArticles(ctx, storetest.BenchArticles(n+w*batch, batch, 5))
						errs <- err
					}()
				}
				for range writers {
					if err := <-errs; err != nil {
						b.Fatal(err)
					}
				}
				n += writers * batch
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSearch is the measurement that chose the full-text index: the
// analysed terms as a tsvector under GIN (what the store does) against the
// same terms as text (space-separated, with a space at either end) under a
// pg_trgm GIN index, queried with LIKE '%term%' (substrings: "مغرب" then
// also finds "مغربي") and LIKE '% term %' (whole terms, as the store must
// match). It
// loads SaudiNewsNet through PutArticles, reports each index's build time
// and size, then times each query; hits tell how far the answers differ.
func BenchmarkSearch(b *testing.B) {
	// This folder is two below the repository's: ../../../shared.
	texts, err := corpus.SaudiNewsNet(filepath.Join("..", "..", "..", "shared", "corpus", "saudinewsnet"), 24<<20)
	if err != nil {
		b.Fatal(err)
	}
	if len(texts) == 0 {
		b.Skip("no SaudiNewsNet corpus in ../../../shared/corpus/saudinewsnet")
	}
	ctx := b.Context()
	url := pgtest.Schema(b)
	raw := rawPool(b, url)
	var schema string
	if err := raw.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		b.Fatal(err)
	}
	if _, err := raw.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA `+pgx.Identifier{schema}.Sanitize()); err != nil {
		b.Skipf("pg_trgm: %v", err)
	}
	db, err := postgres.Open(ctx, url, storetest.Analyzer)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	var size int
	for _, t := range texts {
		size += len(t)
	}
	for i := 0; i < len(texts); i += 500 {
		var as []store.Article
		for k, t := range texts[i:min(i+500, len(texts))] {
			id := fmt.Sprintf("snn-%06d", i+k)
			as = append(as, store.Article{Document: rasid.Document{ID: id, Text: t}, ContentHash: id})
		}
		if _, err := db.PutArticles(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d SaudiNewsNet articles (%.1f MB) in %v", len(texts), float64(size)/1e6, time.Since(start).Round(time.Millisecond))
	exec := func(what, sql string) {
		t := time.Now()
		if _, err := raw.Exec(ctx, sql); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
		b.Logf("%-44s %v", what, time.Since(t).Round(time.Millisecond))
	}
	// The same terms as text: tsvector_to_array gives each term once,
	// which is all a whole-term match needs.
	exec("search_text column", `ALTER TABLE articles ADD COLUMN search_text text`)
	exec("search_text from the terms", `UPDATE articles SET search_text = ' ' || array_to_string(tsvector_to_array(terms), ' ') || ' '`)
	exec("GIN index on the tsvector (a second one)", `CREATE INDEX bench_terms ON articles USING gin (terms)`)
	exec("pg_trgm GIN index on search_text", `CREATE INDEX bench_trgm ON articles USING gin (search_text gin_trgm_ops)`)
	exec("analyze", `VACUUM ANALYZE articles`)
	var tsvSize, trgmSize, textSize int64
	if err := raw.QueryRow(ctx, `SELECT pg_relation_size('bench_terms'), pg_relation_size('bench_trgm'),
		(SELECT sum(octet_length(search_text)) FROM articles)`).Scan(&tsvSize, &trgmSize, &textSize); err != nil {
		b.Fatal(err)
	}
	b.Logf("index sizes: tsvector GIN %.1f MB, pg_trgm GIN %.1f MB (over %.1f MB of terms)",
		float64(tsvSize)/1e6, float64(trgmSize)/1e6, float64(textSize)/1e6)

	for _, q := range []string{"السعودية", "وزير الخارجية", "المغرب", "الحوثيين"} {
		terms := store.QueryTerms(storetest.Analyzer, q)
		var substr, whole []string
		for _, t := range terms {
			substr = append(substr, `search_text LIKE '%`+t+`%'`)
			whole = append(whole, `search_text LIKE '% `+t+` %'`)
		}
		tsq := postgres.TSQuery(terms)
		for _, m := range []struct{ name, sql string }{
			{"tsvector", `SELECT count(*) FROM articles WHERE terms @@ '` + strings.ReplaceAll(tsq, `'`, `''`) + `'::tsquery`},
			{"trigram-substring", `SELECT count(*) FROM articles WHERE ` + strings.Join(substr, " AND ")},
			{"trigram-term", `SELECT count(*) FROM articles WHERE ` + strings.Join(whole, " AND ")},
		} {
			b.Run(m.name+"/"+q, func(b *testing.B) {
				var hits int
				for b.Loop() {
					if err := raw.QueryRow(ctx, m.sql).Scan(&hits); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
				b.ReportMetric(float64(hits), "hits")
			})
		}
		b.Run("SearchArticles/"+q, func(b *testing.B) {
			var hits []store.ArticleHit
			for b.Loop() {
				if hits, err = db.SearchArticles(ctx, q, 20); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}

// benchSchema holds the 10M-event corpus between runs; bump its version
// when the schema or the corpus changes.
const benchSchema = "rasid_bench_10m_v3"

// benchDB returns the URL of the schema holding the 10M-event corpus
// (storetest.Bench10MArticle, the one SQLite's benchmarks build), loading
// it with COPY the first time (minutes) and reusing it afterwards. It
// skips unless RASID_BENCH_10M=1 and RASID_TEST_POSTGRES are set.
func benchDB(b *testing.B) string {
	if os.Getenv("RASID_BENCH_10M") != "1" {
		b.Skip("set RASID_BENCH_10M=1 to build (once, minutes) and query a 10M-event database")
	}
	base := pgtest.URL(b)
	url := pgtest.WithSchema(b, base, benchSchema)
	raw := rawPool(b, base)
	var built bool
	if err := raw.QueryRow(b.Context(), `SELECT to_regclass($1) IS NOT NULL`, benchSchema+".bench_built").Scan(&built); err != nil {
		b.Fatal(err)
	}
	if built {
		return url
	}
	ident := pgx.Identifier{benchSchema}.Sanitize()
	if _, err := raw.Exec(b.Context(), `DROP SCHEMA IF EXISTS `+ident+` CASCADE; CREATE SCHEMA `+ident); err != nil {
		b.Fatal(err)
	}
	start, cpu := time.Now(), cputime.Process()
	if err := buildBenchDB(b, url); err != nil {
		b.Fatal(err)
	}
	var size int64
	if err := raw.QueryRow(b.Context(), `SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`, benchSchema).Scan(&size); err != nil {
		b.Fatal(err)
	}
	b.Logf("built schema %s: %d articles, %d events, %.1f GB in %v (%v of CPU in this process)",
		benchSchema, storetest.Bench10MArticles, storetest.Bench10MArticles*storetest.Bench10MPerArticle,
		float64(size)/1e9, time.Since(start).Round(time.Second), (cputime.Process() - cpu).Round(time.Second))
	return url
}

// benchChunk is the number of articles loaded per transaction.
const benchChunk = 50_000

// buildBenchDB migrates the schema at url, creates the partitions, and
// loads the corpus chunk by chunk, each in one transaction: COPY of the
// articles, of their sources (whose trigger counts them) and of their
// events (whose trigger fills the rollups), as PutArticles does, without
// the analysis (the articles have no text).
func buildBenchDB(b *testing.B, url string) error {
	ctx := b.Context()
	db, err := postgres.Open(ctx, url, store.Fields)
	if err != nil {
		return err
	}
	var months []string
	for m := time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2026; m = m.AddDate(0, 1, 0) {
		months = append(months, m.Format("2006-01"))
	}
	err = db.EnsureMonths(ctx, months)
	db.Close()
	if err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return err
	}
	defer pool.Close()
	empty := pgtype.TSVector{Valid: true}
	for first := 1; first <= storetest.Bench10MArticles; first += benchChunk {
		t := time.Now()
		last := min(first+benchChunk-1, storetest.Bench10MArticles)
		as := make([]store.Article, 0, last-first+1)
		for i := first; i <= last; i++ {
			as = append(as, storetest.Bench10MArticle(i))
		}
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			k := 0
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"articles"}, []string{"id", "url", "source", "title",
				"published", "published_offset", "text", "lang", "content_hash", "simhash", "band0", "band1",
				"band2", "band3", "terms", "num_articles", "num_sources"}, pgx.CopyFromFunc(func() ([]any, error) {
				if k == len(as) {
					return nil, nil
				}
				a := &as[k]
				k++
				bands := store.Bands(a.SimHash)
				return []any{a.ID, a.URL, a.Source, a.Title, a.Published, 0, a.Text, a.Lang, a.ContentHash,
					int64(a.SimHash), int32(bands[0]), int32(bands[1]), int32(bands[2]), int32(bands[3]), empty, 1, 1}, nil
			})); err != nil {
				return err
			}
			// A fresh identity: the chunk's pks follow one another.
			var lo, hi int64
			if err := tx.QueryRow(ctx, `SELECT min(pk), max(pk) FROM articles WHERE id IN ($1, $2)`,
				as[0].ID, as[len(as)-1].ID).Scan(&lo, &hi); err != nil {
				return err
			}
			if hi-lo+1 != int64(len(as)) {
				return fmt.Errorf("chunk at %d: pks %d-%d are not consecutive", first, lo, hi)
			}
			k = 0
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"sources"}, []string{"article_pk", "source", "url"},
				pgx.CopyFromFunc(func() ([]any, error) {
					if k == len(as) {
						return nil, nil
					}
					k++
					return []any{lo + int64(k-1), as[k-1].Source, as[k-1].URL}, nil
				})); err != nil {
				return err
			}
			k = 0
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"article_pk", "seq", "source", "source_role",
				"target", "target_role", "code", "root", "quad_class", "goldstein", "plover", "date", "day",
				"date_precision", "confidence"}, pgx.CopyFromFunc(func() ([]any, error) {
				if k == len(as)*storetest.Bench10MPerArticle {
					return nil, nil
				}
				i, j := k/storetest.Bench10MPerArticle, k%storetest.Bench10MPerArticle
				k++
				e := as[i].Events[j]
				day, _ := time.Parse(time.DateOnly, e.Date)
				return []any{lo + int64(i), j, e.Source, e.SourceRole, e.Target, e.TargetRole, e.Code, e.Root,
					e.QuadClass, e.Goldstein, e.Plover, e.Date, pgtype.Date{Time: day, Valid: true},
					e.DatePrecision, e.Confidence}, nil
			}))
			return err
		})
		if err != nil {
			return fmt.Errorf("chunk at %d: %w", first, err)
		}
		if testing.Verbose() {
			fmt.Printf("bench build: articles %7d-%7d in %v\n", first, last, time.Since(t).Round(time.Millisecond))
		}
	}
	t := time.Now()
	if _, err := pool.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		return err
	}
	if testing.Verbose() {
		fmt.Printf("bench build: vacuum analyze in %v\n", time.Since(t).Round(time.Millisecond))
	}
	_, err = pool.Exec(ctx, `CREATE TABLE bench_built (at timestamptz DEFAULT now())`)
	return err
}

// reportMs reports the wall and CPU (this process) milliseconds per
// operation.
func reportMs(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// benchDyads are the dyads the timeline benchmarks query, as SQLite's:
// the heaviest, one in the middle, and a light one.
var benchDyads = [][2]string{{"MAR", "RUS"}, {"FRA", "EGY"}, {"POL", "RUS"}}

// BenchmarkDyadTimeline10M times DyadTimeline per month over the whole
// period of the 10-million-event corpus, for a heavy, a middle and a light
// dyad; "events" is the number of events of the dyad (the same as in
// SQLite's benchmark: the same corpus). The events-scan variants run the
// same aggregate over the events table through its (source, target, day,
// id) index, to show what the dyad_days rollup saves.
func BenchmarkDyadTimeline10M(b *testing.B) {
	url := benchDB(b)
	ctx := b.Context()
	db, err := postgres.Open(ctx, url, storetest.Analyzer)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	raw := rawPool(b, url)
	for _, d := range benchDyads {
		var want int
		if err := raw.QueryRow(ctx, `SELECT count(*) FROM events WHERE (source = $1 AND target = $2) OR (source = $2 AND target = $1)`,
			d[0], d[1]).Scan(&want); err != nil {
			b.Fatal(err)
		}
		b.Run(d[0]+"-"+d[1]+"/rollup", func(b *testing.B) {
			var pts []store.TimelinePoint
			cpu := cputime.Process()
			for b.Loop() {
				if pts, err = db.DyadTimeline(ctx, d[0], d[1], store.IntervalMonth, "", ""); err != nil {
					b.Fatal(err)
				}
			}
			reportMs(b, cputime.Process()-cpu)
			got := 0
			for _, p := range pts {
				got += p.Events
			}
			if got != want {
				b.Fatalf("timeline counts %d events, the events table %d", got, want)
			}
			b.ReportMetric(float64(want), "events")
			b.ReportMetric(float64(len(pts)), "points")
		})
		b.Run(d[0]+"-"+d[1]+"/events-scan", func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				rows, err := raw.Query(ctx, `SELECT to_char(day, 'YYYY-MM'), count(*), sum(goldstein),
					count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
					count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
					FROM events WHERE ((source = $1 AND target = $2) OR (source = $2 AND target = $1)) AND isfinite(day)
					GROUP BY 1`, d[0], d[1])
				if err != nil {
					b.Fatal(err)
				}
				rows.Close()
				if err := rows.Err(); err != nil {
					b.Fatal(err)
				}
			}
			reportMs(b, cputime.Process()-cpu)
			b.ReportMetric(float64(want), "events")
		})
	}
}

// BenchmarkQueries10M times the other read methods on the 10M-event
// corpus, as SQLite's benchmark of the same name, in the steady state: a
// connection plans each query once (see Open), which "cold-ms" reports,
// the time of the first call on new connections.
func BenchmarkQueries10M(b *testing.B) {
	url := benchDB(b)
	ctx := b.Context()
	var db *postgres.DB
	reopen := func() {
		if db != nil {
			db.Close()
		}
		var err error
		if db, err = postgres.Open(ctx, url, storetest.Analyzer); err != nil {
			b.Fatal(err)
		}
	}
	reopen()
	defer func() { db.Close() }()
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
	var firstEvent int64
	if p, err := db.Events(ctx, store.EventFilter{Source: "POL", Limit: 1}); err != nil || len(p.Events) == 0 {
		b.Fatalf("no event of POL: %v", err)
	} else {
		firstEvent = p.Events[0].ID
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
		{"Event", func() error { _, err := db.Event(ctx, firstEvent); return err }},
		{"Network/year", func() error { _, err := db.Network(ctx, "2024", "2024"); return err }},
		{"Network/all", func() error { _, err := db.Network(ctx, "", ""); return err }},
		{"Actors", func() error { _, err := db.Actors(ctx, 20); return err }},
		{"Stats", func() error { _, err := db.Stats(ctx); return err }},
		{"Article", func() error { _, err := db.Article(ctx, "bench-01234567"); return err }},
		{"NearDuplicates", func() error { _, err := db.NearDuplicates(ctx, 0x0123_4567_89AB_CDEF, 3); return err }},
		{"Export/month", func() error {
			return db.ExportEvents(ctx, store.EventFilter{From: "2020-03", To: "2020-03"},
				func(store.ExportRow) error { return nil })
		}},
		{"Export/dyad-month", func() error {
			return db.ExportEvents(ctx, store.EventFilter{Source: "MAR", Target: "RUS", From: "2020-03", To: "2020-03"},
				func(store.ExportRow) error { return nil })
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			reopen()
			var cold time.Duration
			for i := range 5 {
				start := time.Now()
				if err := bc.fn(); err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					cold = time.Since(start)
				}
			}
			cpu := cputime.Process()
			for b.Loop() {
				if err := bc.fn(); err != nil && !errors.Is(err, context.Canceled) {
					b.Fatal(err)
				}
			}
			reportMs(b, cputime.Process()-cpu)
			// After the loop, which deletes the metrics reported before it.
			b.ReportMetric(float64(cold.Microseconds())/1000, "cold-ms")
		})
	}
}
