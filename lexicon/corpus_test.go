package lexicon_test

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// saudiArticles loads up to limit bytes of SaudiNewsNet article contents
// from ../../shared, skipping when the corpus is absent.
func saudiArticles(b *testing.B, limit int) []string {
	b.Helper()
	zips, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "saudinewsnet", "*.zip"))
	if len(zips) == 0 {
		b.Skip("no SaudiNewsNet corpus in ../../shared")
	}
	var out []string
	total := 0
	for _, name := range zips {
		zr, err := zip.OpenReader(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".json") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				b.Fatal(err)
			}
			var arts []struct {
				Content string `json:"content"`
			}
			err = json.NewDecoder(rc).Decode(&arts)
			rc.Close()
			if err != nil {
				b.Fatal(err)
			}
			for _, a := range arts {
				if total+len(a.Content) > limit {
					zr.Close()
					return out
				}
				out = append(out, a.Content)
				total += len(a.Content)
			}
		}
		zr.Close()
	}
	return out
}
