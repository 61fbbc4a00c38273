package coder_test

import (
	"testing"

	"rasid/arabic"
	"rasid/internal/corpus"
)

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
	arts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
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
	arts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
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
