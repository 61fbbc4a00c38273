package app_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"rasid"
	"rasid/app"
	"rasid/coder"
	snn "rasid/internal/corpus"
	"rasid/internal/cputime"
	"rasid/internal/testdb"
	"rasid/queue"
	"rasid/store"
)

// BenchmarkScaleOut: articles/s from the queue into the database through
// 1, 2 and 4 workers (goroutines, each with its own queue connection and
// database handle, as separate processes would have), beside the
// baseline of the same run: app.Ingest of the same articles straight into
// the database. SaudiNewsNet articles (../shared, skipped when absent);
// PostgreSQL when $RASID_TEST_POSTGRES is set, else SQLite. Each round
// runs every variant, in a rotating order, from an empty database, so
// that the load of a shared machine falls on all alike; the workers' time
// runs from their start until the queue is drained, publishing (reported
// as queued/s) is done before. cpu-ms/article is the process's CPU time
// (the embedded NATS server's included), which other programs' load does
// not change.
//
//	go test -run '^$' -bench ScaleOut -benchtime 3x ./app
func BenchmarkScaleOut(b *testing.B) {
	texts := snn.SaudiNewsNetOrSkip(b, 8<<20)
	var docs []rasid.Document
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue // a few items of the corpus have no text
		}
		docs = append(docs, rasid.Document{ID: fmt.Sprintf("snn-%05d", i), Source: "SaudiNewsNet", Published: time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC), Text: t})
	}
	in := writeJSONL(b, docs)
	c, _, err := app.NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	n := len(docs)
	variants := []int{0, 1, 2, 4} // workers; 0 is the direct ingest
	wall := make([]time.Duration, len(variants))
	cpu := make([]time.Duration, len(variants))
	var publishing time.Duration
	publishes := 0
	for round := 0; b.Loop(); round++ {
		for k := range variants {
			v := (k + round) % len(variants)
			var w, c2 time.Duration
			if variants[v] == 0 {
				w, c2 = benchDirect(b, c, in, n)
			} else {
				var p time.Duration
				w, c2, p = benchWorkers(b, c, in, n, variants[v])
				publishing += p
				publishes++
			}
			wall[v] += w
			cpu[v] += c2
		}
	}
	rounds := float64(b.N)
	direct := float64(n) * rounds / wall[0].Seconds()
	for v, workers := range variants {
		name := "direct"
		if workers > 0 {
			name = fmt.Sprintf("w%d", workers)
		}
		rate := float64(n) * rounds / wall[v].Seconds()
		b.ReportMetric(rate, name+"-articles/s")
		b.ReportMetric(float64(cpu[v].Milliseconds())/(float64(n)*rounds), name+"-cpu-ms/article")
		if workers > 0 {
			b.ReportMetric(rate/direct, name+"-x-direct")
		}
	}
	b.ReportMetric(float64(n*publishes)/publishing.Seconds(), "queued/s")
	b.ReportMetric(0, "ns/op")
}

// benchDirect ingests the file straight into a new database: wall and
// CPU time.
func benchDirect(b *testing.B, c *coder.Coder, in string, n int) (wall, cpu time.Duration) {
	target, kind := testdb.New(b)
	st := openTarget(b, target, kind)
	defer st.Close()
	t0, c0 := time.Now(), cputime.Process()
	sum, err := app.Ingest(context.Background(), st, c, []string{in}, nil, app.IngestOptions{})
	wall, cpu = time.Since(t0), cputime.Process()-c0
	if err != nil || sum.Read != n {
		b.Fatalf("%+v %v", sum, err)
	}
	return wall, cpu
}

// benchWorkers publishes the file to a new queue, then drains it into a
// new database with that many workers: their wall and CPU time, and the
// time publishing took.
func benchWorkers(b *testing.B, c *coder.Coder, in string, n, workers int) (wall, cpu, publishing time.Duration) {
	ctx := context.Background()
	target, kind := testdb.New(b)
	stores := make([]store.Store, workers)
	for i := range stores {
		stores[i] = openTarget(b, target, kind)
	}
	srv, err := queue.StartServer(queue.ServerOptions{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Shutdown()
	q, err := srv.Open(ctx, queue.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	t0 := time.Now()
	if pub, err := app.Publish(ctx, q, []string{in}, nil, app.PublishOptions{}); err != nil || pub.Published+pub.NonArabic != n {
		b.Fatalf("publishing: %+v %v", pub, err)
	}
	publishing = time.Since(t0)

	wctx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	t0, c0 := time.Now(), cputime.Process()
	for i := range workers {
		wq, err := srv.Open(ctx, queue.Options{})
		if err != nil {
			b.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer wq.Close()
			if _, err := app.Work(wctx, wq, stores[i], c, app.WorkOptions{Consume: queue.ConsumeOptions{MaxWait: 50 * time.Millisecond}}); err != nil {
				b.Error(err)
			}
		}()
	}
	for {
		s, err := q.Status(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if s.Messages == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	wall, cpu = time.Since(t0), cputime.Process()-c0
	stop()
	wg.Wait()
	for _, st := range stores {
		st.Close()
	}
	return wall, cpu, publishing
}
