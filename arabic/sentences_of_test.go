package arabic

import (
	"slices"
	"testing"

	"rasid/internal/corpus"
)

// FuzzSentencesOf checks SentencesOf, which passes plain tokens whole,
// against Sentences, which reads every character.
func FuzzSentencesOf(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("أ.\u064e ب") // a mark on a full stop, in its token
	f.Add("قال: \"لا\"\u00a0.\u2028ثم")
	f.Add("2016م. 3.5 U.S. ..x")
	f.Fuzz(func(t *testing.T, text string) {
		want := Sentences(text)
		for _, o := range []Options{DefaultOptions, 0} {
			if got := SentencesOf(text, o.AppendTokens(nil, text)); !slices.Equal(got, want) {
				t.Fatalf("SentencesOf(%q) = %v, want %v", text, got, want)
			}
		}
	})
}

// TestSentencesOfCorpus checks SentencesOf on real articles.
func TestSentencesOfCorpus(t *testing.T) {
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 2<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range arts {
		if got, want := SentencesOf(text, Tokenize(text)), Sentences(text); !slices.Equal(got, want) {
			t.Fatalf("%.60q: SentencesOf = %v, want %v", text, got, want)
		}
	}
}
