package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad sends a bounded load of GET /api/events over loopback to a
// server of the demo corpus: 2,000 requests from 8 concurrent clients,
// within 30 seconds, with filters and cursors that vary. It wants no
// error and logs the latency percentiles and the throughput.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped under -short")
	}
	if raceEnabled {
		t.Skip("load test skipped under the race detector: its figures would time the detector")
	}
	const (
		requests = 2000
		workers  = 8
		budget   = 30 * time.Second
	)
	st := openStore(t, demoDocs(t))
	ts := startServer(t, newServer(t, st, ""))

	// A cursor into the middle of the events, so that some requests ask
	// for a later page.
	_, first, _ := do(t, http.DefaultClient, "GET", ts.URL+"/api/events?limit=20", "", nil)
	var page eventsPage
	if err := json.Unmarshal(first, &page); err != nil || page.Next == "" {
		t.Fatalf("first page: %v, next %q", err, page.Next)
	}
	queries := []string{
		"",
		"?limit=20",
		"?limit=20&cursor=" + page.Next,
		"?source=MAR",
		"?either=USA&limit=50",
		"?root=04",
		"?from=2025-06&to=2025-08",
		"?source=DZA&target=TUN",
		"?quad=4",
		"?q=" + urlq("اتصالا هاتفيا"),
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()

	var next atomic.Int64
	var failures atomic.Int64
	var firstErr sync.Once
	var errMsg string
	lat := make([][]time.Duration, workers)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= requests || ctx.Err() != nil {
					return
				}
				u := ts.URL + "/api/events" + queries[int(i)%len(queries)]
				t0 := time.Now()
				err := get(ctx, client, u)
				lat[w] = append(lat[w], time.Since(t0))
				if err != nil {
					failures.Add(1)
					firstErr.Do(func() { errMsg = err.Error() })
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(lat...)
	slices.Sort(all)
	if n := len(all); n < requests {
		t.Errorf("only %d of %d requests within %v", n, requests, budget)
	}
	if f := failures.Load(); f > 0 {
		t.Errorf("%d of %d requests failed; the first: %s", f, len(all), errMsg)
	}
	if len(all) == 0 {
		return
	}
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	t.Logf("GET /api/events ×%d, %d workers, demo corpus: p50 %v, p90 %v, p99 %v, max %v; %.0f requests/s over %v",
		len(all), workers, pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond),
		pct(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond),
		float64(len(all))/elapsed.Seconds(), elapsed.Round(time.Millisecond))
}

// get fetches u and wants a 200 with a JSON page of events.
func get(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %d %.200s", u, res.StatusCode, b)
	}
	var p eventsPage
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%s: %v", u, err)
	}
	return nil
}
