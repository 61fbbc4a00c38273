package app

import (
	"context"
	"fmt"

	"rasid/coder"
	"rasid/store"
)

// RecodeSummary counts what Recode did.
type RecodeSummary struct {
	Articles int `json:"articles"` // stored articles coded again
	Changed  int `json:"changed"`  // whose events or mentions changed
	Events   int `json:"events"`   // events of all the articles now
}

// RecodeOptions tune Recode.
type RecodeOptions struct {
	// BatchSize is how many articles are coded, then stored in one
	// transaction; 0 means 256.
	BatchSize int
	// Progress, if set, is called after every batch stored.
	Progress func(RecodeSummary)
}

// Recode codes every stored article again with c, a batch at a time on
// all cores, and replaces the events and mentions of those whose coding
// changed (after a new version of the coder or of its dictionaries).
// Articles that code as before keep their events and event ids. Each
// batch is one transaction, so an interrupted Recode leaves every article
// coded by either version, and running it again finishes the work.
func Recode(ctx context.Context, st store.Store, c *coder.Coder, opt RecodeOptions) (RecodeSummary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 256
	}
	var sum RecodeSummary
	after := ""
	for {
		docs, err := st.Documents(ctx, after, min(opt.BatchSize, store.MaxLimit))
		if err != nil {
			return sum, fmt.Errorf("reading stored articles: %w", err)
		}
		if len(docs) == 0 {
			return sum, nil
		}
		arts := make([]store.Article, len(docs))
		for i, d := range docs {
			arts[i].Document = d
		}
		if err := codeAll(ctx, c, arts, 0, nil); err != nil {
			return sum, err
		}
		rs := make([]store.Recoding, len(arts))
		for i, a := range arts {
			rs[i] = store.Recoding{ID: a.ID, Events: a.Events, Mentions: a.Mentions}
		}
		changed, err := st.Recode(ctx, rs)
		if err != nil {
			return sum, fmt.Errorf("storing the new coding of %d articles from %q: %w", len(rs), docs[0].ID, err)
		}
		for i, ch := range changed {
			sum.Articles++
			sum.Events += len(rs[i].Events)
			if ch {
				sum.Changed++
			}
		}
		if opt.Progress != nil {
			opt.Progress(sum)
		}
		after = docs[len(docs)-1].ID
	}
}
