package queue_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"rasid"
	"rasid/queue"
)

// startServer runs an embedded JetStream server for one test.
func startServer(t *testing.T) *queue.Server {
	t.Helper()
	srv, err := queue.StartServer(queue.ServerOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return srv
}

func open(t *testing.T, srv *queue.Server, opt queue.Options) *queue.Queue {
	t.Helper()
	q, err := srv.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

var day = time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)

func doc(id string) rasid.Document {
	return rasid.Document{ID: id, Published: day, Text: "نص الخبر " + id, Source: "وكالة"}
}

func publish(t *testing.T, q *queue.Queue, docs ...rasid.Document) queue.PublishStats {
	t.Helper()
	ctx := context.Background()
	p := q.Publisher()
	for _, d := range docs {
		if err := p.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	st, err := p.Flush(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func status(t *testing.T, q *queue.Queue) queue.Status {
	t.Helper()
	s, err := q.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitFor polls cond until it holds, failing the test after 20 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// recorder is a handler that records the ids it was given, failing the
// ones fail says to.
type recorder struct {
	mu    sync.Mutex
	calls [][]string
	seen  map[string]int
	fail  func(ids []string, attempt int) error
}

func (r *recorder) handle(_ context.Context, docs []rasid.Document) error {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	r.mu.Lock()
	if r.seen == nil {
		r.seen = map[string]int{}
	}
	r.calls = append(r.calls, ids)
	attempt := r.seen[ids[0]]
	for _, id := range ids {
		r.seen[id]++
	}
	r.mu.Unlock()
	if r.fail != nil {
		return r.fail(ids, attempt)
	}
	return nil
}

func (r *recorder) times(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen[id]
}

// firstAlone reports whether the first batch holding id held it alone.
func (r *recorder) firstAlone(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.calls {
		if slices.Contains(c, id) {
			return len(c) == 1
		}
	}
	return false
}

func (r *recorder) distinct() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// consume runs Consume until stop is called; stop returns its error.
func consume(q *queue.Queue, h queue.Handler, opt queue.ConsumeOptions) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- q.Consume(ctx, h, opt) }()
	return func() error { cancel(); return <-errc }
}

func TestPublishDeduplicatesByID(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	got := publish(t, q, doc("a"), doc("b"), doc("a"))
	if want := (queue.PublishStats{Published: 2, Duplicate: 1}); got != want {
		t.Errorf("first publisher: %+v, want %+v", got, want)
	}
	// Another publisher (a rerun of ingest) within the window.
	got = publish(t, q, doc("b"), doc("c"))
	if want := (queue.PublishStats{Published: 1, Duplicate: 1}); got != want {
		t.Errorf("second publisher: %+v, want %+v", got, want)
	}
	if s := status(t, q); s.Messages != 3 || s.Pending != 3 || s.Published != 3 {
		t.Errorf("status %+v, want 3 messages pending", s)
	}
}

func TestPublishRejectsWhatNoWorkerCouldStore(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	ctx := context.Background()
	p := q.Publisher()
	big := doc("big")
	big.Text = strings.Repeat("كلمة ", 300_000) // 3 MB, over NATS' 1 MB default
	for _, d := range []rasid.Document{{ID: "", Text: "نص", Published: day}, {ID: "x", Published: day}, {ID: "y", Text: "نص"}, big} {
		if err := p.Publish(ctx, d); !errors.Is(err, queue.ErrRejected) {
			t.Errorf("Publish(%q): %v, want ErrRejected", d.ID, err)
		}
	}
	if err := p.Publish(ctx, doc("ok")); err != nil {
		t.Fatal(err)
	}
	if st, err := p.Flush(ctx); err != nil || st.Published != 1 {
		t.Errorf("Flush: %+v %v, want the one good document", st, err)
	}
}

func TestLongIDsAreHashedAsMessageIDs(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"k-00001", "k-00001"},
		{"https://example.org/ar/خبر-1", "https://example.org/ar/خبر-1"},
	} {
		if got := queue.MsgID(tc.id); got != tc.want {
			t.Errorf("MsgID(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
	for _, id := range []string{"a\nb", strings.Repeat("x", 300)} {
		got := queue.MsgID(id)
		if !strings.HasPrefix(got, "sha256:") || got == queue.MsgID(id+"y") {
			t.Errorf("MsgID(%.20q) = %q, want a distinct hash", id, got)
		}
	}
}

func TestConsumeAcksAfterTheHandler(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	var docs []rasid.Document
	for i := range 50 {
		docs = append(docs, doc(fmt.Sprintf("d%02d", i)))
	}
	publish(t, q, docs...)
	r := &recorder{}
	stop := consume(q, r.handle, queue.ConsumeOptions{Batch: 8, MaxWait: 100 * time.Millisecond})
	waitFor(t, "50 documents handled and acked", func() bool { return r.distinct() == 50 && status(t, q).Messages == 0 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	s := status(t, q)
	if s.Done != 50 || s.InFlight != 0 || s.Pending != 0 || s.Redelivered != 0 || s.Dead != 0 {
		t.Errorf("status after the run: %+v", s)
	}
	for _, c := range r.calls {
		if len(c) > 8 {
			t.Errorf("a batch of %d, more than asked for", len(c))
		}
	}
}

func TestUndecodableMessageIsDeadLettered(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	ctx := context.Background()
	publish(t, q, doc("before"))
	// A message some other program put on the stream.
	nc, err := srv.Conn()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ack, err := js.Publish(ctx, queue.Subject, []byte(`{"id": 7, "text": "نص"`))
	if err != nil {
		t.Fatal(err)
	}
	publish(t, q, doc("after"))

	var mu sync.Mutex
	var dead []queue.DeadLetter
	r := &recorder{}
	stop := consume(q, r.handle, queue.ConsumeOptions{MaxWait: 100 * time.Millisecond,
		OnDead: func(d queue.DeadLetter) { mu.Lock(); dead = append(dead, d); mu.Unlock() }})
	waitFor(t, "the queue to empty", func() bool { return status(t, q).Messages == 0 })
	time.Sleep(200 * time.Millisecond) // time to deliver it again, were it to be
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if r.distinct() != 2 {
		t.Errorf("handler saw %v, want the two documents", r.calls)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dead) != 1 || dead[0].Seq != ack.Sequence || !strings.Contains(dead[0].Reason, "not a rasid document") || dead[0].Deliveries != 1 {
		t.Fatalf("dead letters reported: %+v, want sequence %d, not a rasid document, delivered once", dead, ack.Sequence)
	}
	s := status(t, q)
	if s.Dead != 1 || s.Deliveries != 3 || s.InFlight != 0 {
		t.Errorf("status %+v, want 1 dead letter and 3 deliveries", s)
	}
	got, err := q.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Seq != ack.Sequence || got[0].Reason != dead[0].Reason || string(got[0].Data) != `{"id": 7, "text": "نص"` {
		t.Errorf("DeadLetters: %+v", got)
	}
}

func TestFailures(t *testing.T) {
	errDown := errors.New("database is down")
	for _, tc := range []struct {
		name       string
		maxDeliver int
		fail       func(ids []string, attempt int) error
		// what becomes of "bad": handled this many times, dead-lettered
		// with a reason containing this ("" when it ends stored).
		times int
		dead  string
	}{
		{"permanent: isolated, then dead", 0, func(ids []string, _ int) error {
			if slices.Contains(ids, "bad") {
				return queue.Permanent(fmt.Errorf("document bad: %w", errors.New("invalid")))
			}
			return nil
		}, 2, "document bad: invalid"},
		{"panic: like permanent", 0, func(ids []string, _ int) error {
			if slices.Contains(ids, "bad") {
				panic("index out of range")
			}
			return nil
		}, 2, "panic: index out of range"},
		{"passing: delivered again", 0, func(ids []string, attempt int) error {
			if slices.Contains(ids, "bad") && attempt < 2 {
				return errDown
			}
			return nil
		}, 3, ""},
		{"passing forever: dead after MaxDeliver", 4, func(ids []string, _ int) error {
			if slices.Contains(ids, "bad") {
				return errDown
			}
			return nil
		}, 3, "delivered 4 times"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t)
			q := open(t, srv, queue.Options{MaxDeliver: tc.maxDeliver})
			publish(t, q, doc("a"), doc("bad"), doc("b"), doc("c"))
			var mu sync.Mutex
			var dead []queue.DeadLetter
			r := &recorder{fail: tc.fail}
			stop := consume(q, r.handle, queue.ConsumeOptions{MaxWait: 50 * time.Millisecond, RetryDelay: 20 * time.Millisecond,
				OnDead: func(d queue.DeadLetter) { mu.Lock(); dead = append(dead, d); mu.Unlock() }})
			waitFor(t, "the queue to empty", func() bool { return status(t, q).Messages == 0 })
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			want := tc.times
			if tc.dead != "" && tc.maxDeliver == 0 && r.firstAlone("bad") {
				// The fetch gave "bad" a batch of its own at once: it
				// was isolated from the start, so one failure ends it.
				want = 1
			}
			if n := r.times("bad"); n != want {
				t.Errorf("bad handled %d times, want %d (calls %v)", n, want, r.calls)
			}
			for _, id := range []string{"a", "b", "c"} {
				if n := r.times(id); n < 1 {
					t.Errorf("%s never handled", id)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case tc.dead == "" && len(dead) > 0:
				t.Errorf("dead letters %+v, want none", dead)
			case tc.dead != "" && (len(dead) != 1 || dead[0].ID != "bad" && dead[0].ID != "" || !strings.Contains(dead[0].Reason, tc.dead)):
				t.Errorf("dead letters %+v, want bad: %q", dead, tc.dead)
			}
			if s := status(t, q); s.InFlight != 0 || s.Done != 4 {
				t.Errorf("status %+v", s)
			}
		})
	}
}

// TestDeadWorkersMessagesGoToAnother: a worker that fetched a batch and
// vanished without a word (its connection closed, as when its process
// is killed) holds it only for AckWait.
func TestDeadWorkersMessagesGoToAnother(t *testing.T) {
	srv := startServer(t)
	opt := queue.Options{AckWait: 500 * time.Millisecond}
	q1, q2 := open(t, srv, opt), open(t, srv, opt)
	publish(t, q1, doc("a"), doc("b"), doc("c"))

	fetched := make(chan struct{})
	var once sync.Once
	die := func(context.Context, []rasid.Document) error {
		once.Do(func() { close(fetched) })
		q1.Close() // no ack can leave now
		return nil
	}
	errc := make(chan error, 1)
	go func() {
		errc <- q1.Consume(context.Background(), die, queue.ConsumeOptions{Batch: 10, MaxWait: 100 * time.Millisecond})
	}()
	<-fetched
	select {
	case err := <-errc:
		if !errors.Is(err, nats.ErrConnectionClosed) {
			t.Errorf("Consume on a closed connection: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Consume goes on without a connection")
	}
	if s := status(t, q2); s.InFlight != 3 || s.Pending != 0 {
		t.Errorf("status while the dead worker holds them: %+v", s)
	}
	r := &recorder{}
	stop2 := consume(q2, r.handle, queue.ConsumeOptions{MaxWait: 100 * time.Millisecond})
	waitFor(t, "the other worker to take them", func() bool { return status(t, q2).Messages == 0 })
	if err := stop2(); err != nil {
		t.Fatal(err)
	}
	if r.distinct() != 3 {
		t.Errorf("second worker handled %v", r.calls)
	}
	// Redelivered documents are handled one at a time.
	for _, c := range r.calls {
		if len(c) != 1 {
			t.Errorf("redelivered batch %v, want one document a call", c)
		}
	}
}

// TestKeepaliveHoldsLongBatches: a batch that takes several AckWaits is
// not given to another worker meanwhile.
func TestKeepaliveHoldsLongBatches(t *testing.T) {
	srv := startServer(t)
	opt := queue.Options{AckWait: 300 * time.Millisecond}
	q1, q2 := open(t, srv, opt), open(t, srv, opt)
	publish(t, q1, doc("slow"))
	var mu sync.Mutex
	var handled []string
	h := func(name string, d time.Duration) queue.Handler {
		return func(_ context.Context, docs []rasid.Document) error {
			time.Sleep(d)
			mu.Lock()
			handled = append(handled, name)
			mu.Unlock()
			return nil
		}
	}
	stop1 := consume(q1, h("first", 1200*time.Millisecond), queue.ConsumeOptions{MaxWait: 50 * time.Millisecond})
	waitFor(t, "the first worker to take it", func() bool { return status(t, q1).InFlight == 1 })
	stop2 := consume(q2, h("second", 0), queue.ConsumeOptions{MaxWait: 50 * time.Millisecond})
	waitFor(t, "the batch to be done", func() bool { return status(t, q1).Messages == 0 })
	stop1()
	stop2()
	if s := status(t, q1); s.Deliveries != 1 || !slices.Equal(handled, []string{"first"}) {
		t.Errorf("handled by %v, %d deliveries; want the first worker only", handled, s.Deliveries)
	}
}

// TestStopFinishesOrHandsBack: a stopped worker finishes its batch within
// the grace period and acks it, or hands it back when it takes longer;
// what it fetches after the stop it hands back at once.
func TestStopFinishesOrHandsBack(t *testing.T) {
	for _, tc := range []struct {
		name  string
		work  time.Duration
		grace time.Duration
		acked bool
	}{
		{"finishes within grace", 200 * time.Millisecond, 5 * time.Second, true},
		{"handed back after grace", time.Minute, 200 * time.Millisecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t)
			q := open(t, srv, queue.Options{})
			publish(t, q, doc("a"), doc("b"), doc("c"))
			started := make(chan struct{})
			var once sync.Once
			var mu sync.Mutex
			stored := 0
			h := func(ctx context.Context, docs []rasid.Document) error {
				once.Do(func() { close(started) })
				select {
				case <-time.After(tc.work):
					mu.Lock()
					stored += len(docs)
					mu.Unlock()
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			stop := consume(q, h, queue.ConsumeOptions{Grace: tc.grace, InFlight: 1, Batch: 2})
			<-started
			t0 := time.Now()
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); d > 5*time.Second {
				t.Errorf("stopping took %v", d)
			}
			mu.Lock()
			defer mu.Unlock()
			if tc.acked != (stored > 0) {
				t.Errorf("%d stored", stored)
			}
			// What is left goes to another worker at once, not after
			// AckWait (30 s).
			r := &recorder{}
			stop = consume(q, r.handle, queue.ConsumeOptions{MaxWait: 100 * time.Millisecond})
			waitFor(t, "another worker to take the rest", func() bool { return status(t, q).Messages == 0 })
			stop()
			if r.distinct() != 3-stored {
				t.Errorf("the next worker handled %v, want the %d left", r.calls, 3-stored)
			}
		})
	}
}

func TestStatusCountsAndRates(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{MaxDeliver: 7, AckWait: time.Minute})
	var docs []rasid.Document
	for i := range 10 {
		docs = append(docs, doc(fmt.Sprintf("s%d", i)))
	}
	publish(t, q, docs...)
	hold := make(chan struct{})
	h := func(ctx context.Context, docs []rasid.Document) error {
		select {
		case <-hold:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	stop := consume(q, h, queue.ConsumeOptions{Batch: 3, InFlight: 1, MaxWait: 100 * time.Millisecond})
	// The batch is up to 3 messages: on a loaded machine the fetch may
	// end at MaxWait with fewer, and the held handler takes no more.
	waitFor(t, "a batch in flight", func() bool { return status(t, q).InFlight > 0 })
	s := status(t, q)
	n := s.InFlight
	if n > 3 {
		t.Fatalf("%d messages in flight, want a batch of at most 3", n)
	}
	want := queue.Status{Stream: queue.DefaultStream, Consumer: queue.DefaultConsumer, Published: 10, Messages: 10,
		Pending: uint64(10 - n), InFlight: n, Deliveries: uint64(n), AckWait: time.Minute, MaxDeliver: 7}
	s.Time, s.Bytes, s.Waiting = time.Time{}, 0, 0
	if s != want {
		t.Errorf("status\n got %+v\nwant %+v", s, want)
	}
	// Rates between two samples while the rest is done.
	type res struct {
		s   queue.Status
		err error
	}
	done := make(chan res)
	go func() {
		s, err := q.StatusOver(context.Background(), 500*time.Millisecond)
		done <- res{s, err}
	}()
	time.Sleep(100 * time.Millisecond)
	close(hold)
	got := <-done
	if got.err != nil {
		t.Fatal(got.err)
	}
	stop()
	r := got.s.Rates
	if r == nil || r.Over < 400*time.Millisecond || r.Done <= 0 || r.Delivered <= 0 || r.Published != 0 {
		t.Errorf("rates %+v", r)
	}
	if d := float64(got.s.Done) / r.Over.Seconds(); r.Done > d+0.01 || r.Done < d-0.01 {
		t.Errorf("done rate %.2f/s, want %d over %v", r.Done, got.s.Done, r.Over)
	}
}

func TestReadOnlyDoesNotCreate(t *testing.T) {
	srv := startServer(t)
	if _, err := srv.Open(context.Background(), queue.Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "no stream RASID_DOCS") {
		t.Errorf("ReadOnly on an empty server: %v", err)
	}
	open(t, srv, queue.Options{})
	open(t, srv, queue.Options{ReadOnly: true})
}

// TestSettingsOfTheFirstWin: a second program with other options uses the
// consumer as it was created.
func TestSettingsOfTheFirstWin(t *testing.T) {
	srv := startServer(t)
	open(t, srv, queue.Options{AckWait: 3 * time.Second, MaxDeliver: 5})
	q := open(t, srv, queue.Options{})
	if s := status(t, q); s.AckWait != 3*time.Second || s.MaxDeliver != 5 {
		t.Errorf("consumer settings %v %d, want the first program's", s.AckWait, s.MaxDeliver)
	}
}

func TestConnectErrorHidesThePassword(t *testing.T) {
	_, err := queue.Connect(context.Background(), "nats://rasid:s3cret@127.0.0.1:1,nats://tok3n@127.0.0.1:2", queue.Options{})
	if err == nil {
		t.Fatal("connected to nothing")
	}
	if msg := err.Error(); strings.Contains(msg, "s3cret") || strings.Contains(msg, "tok3n") || !strings.Contains(msg, "127.0.0.1:1") {
		t.Errorf("error %q", msg)
	}
}

// TestConsumerDeletedStopsConsume: a worker whose consumer is deleted
// (by an operator) stops with an error instead of fetching in vain.
func TestConsumerDeletedStopsConsume(t *testing.T) {
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	errc := make(chan error, 1)
	go func() {
		errc <- q.Consume(context.Background(), (&recorder{}).handle, queue.ConsumeOptions{MaxWait: 100 * time.Millisecond})
	}()
	time.Sleep(200 * time.Millisecond)
	nc, err := srv.Conn()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	if err := js.DeleteConsumer(context.Background(), queue.DefaultStream, queue.DefaultConsumer); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if err == nil || !strings.Contains(err.Error(), queue.DefaultConsumer) {
			t.Errorf("Consume after the consumer was deleted: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Consume goes on without its consumer")
	}
}

// TestRequeueDeadLetters: a document dead-lettered while the worker could
// not store it is put back once the cause is mended, handled again and
// removed from the dead letters; an undecodable one stays.
func TestRequeueDeadLetters(t *testing.T) {
	ctx := context.Background()
	srv := startServer(t)
	q := open(t, srv, queue.Options{})
	publish(t, q, doc("a"), doc("bad"))
	nc, err := srv.Conn()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if err := nc.Publish(queue.Subject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	broken := &recorder{fail: func(ids []string, _ int) error {
		if slices.Contains(ids, "bad") {
			return queue.Permanent(errors.New("the lexicon rejects it"))
		}
		return nil
	}}
	stop := consume(q, broken.handle, queue.ConsumeOptions{MaxWait: 50 * time.Millisecond})
	waitFor(t, "two dead letters", func() bool { return status(t, q).Dead == 2 && status(t, q).Messages == 0 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	res, err := q.Requeue(ctx, 0)
	if err != nil || res.Requeued != 1 || res.Kept != 1 {
		t.Fatalf("Requeue = %+v, %v; want 1 requeued, 1 kept", res, err)
	}
	mended := &recorder{}
	stop = consume(q, mended.handle, queue.ConsumeOptions{MaxWait: 50 * time.Millisecond})
	waitFor(t, "the requeued document", func() bool { return mended.times("bad") == 1 && status(t, q).Messages == 0 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	left, err := q.DeadLetters(ctx, 10)
	if err != nil || len(left) != 1 || left[0].ID != "" {
		t.Errorf("dead letters after Requeue: %+v, %v; want only the undecodable one", left, err)
	}
	if res, err := q.Requeue(ctx, 0); err != nil || res.Requeued != 0 || res.Kept != 1 {
		t.Errorf("second Requeue = %+v, %v; want nothing requeued", res, err)
	}
}
