package ingest

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"rasid"
)

// BenchmarkReadAntCorpus reads the whole ANT corpus folder (10,161 files
// of TREC-style XML, 42 MB): walking, sniffing, parsing, language.
func BenchmarkReadAntCorpus(b *testing.B) {
	needAntCorpus(b)
	var size int64
	filepath.WalkDir(antCorpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	b.SetBytes(size)
	docs := 0
	for b.Loop() {
		out := make(chan Item, 256)
		go Read(context.Background(), []string{antCorpus}, nil, Options{}, out)
		for it := range out {
			if it.Err == nil {
				docs++
			}
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

// genDocs makes n news-like documents of 80 to 400 words drawn from a
// vocabulary of Arabic-looking words, every tenth a light edit of an
// earlier one, so that both the exact and the near paths are taken.
func genDocs(n int) []rasid.Document {
	rng := rand.New(rand.NewPCG(9, 10))
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوية")
	vocab := make([]string, 20000)
	for i := range vocab {
		w := make([]rune, 3+rng.IntN(6))
		for j := range w {
			w[j] = letters[rng.IntN(len(letters))]
		}
		vocab[i] = string(w)
	}
	docs := make([]rasid.Document, n)
	for i := range docs {
		if i%10 == 9 {
			src := docs[rng.IntN(i)].Text
			docs[i] = rasid.Document{ID: itoa(i), Text: "الرباط – " + src + " " + vocab[rng.IntN(len(vocab))]}
			continue
		}
		words := make([]string, 80+rng.IntN(320))
		for j := range words {
			words[j] = vocab[int(rng.ExpFloat64()*2000)%len(vocab)] // Zipf-like
		}
		docs[i] = rasid.Document{ID: itoa(i), Text: strings.Join(words, " ")}
	}
	return docs
}

// BenchmarkDedupCheck checks 100,000 generated documents in turn (hashing
// included), starting again with an empty Dedup after the last.
func BenchmarkDedupCheck(b *testing.B) {
	docs := genDocs(100000)
	d := NewDedup(0)
	i := 0
	for b.Loop() {
		if i == len(docs) {
			d, i = NewDedup(0), 0
		}
		d.Check(docs[i])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}

// BenchmarkDedupIndex is the index alone, as the store uses it with
// hashes it already has: CheckHashes against a million documents, at the
// default threshold and at 6 bits (7 bands of 9–10 bits).
func BenchmarkDedupIndex(b *testing.B) {
	for _, threshold := range []int{3, 8, 15} {
		b.Run("threshold="+itoa(threshold), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(11, 12))
			d := NewDedup(threshold)
			for i := range 1000000 {
				d.CheckHashes(itoa(i), itoa(i), rng.Uint64())
			}
			type query struct {
				hash string
				sim  uint64
			}
			queries := make([]query, 1<<16)
			for i := range queries {
				queries[i] = query{"q" + itoa(i), rng.Uint64()}
			}
			i := 0
			for b.Loop() {
				q := queries[i%len(queries)]
				d.CheckHashes(q.hash, q.hash, q.sim)
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
		})
	}
}

func BenchmarkSimHash(b *testing.B) {
	docs := genDocs(1000)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n / int64(len(docs)))
	i := 0
	for b.Loop() {
		SimHash(docs[i%len(docs)].Text)
		i++
	}
}
