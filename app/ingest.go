package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"rasid"
	"rasid/coder"
	"rasid/ingest"
	"rasid/store"
)

// IngestOptions tune Ingest.
type IngestOptions struct {
	Read      ingest.Options
	BatchSize int // articles per transaction; 0 means DefaultBatchSize
	// NearDistance is the SimHash distance (bits) under which two texts
	// are one story; 0 means 3, a negative value turns near-duplicate
	// detection off.
	NearDistance int
	// Progress, if set, is called after every article read.
	Progress func(IngestSummary)
}

// DefaultBatchSize is how many articles Ingest stores per transaction by
// default. A full-text index costs less per article in larger
// transactions (fewer, larger segments to write and merge): the storing
// stage, ANT articles, took 175 µs of CPU per article in batches of 256,
// 150 in batches of 512, no less in larger ones, which only delay the
// first transaction and make the last, which nothing overlaps, longer.
const DefaultBatchSize = 512

// IngestSummary counts what an ingest run did.
type IngestSummary struct {
	Read          int           `json:"read"`
	New           int           `json:"new"`
	Duplicate     int           `json:"duplicate"`      // the same text again
	NearDuplicate int           `json:"near_duplicate"` // the same story from another outlet
	NonArabic     int           `json:"non_arabic"`     // recorded and skipped, not coded
	Failed        int           `json:"failed"`
	Events        int           `json:"events"` // coded from the new articles
	Failures      []ItemFailure `json:"failures,omitempty"`
	// NotRead counts the files a folder walk left out (unknown
	// extensions, hidden files and folders); NotReadFiles names them,
	// at most maxFailures, with the reason.
	NotRead      int           `json:"not_read,omitempty"`
	NotReadFiles []ItemFailure `json:"not_read_files,omitempty"`
}

// ItemFailure is one input that could not be read, and why.
type ItemFailure struct {
	Where  string `json:"where"`
	Reason string `json:"reason"`
}

// maxFailures bounds the failures kept for the summary (all are counted).
const maxFailures = 1000

// pending is a read document on its way to the store.
type pending struct {
	seq  int
	art  store.Article
	dup  string // id of the article it repeats, if any
	near bool
}

// Ingest reads sources, drops what is not Arabic or already stored, codes
// the new articles on all cores and stores them in batches of one
// transaction each. Rerunning it after an interruption stores exactly
// what a single run would: stored articles are recognised before coding.
// It returns ErrSomeFailed (wrapped) when some inputs could not be read.
func Ingest(ctx context.Context, st store.Store, c *coder.Coder, sources []string, stdin io.Reader, opt IngestOptions) (IngestSummary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.NearDistance == 0 {
		opt.NearDistance = 3
	}
	// A bulk load into an empty database need not look each article up in
	// it: the run's own index (seen) knows all it stores. Workers, which
	// share a database by design, always look.
	first, err := st.Documents(ctx, "", 1)
	if err != nil {
		return IngestSummary{}, fmt.Errorf("reading the database: %w", err)
	}
	fresh := len(first) == 0
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sum IngestSummary
	var mu sync.Mutex // sum is counted by the reading and the storing stages
	count := func(f func(*IngestSummary)) {
		mu.Lock()
		f(&sum)
		s := sum
		mu.Unlock()
		if opt.Progress != nil {
			opt.Progress(s)
		}
	}

	ropt := opt.Read
	prevSkipped := ropt.Skipped
	ropt.Skipped = func(path, reason string) {
		count(func(s *IngestSummary) {
			s.NotRead, s.NotReadFiles = addNotRead(s.NotRead, s.NotReadFiles, path, reason)
		})
		if prevSkipped != nil {
			prevSkipped(path, reason)
		}
	}
	items := make(chan ingest.Item, 64)
	readErr := make(chan error, 1)
	go func() { readErr <- ingest.Read(ctx, sources, stdin, ropt, items) }()

	// Stage 1 (one goroutine, in input order, so that runs are
	// reproducible): reading, language, duplicates against the store and
	// against this run.
	toCode := make(chan pending, 64)
	var stageErr error
	seen := ingest.NewDedup(opt.NearDistance)
	go func() {
		defer close(toCode)
		seq := 0
		for it := range items {
			if it.Err != nil {
				count(func(s *IngestSummary) {
					s.Read++
					s.Failed++
					if len(s.Failures) < maxFailures {
						s.Failures = append(s.Failures, ItemFailure{Where: it.Where, Reason: it.Err.Error()})
					}
				})
				continue
			}
			art, ok := newArticle(it.Doc)
			if !ok {
				count(func(s *IngestSummary) { s.Read++; s.NonArabic++ })
				continue
			}
			p := pending{art: art}
			var err error
			p.dup, p.near, err = findDuplicate(ctx, st, seen, art, opt.NearDistance, fresh)
			if err != nil {
				stageErr = err
				cancel()
				return
			}
			if p.dup != "" {
				count(func(s *IngestSummary) { s.Read++; countDuplicate(s, p) })
				if p.dup == art.ID {
					continue // the very article read again (a rerun)
				}
				// A copy goes down the pipeline with the articles, to
				// be recorded by the storing stage once the batch
				// before it is stored: recorded here, its write
				// transaction waited for the batch being stored, and
				// this stage, which feeds the coders, with it.
				p.art = asCopy(art)
			} else {
				count(func(s *IngestSummary) { s.Read++ })
			}
			p.seq = seq
			seq++
			select {
			case toCode <- p:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Stage 2: coding on all cores, and what the store can do of its work
	// before storing.
	coded := make(chan pending, 64)
	prep, _ := st.(store.Preparer)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range toCode {
				if p.dup == "" {
					code(c, &p.art)
					if prep != nil {
						// Off the storing stage, which every
						// article waits for.
						prep.PrepareArticle(&p.art)
					}
				}
				select {
				case coded <- p:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(coded) }()

	// Stage 3: batches in input order, one transaction each, stored by
	// a goroutine of their own so that coding goes on while a batch is
	// written (with the batch handed over inline, the coders stalled on
	// every transaction and two cores did the work of one).
	batches := make(chan storeBatch, 1)
	storeDone := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err != nil {
				continue // drain after a failure
			}
			if err = storeArticles(ctx, st, b, count); err != nil {
				cancel()
			}
		}
		storeDone <- err
	}()
	var batch storeBatch
	send := func() {
		if len(batch.arts) > 0 || len(batch.copies) > 0 {
			batches <- batch
			batch = storeBatch{arts: make([]store.Article, 0, opt.BatchSize)}
		}
	}
	next := 0
	held := map[int]pending{}
	for p := range coded {
		held[p.seq] = p
		for {
			q, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			batch.add(q)
			if len(batch.arts) >= opt.BatchSize {
				send()
			}
		}
	}
	// After a failure the sequence has gaps; store what is left.
	for _, q := range sortedHeld(held) {
		batch.add(q)
	}
	send()
	close(batches)
	putErr := <-storeDone
	rerr := <-readErr
	mu.Lock()
	defer mu.Unlock()
	return sum, outcome(ctx, errors.Join(stageErr, putErr), rerr, sum.Failed)
}

// storeBatch is what the storing stage writes at a time: articles, in
// one transaction, then the copies of articles read up to the last of
// them, whose originals are stored by then.
type storeBatch struct {
	arts   []store.Article
	copies []pending
}

// add adds p to b, as an article or as a copy.
func (b *storeBatch) add(p pending) {
	if p.dup != "" {
		b.copies = append(b.copies, p)
	} else {
		b.arts = append(b.arts, p.art)
	}
}

// storeArticles stores the articles of b, counting them, and records its
// copies: in one transaction when the store can (store.CopyPutter), for a
// transaction of their own cost more than the copies.
func storeArticles(ctx context.Context, st store.Store, b storeBatch, count func(func(*IngestSummary))) error {
	if cp, ok := st.(store.CopyPutter); ok {
		res, err := cp.PutArticlesWithCopies(ctx, b.arts, copiesOf(b.copies))
		if err != nil {
			return fmt.Errorf("storing %d articles and %d copies: %w", len(b.arts), len(b.copies), err)
		}
		count(func(s *IngestSummary) { countStored(s, b.arts, res) })
		return nil
	}
	if len(b.arts) > 0 {
		res, err := st.PutArticles(ctx, b.arts)
		if err != nil {
			return fmt.Errorf("storing %d articles: %w", len(b.arts), err)
		}
		count(func(s *IngestSummary) { countStored(s, b.arts, res) })
	}
	return addSources(ctx, st, b.copies)
}

// outcome is the error of a run that read inputs: the failure of one of
// its own stages, else the reader's, else the end of ctx, else
// ErrSomeFailed (wrapped) when some inputs failed.
func outcome(ctx context.Context, stageErr, readErr error, failed int) error {
	switch {
	case stageErr != nil:
		return stageErr
	case readErr != nil && !errors.Is(readErr, context.Canceled):
		return fmt.Errorf("reading: %w", readErr)
	case ctx.Err() != nil:
		return ctx.Err()
	case failed > 0:
		return fmt.Errorf("%d input(s) failed: %w", failed, ErrSomeFailed)
	}
	return nil
}

// addNotRead counts a file a folder walk left out, naming at most
// maxFailures.
func addNotRead(n int, files []ItemFailure, path, reason string) (int, []ItemFailure) {
	if len(files) < maxFailures {
		files = append(files, ItemFailure{Where: path, Reason: reason})
	}
	return n + 1, files
}

// notReadList collects the files a reader leaves out, from the reader's
// goroutine.
type notReadList struct {
	mu    sync.Mutex
	n     int
	files []ItemFailure
}

// watch returns opt reporting its left-out files to l as well.
func (l *notReadList) watch(opt ingest.Options) ingest.Options {
	prev := opt.Skipped
	opt.Skipped = func(path, reason string) {
		l.mu.Lock()
		l.n, l.files = addNotRead(l.n, l.files, path, reason)
		l.mu.Unlock()
		if prev != nil {
			prev(path, reason)
		}
	}
	return opt
}

// newArticle makes the article of a document with its fingerprints; ok is
// false when it is not Arabic (and is not to be coded).
func newArticle(doc rasid.Document) (a store.Article, ok bool) {
	if doc.Lang == "" {
		doc.Lang = ingest.Language(doc.Text)
	}
	if !isArabic(doc) {
		return store.Article{}, false
	}
	return store.Article{Document: doc, ContentHash: ingest.ContentHash(doc.Text), SimHash: ingest.SimHash(lead(doc.Text))}, true
}

// isArabic reports whether doc is in Arabic: by its language when set,
// else by its text.
func isArabic(doc rasid.Document) bool {
	if doc.Lang != "" {
		return doc.Lang == "ar"
	}
	return ingest.Language(doc.Text) == "ar"
}

// checkDuplicate looks an article up in the store and in this run (seen).
// When it repeats another, p.dup names that one and the copy is recorded
// as another source of it, unless the article is that one read again (a
// rerun), or its original is not stored yet: then later is true and the
// caller records the copy (addSources) once the original is stored.
func checkDuplicate(ctx context.Context, st store.Store, seen *ingest.Dedup, a store.Article, nearDistance int) (p pending, later bool, err error) {
	p = pending{art: a}
	dup, near, err := findDuplicate(ctx, st, seen, a, nearDistance, false)
	if err != nil || dup == "" {
		return p, false, err
	}
	p.dup, p.near = dup, near
	if dup == a.ID {
		return p, false, nil // the very article read again (a rerun)
	}
	p.art = asCopy(a)
	if err := st.AddSource(ctx, dup, p.art.Source, p.art.URL); err != nil {
		if store.ErrorCode(err) != store.ENOTFOUND {
			return p, false, err
		}
		// Its original is in a batch not yet stored.
		return p, true, nil
	}
	return p, false, nil
}

// asCopy is a as a copy of another article, recorded by its source and
// URL: by its id when it has neither.
func asCopy(a store.Article) store.Article {
	if a.Source == "" && a.URL == "" {
		a.URL = "id:" + a.ID // a copy known only by its id
	}
	return a
}

// countDuplicate counts a document found by checkDuplicate.
func countDuplicate(s *IngestSummary, p pending) {
	if p.near {
		s.NearDuplicate++
	} else {
		s.Duplicate++
	}
}

// code codes an article's text into its events and mentions.
func code(c *coder.Coder, a *store.Article) {
	res := c.Code(a.Text, a.Published)
	a.Events, a.Mentions = res.Events, res.Actors
}

// countStored counts the results of PutArticles for batch.
func countStored(s *IngestSummary, batch []store.Article, res []store.PutResult) {
	for i, r := range res {
		if r.Created {
			s.New++
			s.Events += len(batch[i].Events)
		} else {
			s.Duplicate++
		}
	}
}

// addSources records the copies that checkDuplicate left for later, now
// that their originals are stored.
func addSources(ctx context.Context, st store.Store, copies []pending) error {
	if cp, ok := st.(store.CopyPutter); ok && len(copies) > 0 {
		// In one transaction: one for each copy cost more than the copy.
		cs := copiesOf(copies)
		if _, err := cp.PutArticlesWithCopies(ctx, nil, cs); err != nil {
			return fmt.Errorf("recording %d copies: %w", len(cs), err)
		}
		return nil
	}
	for _, p := range copies {
		if err := st.AddSource(ctx, p.dup, p.art.Source, p.art.URL); err != nil {
			return fmt.Errorf("recording a copy of %s: %w", p.dup, err)
		}
	}
	return nil
}

// copiesOf returns copies as store.Copy values.
func copiesOf(copies []pending) []store.Copy {
	cs := make([]store.Copy, len(copies))
	for i, p := range copies {
		cs[i] = store.Copy{ArticleID: p.dup, Source: p.art.Source, URL: p.art.URL}
	}
	return cs
}

// findDuplicate looks a document up in the store and in this run: the id
// of the article it repeats, and whether only nearly.
func findDuplicate(ctx context.Context, st store.Store, seen *ingest.Dedup, a store.Article, near int, fresh bool) (string, bool, error) {
	if fresh {
		// The store was empty when this run began: what it holds now this
		// run stored, and seen knows it. (The store still refuses a second
		// copy of a text: its content hash is unique.)
	} else if id, isNear, err := findStored(ctx, st, a, near); err != nil || id != "" {
		return id, isNear, err
	}
	sim := a.SimHash
	if near < 0 {
		sim = 0 // near duplicates off: only the same text counts
	}
	if dup, exact, ok := seen.CheckHashes(a.ID, a.ContentHash, sim); ok {
		return dup, !exact, nil
	}
	return "", false, nil
}

// findStored looks a document up in the store: the id of the stored
// article it repeats, and whether only nearly; "" if none.
func findStored(ctx context.Context, st store.Store, a store.Article, near int) (string, bool, error) {
	if f, ok := st.(store.DuplicateFinder); ok {
		return f.FindDuplicate(ctx, a.ContentHash, a.SimHash, near)
	}
	if id, ok, err := st.FindByHash(ctx, a.ContentHash); err != nil || ok {
		return id, false, err
	}
	if near >= 0 && a.SimHash != 0 {
		ids, err := st.NearDuplicates(ctx, a.SimHash, near)
		if err != nil || len(ids) == 0 {
			return "", false, err
		}
		return ids[0], true, nil
	}
	return "", false, nil
}

// leadBytes is how much of a story's body its near-duplicate fingerprint
// covers: wire copies share their lead, while outlets change headlines and
// add or cut closing paragraphs.
const leadBytes = 400

// lead is the start of the body of text: after a headline line, at most
// leadBytes, cut at a space.
func lead(text string) string {
	if head, body, ok := strings.Cut(strings.TrimSpace(text), "\n"); ok && len(strings.TrimSpace(body)) > 200 && len(head) < 300 {
		text = body
	}
	text = strings.TrimSpace(text)
	if len(text) <= leadBytes {
		return text
	}
	cut := strings.LastIndexByte(text[:leadBytes], ' ')
	if cut <= 0 {
		cut = leadBytes
	}
	return text[:cut]
}

func sortedHeld(held map[int]pending) []pending {
	out := make([]pending, 0, len(held))
	for _, p := range held {
		out = append(out, p)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].seq < out[j-1].seq; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
