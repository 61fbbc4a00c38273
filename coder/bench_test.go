package coder_test

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"rasid/arabic"
)

// saudiArticles loads up to limit bytes of SaudiNewsNet articles from
// ../../shared (skipping when it is absent), one string per article.
func saudiArticles(b *testing.B, limit int) []string {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "saudinewsnet")
	zips, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	if len(zips) == 0 {
		b.Skipf("no SaudiNewsNet corpus in %s", dir)
	}
	var out []string
	total := 0
	for _, name := range zips {
		zr, err := zip.OpenReader(name)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
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
				b.Fatalf("%s: %v", f.Name, err)
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

func totalBytes(arts []string) int64 {
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	return int64(n)
}

// BenchmarkCodeSaudiNewsNet codes real articles one by one on one core:
// MB/s and sentences/s of the whole coder.
func BenchmarkCodeSaudiNewsNet(b *testing.B) {
	arts := saudiArticles(b, 4<<20)
	c := newCoder(b)
	sents := 0
	for _, a := range arts {
		sents += len(arabic.Sentences(a))
	}
	b.SetBytes(totalBytes(arts))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			c.Code(a, day("2015-07-21"))
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnalyseSaudiNewsNet is the baseline in the same run: the Arabic
// analyser alone (tokens and sentences) over the same articles.
func BenchmarkAnalyseSaudiNewsNet(b *testing.B) {
	arts := saudiArticles(b, 4<<20)
	b.SetBytes(totalBytes(arts))
	var toks []arabic.Token
	for b.Loop() {
		for _, a := range arts {
			toks = arabic.DefaultOptions.AppendTokens(toks[:0], a)
			arabic.Sentences(a)
		}
	}
}

const sample = `أجرى وزير الخارجية المصري سامح شكري، يوم الثلاثاء، اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي، بحث خلاله الجانبان تطورات الأوضاع في المنطقة.
وأشاد الوزيران بمستوى التنسيق بين البلدين، واتفقا على عقد اجتماع للجنة المشتركة الشهر المقبل في عمّان.
وفي سياق آخر، نددت وزارة الخارجية المصرية بالغارات التي شنها الجيش الإسرائيلي على قطاع غزة، وطالبت المجتمع الدولي بالتحرك العاجل.
`

// BenchmarkCode codes a short article written for the benchmark.
func BenchmarkCode(b *testing.B) {
	c := newCoder(b)
	b.SetBytes(int64(len(sample)))
	for b.Loop() {
		c.Code(sample, day("2023-03-09"))
	}
}
