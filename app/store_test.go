package app_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"rasid/app"
	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
)

// TestOpenStorePostgres: a postgres:// URL opens the PostgreSQL backend,
// with the Arabic analyser, and the same ingest stores the same thing in
// it as in SQLite (near-duplicates and extra sources included).
func TestOpenStorePostgres(t *testing.T) {
	url := pgtest.Schema(t)
	ctx := context.Background()
	pg, err := app.OpenStore(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if _, ok := pg.(*postgres.DB); !ok {
		t.Fatalf("OpenStore(%s) = %T, want *postgres.DB", url, pg)
	}
	lite := openTemp(t)

	in := filepath.Join(t.TempDir(), "c.jsonl")
	text := corpus(80)
	// A copy of the first story at another outlet: a duplicate recorded
	// as a source.
	first, _, _ := strings.Cut(text, "\n")
	text += strings.Replace(strings.Replace(first, `"t-00000"`, `"t-copy"`, 1), `"outlet-0"`, `"outlet-9"`, 1) + "\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := app.NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	var sums [2]app.IngestSummary
	for i, st := range []store.Store{lite, pg} {
		if sums[i], err = app.Ingest(ctx, st, c, []string{in}, nil, app.IngestOptions{BatchSize: 16}); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(sums[0], sums[1]) || sums[1].New == 0 || sums[1].Duplicate+sums[1].NearDuplicate == 0 {
		t.Errorf("ingest summaries: SQLite %+v, PostgreSQL %+v", sums[0], sums[1])
	}
	var stats [2]store.Stats
	var rows [2][]string
	var hits [2][]string
	for i, st := range []store.Store{lite, pg} {
		if stats[i], err = st.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		if err := st.ExportEvents(ctx, store.EventFilter{}, func(r store.ExportRow) error {
			r.Event.ID = 0
			rows[i] = append(rows[i], strings.Join([]string{r.Event.ArticleID, r.Event.Code, r.Event.Source,
				r.Event.Target, r.Event.Date, r.Event.Evidence.Text, r.URL, r.Outlet, r.Published.String()}, "|"))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		hs, err := st.SearchArticles(ctx, "مغربية", 100) // stems as المغربي
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			hits[i] = append(hits[i], h.ID+" "+h.Snippet)
		}
		slices.Sort(hits[i])
	}
	if stats[0].Articles != stats[1].Articles || stats[0].Events != stats[1].Events || stats[0].Sources != stats[1].Sources ||
		!slices.Equal(stats[0].Months, stats[1].Months) || !slices.Equal(stats[0].Roots, stats[1].Roots) {
		t.Errorf("Stats: SQLite %+v, PostgreSQL %+v", stats[0], stats[1])
	}
	if !slices.Equal(rows[0], rows[1]) || len(rows[1]) == 0 {
		t.Errorf("exports differ: SQLite %d rows, PostgreSQL %d", len(rows[0]), len(rows[1]))
	}
	if !slices.Equal(hits[0], hits[1]) || len(hits[1]) == 0 {
		t.Errorf("search: SQLite %v, PostgreSQL %v", hits[0], hits[1])
	}
	a, err := pg.Article(ctx, "t-00000")
	if err != nil || a.NumSources != 2 {
		t.Errorf("the story carried twice: %d sources, %v; want 2", a.NumSources, err)
	}
}

// TestOpenStorePostgresError: a server that cannot be reached is an error
// that names it without its password.
func TestOpenStorePostgresError(t *testing.T) {
	_, err := app.OpenStore(context.Background(), "postgres://rasid:s3cret@127.0.0.1:1/rasid?connect_timeout=5")
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "rasid:xxxxx@127.0.0.1:1") {
		t.Errorf("OpenStore of a closed port: %v", err)
	}
}
