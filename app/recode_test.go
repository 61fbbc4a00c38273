package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasid/app"
	"rasid/store"
)

// TestRecode stores articles without their events (as an older coder
// might have), then recodes them: the events appear, and a second run
// changes nothing.
func TestRecode(t *testing.T) {
	ctx := context.Background()
	c, _, err := app.NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(in, []byte(corpus(30)), 0o644); err != nil {
		t.Fatal(err)
	}
	full := openTemp(t)
	if _, err := app.Ingest(ctx, full, c, []string{in}, nil, app.IngestOptions{NearDistance: -1}); err != nil {
		t.Fatal(err)
	}
	want, _ := full.Stats(ctx)

	// The same articles, stored bare.
	bare := openTemp(t)
	docs, err := full.Documents(ctx, "", 0)
	if err != nil || len(docs) != 30 {
		t.Fatalf("Documents: %d, %v", len(docs), err)
	}
	var arts []store.Article
	for _, d := range docs {
		arts = append(arts, store.Article{Document: d})
	}
	if _, err := bare.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}

	sum, err := app.Recode(ctx, bare, c, app.RecodeOptions{BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 30 || sum.Changed == 0 || sum.Events != want.Events {
		t.Errorf("first recode: %+v; want 30 articles, some changed, %d events", sum, want.Events)
	}
	got, _ := bare.Stats(ctx)
	if got.Events != want.Events || !sameDyads(got.TopDyads, want.TopDyads) {
		t.Errorf("after recode: %d events, dyads %v; an ingest gives %d, %v", got.Events, got.TopDyads, want.Events, want.TopDyads)
	}
	again, err := app.Recode(ctx, bare, c, app.RecodeOptions{})
	if err != nil || again.Changed != 0 || again.Articles != 30 {
		t.Errorf("second recode: %+v, %v; want nothing changed", again, err)
	}
}

func sameDyads(a, b []store.DyadCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source || a[i].Target != b[i].Target || a[i].Events != b[i].Events {
			return false
		}
	}
	return true
}

// TestRecodeCanceled stops at once, storing nothing more.
func TestRecodeCanceled(t *testing.T) {
	c, _, _ := app.NewCoder(nil)
	st := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := app.Recode(ctx, st, c, app.RecodeOptions{}); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("Recode on a canceled context: %v", err)
	}
}
