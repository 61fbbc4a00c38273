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

// TestAppendTokensRepeats checks that tokens normalised once and taken
// again for a repeated word (AppendTokens) are those Normalize gives, in
// real articles appended one after the other to the same slice.
func TestAppendTokensRepeats(t *testing.T) {
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, "أحمد أحمد أحمدُ أحمد", "إلى إلى الى إلى")
	var all []Token
	for _, text := range arts {
		n := len(all)
		all = DefaultOptions.AppendTokens(all, text)
		for i, k := range all[n:] {
			raw := text[k.Start:k.End]
			if k.Kind != Punct && k.Kind != Symbol && k.Norm != Normalize(raw) {
				t.Fatalf("%.40q: token %d %q: Norm %q, want %q", text, i, raw, k.Norm, Normalize(raw))
			}
		}
		if !slices.Equal(all[n:], Tokenize(text)) {
			t.Fatalf("%.40q: appended tokens differ from Tokenize", text)
		}
	}
}
