package app_test

import (
	"context"
	"path/filepath"
	"testing"

	"rasid/app"
)

// BenchmarkIngestAntCorpus reads, deduplicates, codes and stores the ANT
// corpus (10,161 Tunisian articles in ../../shared, skipped when absent)
// into a fresh SQLite database: articles/s of the whole pipeline.
func BenchmarkIngestAntCorpus(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "corpus", "antcorpus")
	if _, err := filepath.Glob(dir); err != nil {
		b.Skip(err)
	}
	c, _, err := app.NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	var n int
	for i := 0; b.Loop(); i++ {
		st, err := app.OpenStore(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		sum, _ := app.Ingest(context.Background(), st, c, []string{dir}, nil, app.IngestOptions{})
		st.Close()
		if sum.Read == 0 {
			b.Skip("no ANT corpus in ../../shared")
		}
		n = sum.Read
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
