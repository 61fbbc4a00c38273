package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"rasid/internal/testdb"
	"rasid/queue"
)

// startQueueServer runs a JetStream server on a loopback port for one
// test, with the consumer's AckWait short so that a killed worker's
// batches come back soon.
func startQueueServer(t *testing.T, ackWait time.Duration) (string, *queue.Queue) {
	t.Helper()
	srv, err := queue.StartServer(queue.ServerOptions{Dir: t.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	q, err := queue.Connect(context.Background(), srv.URL(), queue.Options{AckWait: ackWait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return srv.URL(), q
}

// waitQueue polls the queue until cond holds, failing after limit.
func waitQueue(t *testing.T, q *queue.Queue, limit time.Duration, what string, cond func(queue.Status) bool) queue.Status {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		s, err := q.Status(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v; queue %+v", what, limit, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sortedExport is export with its lines sorted: workers store in no
// particular order.
func sortedExport(t *testing.T, bin, db string) string {
	lines := strings.Split(export(t, bin, db), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestWorkerProcessesOneKilled: rasid ingest --queue fills a queue, three
// rasid worker processes empty it into one database, one is killed with
// SIGKILL on the way and the others are stopped with SIGTERM at the end:
// the database holds what a plain rasid ingest stores. (The databases are
// SQLite files, or PostgreSQL schemas when $RASID_TEST_POSTGRES is set.)
func TestWorkerProcessesOneKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs four processes")
	}
	bin := buildRasid(t)
	url, q := startQueueServer(t, 2*time.Second)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	const n = 2000
	if err := os.WriteFile(in, articles(n), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "ingest", "--queue", url, in).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "queued 2000, already queued 0") {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	clean, kind := testdb.New(t)
	if out, err := exec.Command(bin, "ingest", "--near", "-1", "--db", clean, in).CombinedOutput(); err != nil {
		if strings.Contains(string(out), "not built") {
			t.Skipf("%s: %s", kind, out)
		}
		t.Fatalf("plain ingest: %v\n%s", err, out)
	}

	db, _ := testdb.New(t)
	if out, err := exec.Command(bin, "stats", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("creating the database: %v\n%s", err, out)
	}
	var workers []*exec.Cmd
	var outs []*bytes.Buffer
	for range 3 {
		cmd := exec.Command(bin, "worker", "--queue", url, "--db", db, "--near", "-1", "--batch", "25", "--every", "0")
		var b bytes.Buffer
		cmd.Stdout, cmd.Stderr = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		workers, outs = append(workers, cmd), append(outs, &b)
	}
	waitQueue(t, q, 60*time.Second, "some work done", func(s queue.Status) bool { return s.Done >= 200 })
	_ = workers[0].Process.Signal(syscall.SIGKILL)
	_ = workers[0].Wait()
	s := waitQueue(t, q, 120*time.Second, "the queue drained", func(s queue.Status) bool { return s.Messages == 0 })
	if s.Dead != 0 {
		t.Errorf("%d dead letters", s.Dead)
	}
	for i, w := range workers[1:] {
		_ = w.Process.Signal(syscall.SIGTERM)
		if err := w.Wait(); err != nil {
			t.Errorf("worker %d after SIGTERM: %v\n%s", i+1, err, outs[i+1])
		}
		if !strings.Contains(outs[i+1].String(), "rasid worker: stored") {
			t.Errorf("worker %d printed no summary:\n%s", i+1, outs[i+1])
		}
	}
	a, b := sortedExport(t, bin, clean), sortedExport(t, bin, db)
	if a != b {
		t.Fatalf("the database of the workers differs from a plain ingest (%d vs %d bytes of export)", len(b), len(a))
	}
	if !strings.Contains(a, `"code":"043"`) {
		t.Fatalf("no events were stored: %.300s", a)
	}
}

// TestServeEmbeddedQueue: rasid serve --queue embedded codes what rasid
// ingest --queue sends it into the database it serves.
func TestServeEmbeddedQueue(t *testing.T) {
	m := &serveMain{DB: filepath.Join(t.TempDir(), "s.db"), Queue: "embedded", QueueAddr: "127.0.0.1:0", Quiet: true}
	url, out, stop := startServe(t, m)
	qurl := m.QueueURL // set before the server is ready
	if !strings.HasPrefix(qurl, "nats://127.0.0.1:") || !strings.Contains(out.String(), "development only") {
		t.Fatalf("queue address %q; output:\n%s", qurl, out)
	}
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, articles(30), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, _, err := run(t, "", "ingest", "--queue", qurl, in); err != nil || !strings.Contains(stdout, "queued 30") {
		t.Fatalf("ingest --queue: %v\n%s", err, stdout)
	}
	q, err := queue.Connect(context.Background(), qurl, queue.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	waitQueue(t, q, 30*time.Second, "the queue drained", func(s queue.Status) bool { return s.Done == 30 && s.Messages == 0 })
	// The generated articles are one story told 30 times, and the
	// served worker looks for near duplicates: a few are stored, with
	// the copies as their sources.
	var stats struct{ Articles, Events int }
	getJSON(t, url+"api/stats", &stats)
	if stats.Articles == 0 || stats.Events == 0 {
		t.Fatalf("the served database holds %+v, want articles with events", stats)
	}
	stdout, _, err := run(t, "", "queue", "status", "--queue", qurl, "--format", "json", "--interval", "0")
	if err != nil {
		t.Fatal(err)
	}
	var s queue.Status
	if err := json.Unmarshal([]byte(stdout), &s); err != nil || s.Done != 30 || s.Messages != 0 || s.Published != 30 {
		t.Errorf("queue status: %+v %v\n%s", s, err, stdout)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestQueueStatusTable(t *testing.T) {
	url, q := startQueueServer(t, time.Minute)
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, articles(12), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "", "ingest", "--queue", url, in); err != nil {
		t.Fatal(err)
	}
	waitQueue(t, q, 10*time.Second, "12 queued", func(s queue.Status) bool { return s.Pending == 12 })
	stdout, _, err := run(t, "", "queue", "status", "--queue", url, "--interval", "100ms")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"backlog       12", "in flight     0", "done          0", "dead letters  0", "rates", "ack wait 1m0s"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("status table lacks %q:\n%s", want, stdout)
		}
	}
	if _, _, err := run(t, "", "queue", "status", "--queue", url, "--format", "xml"); err == nil {
		t.Error("--format xml accepted")
	}
	if _, _, err := run(t, "", "ingest", "--queue", url, "--db", "x.db", in); err == nil || !strings.Contains(err.Error(), "--db is for the workers") {
		t.Errorf("ingest --queue --db: %v", err)
	}
}

// TestQueueRequeueEmpty: requeue on a queue without dead letters says so.
func TestQueueRequeueEmpty(t *testing.T) {
	url, _ := startQueueServer(t, time.Minute)
	stdout, _, err := run(t, "", "queue", "requeue", "--queue", url)
	if err != nil || !strings.Contains(stdout, "requeued 0 dead letters, kept 0") {
		t.Errorf("queue requeue: %v: %q", err, stdout)
	}
}
