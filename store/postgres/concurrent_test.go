package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
	"rasid/store/storetest"
)

// rawPool opens a pool on url to look at the tables, closed when t ends.
func rawPool(t testing.TB, url string) *pgxpool.Pool {
	t.Helper()
	p, err := pgxpool.New(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func count(t testing.TB, p *pgxpool.Pool, sql string) int {
	t.Helper()
	var n int
	if err := p.QueryRow(context.Background(), sql).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// TestConcurrentDuplicates is the scale-out case: several workers, each
// with its own connections, store overlapping batches at the same time
// (a queue redelivers a message, two outlets carry one story), every
// worker in its own order. Every article and event must end up stored
// exactly once, every worker must agree on the id each article got, and
// the rollups must count each event once.
func TestConcurrentDuplicates(t *testing.T) {
	url := pgtest.Schema(t)
	const workers, n, perArticle, batch = 6, 240, 3, 20
	originals := storetest.BenchArticles(0, n, perArticle)
	all := append([]store.Article(nil), originals...)
	// Every fifth story again under another id (another outlet's copy,
	// the same content hash): a duplicate of whichever is stored first.
	for i := 0; i < n; i += 5 {
		c := originals[i]
		c.ID += "-copy"
		c.Source = "Le360"
		all = append(all, c)
	}
	dbs := make([]*postgres.DB, workers)
	for w := range dbs {
		dbs[w] = open(t, url)
	}
	raw := rawPool(t, pgtest.URL(t))
	deadlocks := func() int {
		return count(t, raw, `SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`)
	}
	before := deadlocks()

	results := make([]map[string]store.PutResult, workers) // content hash → result
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		results[w] = map[string]store.PutResult{}
		wg.Go(func() {
			order := rand.New(rand.NewPCG(uint64(w), 7)).Perm(len(all))
			for start := 0; start < len(order); start += batch {
				var as []store.Article
				for _, k := range order[start:min(start+batch, len(order))] {
					as = append(as, all[k])
				}
				res, err := dbs[w].PutArticles(t.Context(), as)
				if err != nil {
					errs <- fmt.Errorf("worker %d: %w", w, err)
					return
				}
				for k, r := range res {
					results[w][as[k].ContentHash+"/"+as[k].ID] = r
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	// Each story was created once, by one worker, under one id all
	// workers report.
	created := 0
	for _, a := range all {
		var id string
		for w := range workers {
			r, ok := results[w][a.ContentHash+"/"+a.ID]
			if !ok {
				t.Fatalf("worker %d has no result for %s", w, a.ID)
			}
			if r.Created {
				created++
			}
			if id == "" {
				id = r.ID
			} else if r.ID != id {
				t.Errorf("%s: worker %d says %s, another %s", a.ID, w, r.ID, id)
			}
		}
	}
	if created != n {
		t.Errorf("%d articles created, want %d", created, n)
	}
	p := rawPool(t, url)
	for _, c := range []struct {
		what string
		sql  string
		want int
	}{
		{"articles", `SELECT count(*) FROM articles`, n},
		{"distinct content hashes", `SELECT count(DISTINCT content_hash) FROM articles`, n},
		{"events", `SELECT count(*) FROM events`, n * perArticle},
		{"events stored twice", `SELECT count(*) FROM (SELECT article_pk, seq FROM events GROUP BY 1, 2 HAVING count(*) > 1) d`, 0},
		{"mentions stored twice", `SELECT count(*) FROM (SELECT article_pk, seq FROM mentions GROUP BY 1, 2 HAVING count(*) > 1) d`, 0},
		{"articles without their own copy", `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_pk = a.pk)`, 0},
	} {
		if got := count(t, p, c.sql); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}
	checkRollups(t, p, "after concurrent puts")
	st, err := dbs[0].Stats(t.Context())
	if err != nil || st.Articles != n || st.Events != n*perArticle {
		t.Errorf("Stats = %d articles, %d events, %v; want %d, %d", st.Articles, st.Events, err, n, n*perArticle)
	}
	retries := 0
	for _, db := range dbs {
		retries += int(db.Retries())
	}
	t.Logf("%d batches run again after losing a race, %d deadlocks among them", retries, deadlocks()-before)
}

// checkRollups checks that every rollup equals what it sums over the
// events, sources and articles.
func checkRollups(t *testing.T, p *pgxpool.Pool, when string) {
	t.Helper()
	for _, q := range []struct{ name, rollup, truth string }{
		{"dyad_days",
			`SELECT source, target, day, events, round(goldstein::numeric, 6), q1, q2, q3, q4 FROM dyad_days`,
			`SELECT source, target, day, count(*), round(sum(goldstein)::numeric, 6),
				count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
				count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
			FROM events WHERE isfinite(day) GROUP BY 1, 2, 3`},
		{"dyad_months",
			`SELECT source, target, month, events, round(goldstein::numeric, 6) FROM dyad_months`,
			`SELECT source, target, to_char(day, 'YYYY-MM'), count(*), round(sum(goldstein)::numeric, 6)
			FROM events WHERE isfinite(day) GROUP BY 1, 2, 3`},
		{"dyads",
			`SELECT source, target, events, round(goldstein::numeric, 6) FROM dyads`,
			`SELECT source, target, count(*), round(sum(goldstein)::numeric, 6) FROM events GROUP BY 1, 2`},
		{"root_months",
			`SELECT month, root, events FROM root_months`,
			`SELECT CASE WHEN isfinite(day) THEN to_char(day, 'YYYY-MM') ELSE '' END, root, count(*) FROM events GROUP BY 1, 2`},
		{"article_counts",
			`SELECT sum(articles) FROM article_counts HAVING sum(articles) <> 0`,
			`SELECT count(*) FROM articles HAVING count(*) <> 0`},
		{"articles.num_articles, num_sources",
			`SELECT pk, num_articles, num_sources FROM articles`,
			`SELECT a.pk, greatest(1, count(s.article_pk)), count(DISTINCT s.source) FILTER (WHERE s.source <> '')
			FROM articles a LEFT JOIN sources s ON s.article_pk = a.pk GROUP BY a.pk`},
	} {
		diff := count(t, p, `SELECT
			(SELECT count(*) FROM ((`+q.rollup+`) EXCEPT (`+q.truth+`)) x) +
			(SELECT count(*) FROM ((`+q.truth+`) EXCEPT (`+q.rollup+`)) y)`)
		if diff != 0 {
			t.Errorf("%s: %s differs from what it sums in %d rows", when, q.name, diff)
		}
	}
}
