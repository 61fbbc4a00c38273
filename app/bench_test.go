package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/app"
	snn "rasid/internal/corpus"
	"rasid/internal/cputime"
	"rasid/store"
)

// BenchmarkIngestAntCorpus reads, deduplicates, codes and stores the ANT
// corpus (10,161 Tunisian articles in ../../shared, skipped when absent)
// into a fresh SQLite database: articles/s of the whole pipeline, and
// articles per CPU-second (what the run costs, whatever else the machine
// is doing; on n idle cores articles/s approaches n times it).
func BenchmarkIngestAntCorpus(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "corpus", "antcorpus")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no ANT corpus:", err)
	}
	benchIngest(b, dir)
}

// BenchmarkIngestSaudiNewsNet is BenchmarkIngestAntCorpus on the first
// 20 MB of SaudiNewsNet, written as one JSONL file first: into an empty
// database (a bulk load, which looks copies up in its own index only), and
// into one that holds an article already (each article looked up in the
// store too).
func BenchmarkIngestSaudiNewsNet(b *testing.B) {
	arts := snn.SaudiNewsNetOrSkip(b, 20<<20)
	path := filepath.Join(b.TempDir(), "snn.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(f)
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	for i, text := range arts {
		item := map[string]string{"id": fmt.Sprintf("snn-%06d", i), "text": text, "published": day.Format(time.DateOnly)}
		if err := enc.Encode(item); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	b.Run("empty", func(b *testing.B) { benchIngest(b, path) })
	b.Run("nonempty", func(b *testing.B) { benchIngestInto(b, path, true) })
}

// benchIngest runs with the collector's target of `rasid ingest`
// (app.BatchGC).
func benchIngest(b *testing.B, source string) { benchIngestInto(b, source, false) }

// benchIngestInto is benchIngest into a database holding one article
// already when prestored is set.
func benchIngestInto(b *testing.B, source string, prestored bool) {
	defer debug.SetGCPercent(debug.SetGCPercent(app.BatchGCPercent))
	c, _, err := app.NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	var n int
	cpu := cputime.Process()
	for b.Loop() {
		st, err := app.OpenStore(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		if prestored {
			if _, _, err := st.PutArticle(context.Background(), store.Article{Document: rasid.Document{ID: "prestored", Text: "مقال سابق في قاعدة البيانات"}}); err != nil {
				b.Fatal(err)
			}
		}
		sum, err := app.Ingest(context.Background(), st, c, []string{source}, nil, app.IngestOptions{})
		st.Close()
		if err != nil && !errors.Is(err, app.ErrSomeFailed) {
			b.Fatal(err)
		}
		if sum.Failed > 0 && len(sum.Failures) > 0 {
			b.Logf("%d inputs failed, first: %s: %s", sum.Failed, sum.Failures[0].Where, sum.Failures[0].Reason)
		}
		n += sum.Read
	}
	cpu = cputime.Process() - cpu
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkPutCodedArticles stores 2,000 coded SaudiNewsNet articles
// (coded and prepared once, before timing, as ingest's coders do) into a
// fresh SQLite database in batches of app.DefaultBatchSize, as ingest
// does: the work of ingest's storing stage, which every article passes
// through in turn.
func BenchmarkPutCodedArticles(b *testing.B) {
	texts := snn.SaudiNewsNetOrSkip(b, 8<<20)
	c, _, err := app.NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	// Prepared by a store of the kind stored into, as ingest's coders
	// prepare them.
	pst, err := app.OpenStore(b.Context(), filepath.Join(b.TempDir(), "prep.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer pst.Close()
	prep := pst.(store.Preparer)
	var arts []store.Article
	for i, text := range texts {
		if len(arts) == 2000 {
			break
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		res := c.Code(text, day)
		arts = append(arts, store.Article{
			Document:    rasid.Document{ID: fmt.Sprintf("snn-%06d", i), Text: text, Published: day, Lang: "ar"},
			ContentHash: fmt.Sprintf("h%06d", i), Events: res.Events, Mentions: res.Actors,
		})
		prep.PrepareArticle(&arts[len(arts)-1])
	}
	n := 0
	cpu := cputime.Process()
	for b.Loop() {
		st, err := app.OpenStore(b.Context(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < len(arts); i += app.DefaultBatchSize {
			if _, err := st.PutArticles(b.Context(), arts[i:min(i+app.DefaultBatchSize, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		st.Close()
		n += len(arts)
	}
	cpu = cputime.Process() - cpu
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
}
