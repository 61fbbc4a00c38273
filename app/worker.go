package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"rasid"
	"rasid/coder"
	"rasid/ingest"
	"rasid/queue"
	"rasid/store"
)

// WorkOptions tune Work and IngestBatch.
type WorkOptions struct {
	// NearDistance is as in IngestOptions.
	NearDistance int
	// Coders is how many goroutines code a batch; 0 means one per core.
	Coders int
	// Consume tunes the queue consumer (batch size, grace period, log).
	Consume queue.ConsumeOptions
	// Progress, if set, is called after every batch stored with the
	// totals so far. Calls may come from several goroutines, one at a
	// time.
	Progress func(IngestSummary)
}

// Work consumes documents from the queue and ingests them into st, a
// batch at a time (IngestBatch), until ctx ends; each batch is
// acknowledged only after it is committed, so a worker may be stopped or
// killed at any moment without losing or duplicating anything. It
// returns the totals of what it stored, and an error only when it cannot
// go on (the queue's connection closed).
func Work(ctx context.Context, q *queue.Queue, st store.Store, c *coder.Coder, opt WorkOptions) (IngestSummary, error) {
	var mu sync.Mutex
	var total IngestSummary
	h := func(ctx context.Context, docs []rasid.Document) error {
		sum, err := IngestBatch(ctx, st, c, docs, opt)
		if err != nil {
			if store.ErrorCode(err) == store.EINVALID {
				// The store refuses an article: trying again cannot help.
				return queue.Permanent(err)
			}
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		add(&total, sum)
		if opt.Progress != nil {
			opt.Progress(total)
		}
		return nil
	}
	err := q.Consume(ctx, h, opt.Consume)
	mu.Lock()
	defer mu.Unlock()
	return total, err
}

// add adds the counts of b to a (a batch's to the totals).
func add(a *IngestSummary, b IngestSummary) {
	a.Read += b.Read
	a.New += b.New
	a.Duplicate += b.Duplicate
	a.NearDuplicate += b.NearDuplicate
	a.NonArabic += b.NonArabic
	a.Failed += b.Failed
	a.Events += b.Events
}

// IngestBatch ingests documents as Ingest does what it reads, in one
// transaction: what is not Arabic is counted and skipped, a document
// already stored, or repeating one of the batch, is recorded as another
// source of the original, and the rest is coded on all cores and stored.
// Ingesting a batch again (a queue's redelivery) stores nothing new.
//
// When other workers store at the same time, two copies of one story
// may each find the other not yet stored: exact copies are still stored
// once (the store knows their content hash), near ones may both be kept.
func IngestBatch(ctx context.Context, st store.Store, c *coder.Coder, docs []rasid.Document, opt WorkOptions) (IngestSummary, error) {
	if opt.NearDistance == 0 {
		opt.NearDistance = 3
	}
	var sum IngestSummary
	seen := ingest.NewDedup(opt.NearDistance)
	var arts []store.Article
	var later []pending
	for _, doc := range docs {
		sum.Read++
		art, ok := newArticle(doc)
		if !ok {
			sum.NonArabic++
			continue
		}
		p, wait, err := checkDuplicate(ctx, st, seen, art, opt.NearDistance)
		if err != nil {
			return sum, fmt.Errorf("looking for duplicates of %s: %w", doc.ID, err)
		}
		if p.dup != "" {
			countDuplicate(&sum, p)
			if wait {
				later = append(later, p)
			}
			continue
		}
		arts = append(arts, p.art)
	}
	prep, _ := st.(store.Preparer)
	if err := codeAll(ctx, c, arts, opt.Coders, prep); err != nil {
		return sum, err
	}
	if len(arts) > 0 {
		res, err := st.PutArticles(ctx, arts)
		if err != nil {
			return sum, fmt.Errorf("storing %d articles: %w", len(arts), err)
		}
		countStored(&sum, arts, res)
		for i, r := range res {
			if !r.Created && r.ID != arts[i].ID {
				// The same text, stored meanwhile by another worker
				// under another id: this is a copy of it.
				later = append(later, pending{art: asCopy(arts[i]), dup: r.ID})
			}
		}
	}
	if err := addSources(ctx, st, later); err != nil {
		return sum, err
	}
	return sum, nil
}

// codeAll codes arts in place on n goroutines (0: one per core), and has
// prep, if not nil, prepare them for storing there.
func codeAll(ctx context.Context, c *coder.Coder, arts []store.Article, n int, prep store.Preparer) error {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	n = min(n, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				code(c, &arts[i])
				if prep != nil {
					prep.PrepareArticle(&arts[i])
				}
			}
		}()
	}
	var err error
feed:
	for i := range arts {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}

// PublishSummary counts what a run of Publish did.
type PublishSummary struct {
	Read      int           `json:"read"`
	Published int           `json:"published"` // stored in the queue
	Queued    int           `json:"queued"`    // already in the queue (published before, within its duplicate window)
	NonArabic int           `json:"non_arabic"`
	Failed    int           `json:"failed"`
	Failures  []ItemFailure `json:"failures,omitempty"`
	// NotRead and NotReadFiles are as in IngestSummary.
	NotRead      int           `json:"not_read,omitempty"`
	NotReadFiles []ItemFailure `json:"not_read_files,omitempty"`
}

// PublishOptions tune Publish.
type PublishOptions struct {
	Read ingest.Options
	// Progress, if set, is called after every document read.
	Progress func(PublishSummary)
}

// Publish reads sources as Ingest does and puts the Arabic documents on
// the queue for workers to code and store (Work); duplicates are found
// there, against the database. The queue stores a document published
// twice once. It returns ErrSomeFailed (wrapped) when some inputs could
// not be read or queued, and another error when the queue cannot take
// documents (the documents confirmed so far are queued for good).
func Publish(ctx context.Context, q *queue.Queue, sources []string, stdin io.Reader, opt PublishOptions) (PublishSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sum PublishSummary
	fail := func(where, reason string) {
		sum.Failed++
		if len(sum.Failures) < maxFailures {
			sum.Failures = append(sum.Failures, ItemFailure{Where: where, Reason: reason})
		}
	}
	// The reader tells of the files it leaves out from its goroutine.
	var notRead notReadList
	ropt := notRead.watch(opt.Read)
	items := make(chan ingest.Item, 64)
	readErr := make(chan error, 1)
	go func() { readErr <- ingest.Read(ctx, sources, stdin, ropt, items) }()
	pub := q.Publisher()
	var pubErr error
	for it := range items {
		if pubErr != nil {
			continue // drain the reader after cancel
		}
		sum.Read++
		switch {
		case it.Err != nil:
			fail(it.Where, it.Err.Error())
		case !isArabic(it.Doc):
			sum.NonArabic++
		default:
			if err := pub.Publish(ctx, it.Doc); errors.Is(err, queue.ErrRejected) {
				fail(it.Where, err.Error())
			} else if err != nil {
				pubErr = err
				cancel()
			}
		}
		if opt.Progress != nil {
			st := pub.Stats()
			sum.Published, sum.Queued = st.Published, st.Duplicate
			opt.Progress(sum)
		}
	}
	st, ferr := pub.Flush(context.WithoutCancel(ctx))
	sum.Published, sum.Queued = st.Published, st.Duplicate
	rerr := <-readErr
	sum.NotRead, sum.NotReadFiles = notRead.n, notRead.files
	return sum, outcome(ctx, errors.Join(pubErr, ferr), rerr, sum.Failed)
}
