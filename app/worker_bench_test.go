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
	snn "rasid/internal/corpus"
	"rasid/internal/testdb"
	"rasid/queue"
	"rasid/store"
)

// BenchmarkScaleOut: articles/s from the queue into the database through
// 1, 2 and 4 workers (goroutines, each with its own queue connection and
// database handle, as separate processes would have), beside the
// baseline of the same run: app.Ingest of the same articles straight into
// the database. SaudiNewsNet articles (../shared, skipped when absent);
// PostgreSQL when $RASID_TEST_POSTGRES is set, else SQLite. Each
// iteration starts from an empty database; the workers' time runs from
// their start until the queue is drained, publishing (reported as
// queued/s) is done before.
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
	ctx := context.Background()
	n := len(docs)
	var direct float64 // articles/s of the baseline, for the ratios

	b.Run("direct", func(b *testing.B) {
		var spent time.Duration
		for range b.N {
			target, kind := testdb.New(b)
			st := openTarget(b, target, kind)
			t0 := time.Now()
			sum, err := app.Ingest(ctx, st, c, []string{in}, nil, app.IngestOptions{})
			spent += time.Since(t0)
			if err != nil || sum.Read != n {
				b.Fatalf("%+v %v", sum, err)
			}
			st.Close()
		}
		direct = float64(n*b.N) / spent.Seconds()
		b.ReportMetric(direct, "articles/s")
		b.ReportMetric(0, "ns/op")
	})
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var spent, publishing time.Duration
			for range b.N {
				target, kind := testdb.New(b)
				stores := make([]store.Store, workers)
				for i := range stores {
					stores[i] = openTarget(b, target, kind)
				}
				srv, err := queue.StartServer(queue.ServerOptions{Dir: b.TempDir()})
				if err != nil {
					b.Fatal(err)
				}
				q, err := srv.Open(ctx, queue.Options{})
				if err != nil {
					b.Fatal(err)
				}
				t0 := time.Now()
				if pub, err := app.Publish(ctx, q, []string{in}, nil, app.PublishOptions{}); err != nil || pub.Published+pub.NonArabic != n {
					b.Fatalf("publishing: %+v %v", pub, err)
				}
				publishing += time.Since(t0)

				wctx, stop := context.WithCancel(ctx)
				var wg sync.WaitGroup
				t0 = time.Now()
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
				spent += time.Since(t0)
				stop()
				wg.Wait()
				q.Close()
				srv.Shutdown()
				for _, st := range stores {
					st.Close()
				}
			}
			rate := float64(n*b.N) / spent.Seconds()
			b.ReportMetric(rate, "articles/s")
			b.ReportMetric(float64(n*b.N)/publishing.Seconds(), "queued/s")
			if direct > 0 {
				b.ReportMetric(rate/direct, "x-direct")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}
