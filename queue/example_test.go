package queue_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"rasid"
	"rasid/queue"
)

// An embedded server, a publisher and a worker: the worker gets each
// document once, although one was published twice.
func Example() {
	dir, _ := os.MkdirTemp("", "rasid-queue-example-")
	defer os.RemoveAll(dir)
	srv, err := queue.StartServer(queue.ServerOptions{Dir: dir})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Shutdown()
	ctx := context.Background()
	q, err := srv.Open(ctx, queue.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer q.Close()

	day := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	p := q.Publisher()
	for _, id := range []string{"a-1", "a-2", "a-1"} {
		if err := p.Publish(ctx, rasid.Document{ID: id, Published: day, Text: "نص الخبر"}); err != nil {
			fmt.Println(err)
		}
	}
	stats, _ := p.Flush(ctx)
	fmt.Printf("published %d, duplicate %d\n", stats.Published, stats.Duplicate)

	var mu sync.Mutex
	var got []string
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error)
	go func() {
		done <- q.Consume(wctx, func(_ context.Context, docs []rasid.Document) error {
			mu.Lock()
			defer mu.Unlock()
			for _, d := range docs {
				got = append(got, d.ID) // a real handler stores them here
			}
			return nil // acknowledged now
		}, queue.ConsumeOptions{MaxWait: 100 * time.Millisecond})
	}()
	for {
		s, _ := q.Status(ctx)
		if s.Messages == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	<-done
	slices.Sort(got)
	fmt.Println("handled", got)
	// Output:
	// published 2, duplicate 1
	// handled [a-1 a-2]
}
