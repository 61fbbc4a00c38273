package lexicon_test

import (
	"path/filepath"
	"testing"

	"rasid/internal/corpus"
)

// saudiArticles loads up to limit bytes of SaudiNewsNet articles from
// ../../shared, skipping when the corpus is absent.
func saudiArticles(b *testing.B, limit int) []string {
	b.Helper()
	arts, err := corpus.SaudiNewsNet(filepath.Join("..", "..", "shared", "corpus", "saudinewsnet"), limit)
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Skip("no SaudiNewsNet corpus in ../../shared")
	}
	return arts
}
