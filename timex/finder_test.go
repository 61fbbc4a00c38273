package timex

import (
	"slices"
	"testing"

	"rasid/internal/corpus"
)

// checkFinder checks that a Finder asked for the expressions up to each
// of stops in turn returns, each time, a prefix of Find's holding all
// those that start before the stop, and at the end all of them.
func checkFinder(t *testing.T, r *Resolver, text string, stops []int) {
	t.Helper()
	pub := day(thursday)
	want := r.Find(text, pub)
	f := r.NewFinder(text, pub)
	for _, pos := range stops {
		got := f.Until(pos)
		if len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
			t.Fatalf("%.60q: Until(%d) = %v, not a prefix of Find's %v", text, pos, got, want)
		}
		for _, e := range want[len(got):] {
			if e.Start < pos {
				t.Fatalf("%.60q: Until(%d) misses %+v", text, pos, e)
			}
		}
	}
	if got := f.Until(len(text) + 1); !slices.Equal(got, want) {
		t.Fatalf("%.60q: Until(end) = %v, want %v", text, got, want)
	}
}

// TestFinderCorpus checks Finder on real articles, stopping at each line.
func TestFinderCorpus(t *testing.T) {
	r := New()
	texts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range findCases {
		texts = append(texts, tc.text)
	}
	for _, text := range texts {
		var stops []int
		for i := range len(text) {
			if text[i] == '\n' || text[i] == '.' || i%97 == 0 {
				stops = append(stops, i)
			}
		}
		checkFinder(t, r, text, stops)
	}
}

// FuzzFinder checks Finder at two stops in any text.
func FuzzFinder(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text, 5, 20)
	}
	r := New()
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b < a {
			return
		}
		checkFinder(t, r, text, []int{a, b})
	})
}
