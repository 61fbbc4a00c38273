package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"rasid"
	"rasid/app"
	"rasid/internal/testdb"
	"rasid/queue"
	"rasid/store"
)

// scaleOutDocs returns n distinct articles, each telling of an act
// between two states (a call, a condemnation, an agreement, …) that the
// coder turns into events.
func scaleOutDocs(n int) []rasid.Document {
	states := []string{"مصر", "الأردن", "المغرب", "تونس", "قطر", "الكويت", "روسيا", "فرنسا", "اليابان", "البرازيل", "تركيا", "إيران", "الهند", "كندا"}
	acts := []string{
		"بحث رئيس %s في اتصال هاتفي مع رئيس %s ملف %s.",
		"أدانت حكومة %s بشدة الهجوم الذي شنته قوات %s قرب الحدود، وطالبت بتحقيق في ملف %s.",
		"وقعت %s و%s اتفاقية للتعاون في مجال %s خلال اجتماع اللجنة المشتركة.",
		"هنأ رئيس %s رئيس %s بمناسبة نجاح مؤتمر %s.",
		"انتقد وزير الدفاع في %s تصريحات مسؤولي %s بشأن %s.",
		"دعت %s حكومة %s إلى استئناف المفاوضات حول %s.",
		"زار رئيس وزراء %s دولة %s لبحث ملف %s.",
		"اتهمت %s حكومة %s بالتدخل في شؤونها الداخلية عبر ملف %s.",
	}
	topics := []string{"الطاقة", "المياه", "الهجرة", "التجارة", "الصيد البحري", "الأمن الغذائي", "النقل", "الصحة", "التعليم", "السياحة", "الاستثمار"}
	docs := make([]rasid.Document, n)
	for i := range docs {
		a := states[i%len(states)]
		b := states[(i+1+i/len(states))%len(states)]
		if a == b {
			b = states[(i+3)%len(states)]
		}
		text := fmt.Sprintf(acts[(i/3)%len(acts)], a, b, topics[(i/7)%len(topics)])
		text += fmt.Sprintf(" وجاء ذلك في بيان رسمي حمل الرقم %d.", 1000+i)
		docs[i] = rasid.Document{
			ID:        fmt.Sprintf("w-%05d", i),
			Source:    fmt.Sprintf("outlet-%d", i%4),
			Published: time.Date(2025, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			Text:      text,
		}
	}
	return docs
}

// writeJSONL writes docs as a JSONL file for ingest.
func writeJSONL(t testing.TB, docs []rasid.Document) string {
	t.Helper()
	var b strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(map[string]string{"id": d.ID, "source": d.Source, "published": d.Published.Format(time.DateOnly), "text": d.Text})
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openTarget opens the test's database, skipping when its backend is not
// built into this rasid.
func openTarget(t testing.TB, target, kind string) store.Store {
	t.Helper()
	st, err := app.OpenStore(context.Background(), target)
	if err != nil && strings.Contains(err.Error(), "not built") {
		t.Skipf("%s: %v", kind, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// eventKey is what tells two events apart in a test: the same key twice
// in the store is an event stored twice.
func eventKey(articleID string, e rasid.Event) string {
	return fmt.Sprintf("%s|%s|%s>%s|s%d|%d-%d|%s", articleID, e.Code, e.Source, e.Target, e.Sentence, e.Evidence.Start, e.Evidence.End, e.Date)
}

// TestWorkersKilledMidStreamStoreEachEventOnce is issue 7's must-show: an
// in-process JetStream server, 2,000 documents, three workers, one of
// them killed mid-stream right after committing a batch it never got to
// acknowledge; the others take its work over after AckWait, and the
// database ends with every article once and every event exactly once:
// the events that coding the documents directly gives.
func TestWorkersKilledMidStreamStoreEachEventOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 documents through a queue")
	}
	const n = 2000
	target, kind := testdb.New(t)
	check := openTarget(t, target, kind) // also migrates, before the workers open it
	ctx := context.Background()
	c, _, err := app.NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := scaleOutDocs(n)
	want := map[string]int{}
	for _, d := range docs {
		for _, e := range c.Code(d.Text, d.Published).Events {
			want[eventKey(d.ID, e)]++
		}
	}

	srv, err := queue.StartServer(queue.ServerOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	qopt := queue.Options{AckWait: time.Second}
	pq, err := srv.Open(ctx, qopt)
	if err != nil {
		t.Fatal(err)
	}
	defer pq.Close()
	pub, err := app.Publish(ctx, pq, []string{writeJSONL(t, docs)}, nil, app.PublishOptions{})
	if err != nil || pub.Published != n {
		t.Fatalf("publishing: %+v, %v", pub, err)
	}

	// Near-duplicate detection is off: the generated articles share
	// their wording.
	wopt := app.WorkOptions{NearDistance: -1, Consume: queue.ConsumeOptions{Batch: 25, MaxWait: 100 * time.Millisecond}}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	sums := make([]app.IngestSummary, 2)
	errs := make([]error, 2)
	// The two others start only once the worker to be killed has
	// committed its third batch and died: any earlier, and on a busy
	// machine they may drain the queue before it gets that far. Its
	// unacknowledged batch is still theirs to find stored when it comes
	// back after AckWait.
	others := make([]func(), len(sums))
	for i := range sums {
		q, err := srv.Open(ctx, qopt)
		if err != nil {
			t.Fatal(err)
		}
		defer q.Close()
		st := openTarget(t, target, kind)
		others[i] = func() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sums[i], errs[i] = app.Work(wctx, q, st, c, wopt)
			}()
		}
	}

	// The worker to be killed: after its third batch is committed, its
	// connection and database go at once, as when its process is killed,
	// and the acks of that batch are never sent.
	nc, err := srv.Conn()
	if err != nil {
		t.Fatal(err)
	}
	kq, err := queue.New(ctx, nc, qopt)
	if err != nil {
		t.Fatal(err)
	}
	kst := openTarget(t, target, kind)
	var dead atomic.Bool
	var batches, killedNew, killedLast int
	var left uint64
	kill := func(ctx context.Context, docs []rasid.Document) error {
		if dead.Load() {
			return errors.New("a dead worker does nothing")
		}
		sum, err := app.IngestBatch(ctx, kst, c, docs, wopt)
		if err != nil {
			return err
		}
		batches++
		killedNew += sum.New
		if batches == 3 {
			dead.Store(true)
			killedLast = sum.New
			s, _ := pq.Status(ctx)
			left = s.Messages
			nc.Close()
			kst.Close()
			// Dead, and the queue barely touched: the others may start.
			for _, start := range others {
				start()
			}
		}
		return nil
	}
	kopt := wopt.Consume
	kopt.InFlight = 1
	// Never wait forever for the kill: fail instead.
	kctx, kcancel := context.WithTimeout(ctx, 2*time.Minute)
	defer kcancel()
	kerr := kq.Consume(kctx, kill, kopt)
	if kctx.Err() != nil {
		t.Fatalf("the worker to be killed handled %d batches in 2 minutes, not 3", batches)
	}
	if !errors.Is(kerr, nats.ErrConnectionClosed) {
		t.Errorf("the killed worker's Consume: %v, want connection closed", kerr)
	}
	if killedLast == 0 || left < 100 {
		t.Fatalf("the worker was killed after committing %d articles with %d messages left; want mid-stream after a commit", killedLast, left)
	}

	deadline := time.Now().Add(60 * time.Second)
	for {
		s, err := pq.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Messages == 0 {
			if s.Dead != 0 {
				t.Errorf("%d messages dead-lettered", s.Dead)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue is not drained after 60 s: %+v", s)
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	wg.Wait()
	total := app.IngestSummary{New: killedNew}
	for i, s := range sums {
		if errs[i] != nil {
			t.Errorf("worker %d: %v", i, errs[i])
		}
		t.Logf("worker %d: %+v", i, s)
		total.New += s.New
		total.Duplicate += s.Duplicate
	}
	t.Logf("killed worker: %d batches, %d new articles, the last %d of them never acknowledged; %d messages were left", batches, killedNew, killedLast, left)
	if total.New != n {
		t.Errorf("%d articles created over all workers, want %d", total.New, n)
	}
	// The committed, unacknowledged batch came back and was found stored.
	if total.Duplicate < killedLast {
		t.Errorf("the surviving workers found %d documents already stored, want at least the %d of the killed worker's last batch", total.Duplicate, killedLast)
	}

	stats, err := check.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantEvents := 0
	for _, k := range want {
		wantEvents += k
	}
	if stats.Articles != n || stats.Events != wantEvents {
		t.Errorf("database holds %d articles and %d events, want %d and %d", stats.Articles, stats.Events, n, wantEvents)
	}
	got := map[string]int{}
	err = check.ExportEvents(ctx, store.EventFilter{}, func(r store.ExportRow) error {
		got[eventKey(r.Event.ArticleID, r.Event)]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("event %s stored %d times, want %d", k, got[k], w)
		}
	}
	for k := range got {
		if want[k] == 0 {
			t.Errorf("event %s stored but not coded", k)
		}
	}
	if wantEvents < n {
		t.Errorf("the documents give only %d events", wantEvents)
	}
}

// TestIngestBatch: one batch from a queue is triaged as Ingest triages
// what it reads, and ingesting it again (a redelivery) changes nothing.
func TestIngestBatch(t *testing.T) {
	body := "أجرى وزير الخارجية المصري، أمس الثلاثاء، اتصالاً هاتفياً مع نظيره الأردني، تناول تطورات الأوضاع في المنطقة وسبل تعزيز التنسيق بين البلدين في مختلف المجالات، وأكد الوزيران أهمية مواصلة التشاور الثنائي بشأن القضايا الإقليمية ذات الاهتمام المشترك."
	day := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	wire := rasid.Document{ID: "b1", Source: "وكالة أ", Published: day, Text: "اتصال مصري أردني\n" + body}
	copied := rasid.Document{ID: "b2", Source: "صحيفة ب", URL: "https://b.example/2", Published: day, Text: wire.Text}
	edited := rasid.Document{ID: "b3", Source: "موقع ج", Published: day, Text: "الوزيران يبحثان التنسيق\n" + body + " ويأتي الاتصال في إطار التشاور المستمر بين البلدين."}
	other := scaleOutDocs(2)
	english := rasid.Document{ID: "b4", Published: day, Text: "The ministers of Egypt and Jordan spoke on the phone on Tuesday."}

	st := openTemp(t)
	c, _, _ := app.NewCoder(nil)
	ctx := context.Background()
	batch := []rasid.Document{wire, other[0], copied, edited, english, other[1]}
	for _, tc := range []struct {
		name string
		want app.IngestSummary
	}{
		{"first delivery", app.IngestSummary{Read: 6, New: 3, Duplicate: 1, NearDuplicate: 1, NonArabic: 1}},
		{"redelivery", app.IngestSummary{Read: 6, Duplicate: 4, NearDuplicate: 1, NonArabic: 1}},
	} {
		sum, err := app.IngestBatch(ctx, st, c, batch, app.WorkOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sum.Events = 0
		if fmt.Sprint(sum) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, sum, tc.want)
		}
		art, err := st.Article(ctx, "b1")
		if err != nil {
			t.Fatal(err)
		}
		if art.NumSources != 3 || art.NumArticles != 3 || len(art.Events) == 0 {
			t.Errorf("%s: the story has %d sources, %d articles, %d events; want 3, 3 and some", tc.name, art.NumSources, art.NumArticles, len(art.Events))
		}
	}
	if s, _ := st.Stats(ctx); s.Articles != 3 {
		t.Errorf("%d articles stored, want 3", s.Articles)
	}
}

// blindStore misses every duplicate lookup, as a worker does when another
// stores the same text between its lookup and its write.
type blindStore struct{ store.Store }

func (blindStore) FindByHash(context.Context, string) (string, bool, error) { return "", false, nil }
func (blindStore) NearDuplicates(context.Context, uint64, int) ([]string, error) {
	return nil, nil
}

// TestIngestBatchCopyStoredMeanwhile: a copy whose original another worker
// stored after the lookup is still recorded as one more source of it.
func TestIngestBatchCopyStoredMeanwhile(t *testing.T) {
	st := openTemp(t)
	c, _, _ := app.NewCoder(nil)
	ctx := context.Background()
	d := scaleOutDocs(1)[0]
	if _, err := app.IngestBatch(ctx, st, c, []rasid.Document{d}, app.WorkOptions{}); err != nil {
		t.Fatal(err)
	}
	cp := d
	cp.ID, cp.Source = "copy", "outlet-other"
	sum, err := app.IngestBatch(ctx, blindStore{st}, c, []rasid.Document{cp}, app.WorkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 0 || sum.Duplicate != 1 {
		t.Errorf("summary %+v, want one duplicate", sum)
	}
	art, err := st.Article(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if art.NumSources != 2 {
		t.Errorf("the original has %d sources, want 2: %+v", art.NumSources, art.Sources)
	}
}

// pickyStore refuses, as invalid, every batch that holds the article
// "w-00002".
type pickyStore struct{ store.Store }

func (p pickyStore) PutArticles(ctx context.Context, as []store.Article) ([]store.PutResult, error) {
	for i, a := range as {
		if a.ID == "w-00002" {
			return nil, store.Errorf(store.EINVALID, "article %d: refused", i)
		}
	}
	return p.Store.PutArticles(ctx, as)
}

// TestWorkDeadLettersWhatTheStoreRefuses: an article the database
// refuses as invalid is moved to the dead letters; its batch-mates are
// stored.
func TestWorkDeadLettersWhatTheStoreRefuses(t *testing.T) {
	st := openTemp(t)
	c, _, _ := app.NewCoder(nil)
	ctx := context.Background()
	srv, err := queue.StartServer(queue.ServerOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	q, err := srv.Open(ctx, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if _, err := app.Publish(ctx, q, []string{writeJSONL(t, scaleOutDocs(5))}, nil, app.PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan app.IngestSummary)
	go func() {
		sum, err := app.Work(wctx, q, pickyStore{st}, c, app.WorkOptions{NearDistance: -1, Consume: queue.ConsumeOptions{MaxWait: 50 * time.Millisecond}})
		if err != nil {
			t.Error(err)
		}
		done <- sum
	}()
	for {
		s, err := q.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Messages == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	if sum := <-done; sum.New != 4 {
		t.Errorf("worker stored %+v, want 4 new", sum)
	}
	dead, err := q.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].ID != "w-00002" || !strings.Contains(dead[0].Reason, "refused") {
		t.Errorf("dead letters %+v, want w-00002 refused", dead)
	}
}
