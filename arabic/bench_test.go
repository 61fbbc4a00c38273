package arabic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"rasid/internal/corpus"
)

// sample is testdata/sample.txt: news-like prose written for these
// benchmarks (titles, bylines, quotes, numbers, dates, Latin acronyms).
func sample(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// BenchmarkTokenize measures tokenising with normalisation, the work every
// article goes through before matching, allocating the result as a caller
// of Tokenize does.
func BenchmarkTokenize(b *testing.B) {
	text := sample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

// BenchmarkAppendTokens is BenchmarkTokenize reusing the token slice.
func BenchmarkAppendTokens(b *testing.B) {
	text := sample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks []Token
	for b.Loop() {
		toks = DefaultOptions.AppendTokens(toks[:0], text)
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := sample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	buf := make([]byte, 0, 2*len(text))
	for b.Loop() {
		buf = DefaultOptions.AppendNormalize(buf[:0], text)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := sample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}

// BenchmarkSentencesOf is BenchmarkSentences for a text already tokenised.
func BenchmarkSentencesOf(b *testing.B) {
	text := sample(b)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		SentencesOf(text, toks)
	}
}

// sampleWords returns the sample and the normalised forms of its words.
func sampleWords(b *testing.B) (string, []string) {
	text := sample(b)
	var words []string
	for _, t := range Tokenize(text) {
		if t.Kind == Word {
			words = append(words, t.Norm)
		}
	}
	return text, words
}

// BenchmarkCandidates measures the clitic readings of every word of the
// sample, as the lexicon asks for them.
func BenchmarkCandidates(b *testing.B) {
	text, words := sampleWords(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var cands []Candidate
	for b.Loop() {
		for _, w := range words {
			cands = AppendCandidates(cands[:0], w)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	text, words := sampleWords(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}

// BenchmarkBleveArabic is the baseline: bleve's full Arabic analyzer
// (Unicode word segmentation, lower case, NFKC, stop words, Arabic
// normalisation, stemming) over the same text.
func BenchmarkBleveArabic(b *testing.B) {
	text := []byte(sample(b))
	analyzer, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		analyzer.Analyze(text)
	}
}

// BenchmarkSaudiNewsNet tokenises up to 20 MB of real articles from the
// SaudiNewsNet corpus in ../../shared (skipped when it is absent).
func BenchmarkSaudiNewsNet(b *testing.B) {
	text := saudiNewsNet(b, 20<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks []Token
	for b.Loop() {
		toks = DefaultOptions.AppendTokens(toks[:0], text)
	}
}

// saudiNewsNet concatenates the contents of the corpus's articles, one per
// paragraph, up to limit bytes.
func saudiNewsNet(b *testing.B, limit int) string {
	b.Helper()
	arts := corpus.SaudiNewsNetOrSkip(b, limit)
	return strings.Join(arts, "\n") + "\n"
}
