package app_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"rasid/app"
	snn "rasid/internal/corpus"
	"rasid/internal/cputime"
)

// snnJSONL is the first limit bytes of SaudiNewsNet as `rasid code` reads
// them: one {"id","published","text"} line per article.
func snnJSONL(b *testing.B, limit int) (texts []string, jsonl []byte) {
	texts = snn.SaudiNewsNetOrSkip(b, limit)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, text := range texts {
		item := map[string]string{"id": fmt.Sprintf("snn-%06d", i), "published": "2015-07-21", "text": text}
		if err := enc.Encode(item); err != nil {
			b.Fatal(err)
		}
	}
	return texts, buf.Bytes()
}

// BenchmarkBatchCodeSaudiNewsNet runs, in each iteration, the coder alone
// over 4 MB of SaudiNewsNet on one goroutine and then the whole batch of
// `rasid code` over the same articles as JSONL (read, decode, code on all
// cores, order, encode): MB per CPU-second of each, and coder/batch, the
// share of the CLI's CPU that coding itself accounts for (1 would mean
// reading and writing cost nothing).
func BenchmarkBatchCodeSaudiNewsNet(b *testing.B) {
	texts, jsonl := snnJSONL(b, 4<<20)
	c, _, err := app.NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	var coderCPU, batchCPU time.Duration
	ctx := context.Background()
	for b.Loop() {
		t0 := cputime.Process()
		for _, t := range texts {
			c.Code(t, day)
		}
		t1 := cputime.Process()
		items := make(chan app.Item, 64)
		go func() {
			_ = app.ReadItems(ctx, []string{"-"}, bytes.NewReader(jsonl), day, items, func(e *app.ItemError) { b.Error(e) })
		}()
		w := bufio.NewWriterSize(io.Discard, 1<<16)
		enc := app.NewCodedEncoder(w)
		if err := app.CodeAll(ctx, c, items, func(cd app.Coded) error { return enc.Encode(cd) }); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		t2 := cputime.Process()
		coderCPU += t1 - t0
		batchCPU += t2 - t1
	}
	if coderCPU <= 0 || batchCPU <= 0 {
		return // CPU time is not measured on this system
	}
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/coderCPU.Seconds(), "coder-MB/cpu-s")
	b.ReportMetric(mb/batchCPU.Seconds(), "batch-MB/cpu-s")
	b.ReportMetric(coderCPU.Seconds()/batchCPU.Seconds(), "coder/batch")
}

// BenchmarkReadItemsTextFiles reads 1,000 small .txt articles (2 MB of
// SaudiNewsNet, one file each) with ReadItems and, as the floor in the
// same run, with os.ReadFile: readitems/readfile is what ReadItems costs
// over the reading itself.
func BenchmarkReadItemsTextFiles(b *testing.B) {
	texts := snn.SaudiNewsNetOrSkip(b, 2<<20)
	dir := b.TempDir()
	var paths []string
	for i, text := range texts[:min(len(texts), 1000)] {
		p := filepath.Join(dir, fmt.Sprintf("a%04d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx := context.Background()
	var items, floor time.Duration
	for b.Loop() {
		t0 := cputime.Process()
		out := make(chan app.Item, 64)
		go func() {
			_ = app.ReadItems(ctx, paths, nil, time.Time{}, out, func(e *app.ItemError) { b.Error(e) })
		}()
		for range out {
		}
		t1 := cputime.Process()
		for _, p := range paths {
			if _, err := os.ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
		items += t1 - t0
		floor += cputime.Process() - t1
	}
	if items > 0 && floor > 0 {
		b.ReportMetric(items.Seconds()/floor.Seconds(), "readitems/readfile")
	}
}
