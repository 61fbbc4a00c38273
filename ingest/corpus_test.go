package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// antCorpus is the ANT corpus of Tunisian news in TREC-style XML, in the
// shared folder next to the checkout; tests and benchmarks skip without it.
const antCorpus = "../../shared/corpus/antcorpus"

func needAntCorpus(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(antCorpus, "politic")); err != nil {
		tb.Skipf("ANT corpus not available: %v", err)
	}
}

// TestAntCorpus reads files of the ANT corpus: as many documents as
// <DOC>s, every <TIME> parsed (ISO, day-first and the corpus's own
// 2017-01-22T171800), and the whole corpus read with only the empty
// articles reported.
func TestAntCorpus(t *testing.T) {
	needAntCorpus(t)
	for _, c := range []struct {
		file string
		time time.Time
	}{
		{"politic/JA-politic-1-20170121.txt", time.Time{}},
		{"society/JA-society-285-20161218.txt", day(2016, 12, 18)},
		{"culture/JA-culture-31-20170126.txt", time.Date(2017, 1, 26, 7, 31, 0, 0, time.UTC)},
		{"localNews/JA-localNews-41-20170122.txt", time.Date(2017, 1, 22, 17, 18, 0, 0, time.UTC)},
	} {
		path := filepath.Join(antCorpus, c.file)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Error(err)
			continue
		}
		got := collect(t, []string{path}, nil, Options{})
		if n := bytes.Count(b, []byte("<DOC>")); len(got) != n {
			t.Errorf("%s: %d items for %d <DOC>s", c.file, len(got), n)
		}
		for _, it := range got {
			checkItem(t, it)
			if it.Err != nil {
				t.Errorf("%s: %v", it.Where, it.Err)
				continue
			}
			d := it.Doc
			if d.Published.IsZero() || !c.time.IsZero() && !d.Published.Equal(c.time) {
				t.Errorf("%s: Published %v, want %v", it.Where, d.Published, c.time)
			}
			if d.ID != strings.TrimSuffix(filepath.Base(c.file), ".txt") || d.Source != "Jawhara FM" || d.Lang != "ar" || d.Title == "" || !strings.HasPrefix(d.URL, "http://www.jawharafm.net/") {
				t.Errorf("%s: %+v", it.Where, d)
			}
		}
	}

	if testing.Short() {
		return
	}
	docs := 0
	err := filepath.WalkDir(antCorpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			docs += bytes.Count(b, []byte("<DOC>"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{antCorpus}, nil, Options{})
	read, empty := 0, 0
	for _, it := range got {
		checkItem(t, it)
		switch {
		case it.Err == nil:
			read++
			if y := it.Doc.Published.Year(); y < 2012 || y > 2017 || it.Doc.Lang != "ar" {
				t.Errorf("%s: published %v, language %s", it.Where, it.Doc.Published, it.Doc.Lang)
			}
		case errors.Is(it.Err, ErrEmpty):
			empty++ // <TEXT> and <ABSTRACT> both empty in the corpus
		default:
			t.Errorf("%s: %v", it.Where, it.Err)
		}
	}
	if read+empty != docs || empty > docs/100 {
		t.Errorf("read %d and %d empty of %d <DOC>s", read, empty, docs)
	}
	t.Logf("%d <DOC>s: %d read, %d without text", docs, read, empty)
}

// TestSimHashOnCorpus measures, on the articles of the ANT corpus, how
// often a lightly edited copy (the first word replaced by a dateline, 12
// words of another article added at the end) is within each threshold of
// its original, by length; and how many pairs of distinct articles are.
// It documents the choice of a threshold: 3 bits finds only a part of
// such copies of short news articles.
func TestSimHashOnCorpus(t *testing.T) {
	needAntCorpus(t)
	if testing.Short() {
		t.Skip("reads the corpus")
	}
	var texts []string
	for _, it := range collect(t, []string{antCorpus}, nil, Options{}) {
		if it.Err == nil {
			texts = append(texts, it.Doc.Text)
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	thresholds := []int{3, 6, 8}
	type bucket struct{ n, found [3]int }
	buckets := map[string]*bucket{}
	names := []string{"80–149 words", "150–299 words", "300+ words"}
	for _, b := range names {
		buckets[b] = &bucket{}
	}
	for _, txt := range texts {
		w := strings.Fields(txt)
		if len(w) < 80 {
			continue
		}
		name := names[0]
		if len(w) >= 300 {
			name = names[2]
		} else if len(w) >= 150 {
			name = names[1]
		}
		other := strings.Fields(texts[rng.IntN(len(texts))])
		edited := "تونس – " + strings.Join(w[1:], " ") + "\n" + strings.Join(other[:min(12, len(other))], " ")
		dist := bits.OnesCount64(SimHash(txt) ^ SimHash(edited))
		for i, th := range thresholds {
			buckets[name].n[i]++
			if dist <= th {
				buckets[name].found[i]++
			}
		}
	}
	for _, name := range names {
		b := buckets[name]
		line := fmt.Sprintf("edited copies found, %s (%d):", name, b.n[0])
		for i, th := range thresholds {
			line += fmt.Sprintf(" ≤%d: %.0f%%", th, 100*float64(b.found[i])/float64(max(b.n[i], 1)))
		}
		t.Log(line)
	}
	// Distinct articles that a threshold would take for duplicates. Pairs
	// within 8 bits in this corpus are updates of the same story or
	// templates (match schedules); random 64-bit hashes would give none.
	for _, th := range thresholds {
		d := NewDedup(th)
		exact, near := 0, 0
		for i, txt := range texts {
			if _, ex, ok := d.Check(doc(itoa(i), txt)); ok && ex {
				exact++
			} else if ok {
				near++
			}
		}
		t.Logf("threshold %d: %d exact and %d near duplicates among %d articles", th, exact, near, len(texts))
	}
	long := buckets[names[2]]
	if long.found[0]*100 < long.n[0]*30 || long.found[2]*100 < long.n[2]*90 {
		t.Errorf("SimHash recall on long articles fell: %v of %v", long.found, long.n)
	}
}
