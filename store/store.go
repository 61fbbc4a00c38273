// Package store defines how rasid keeps articles and the events coded from
// them: the Store interface every backend implements (store/sqlite now,
// PostgreSQL later), the types it speaks, its error codes, and helpers the
// backends share (dates, cursors, highlighting). The conformance suite in
// store/storetest checks a backend against the contract written here.
//
// Every method returns an *Error (see ErrorCode) for the failures a caller
// can act on; any other error is EINTERNAL.
package store

import (
	"context"
	"time"

	"rasid"
)

// Store keeps articles, their mentions and events, and answers the
// questions of the CLI and the HTTP API. Implementations are safe for
// concurrent use.
type Store interface {
	// PutArticle stores a, its mentions and events, and its sources in one
	// transaction. It is idempotent: if an article with a.ID, or with a
	// non-empty a.ContentHash, is already stored, it changes nothing and
	// returns that article's id with created=false (record another
	// outlet's copy with AddSource). Returns EINVALID if a fails Validate.
	PutArticle(ctx context.Context, a Article) (id string, created bool, err error)

	// PutArticles is PutArticle for a batch, in one transaction: either
	// every article is stored or none is. An article that repeats an
	// earlier one of the same batch (by ID or ContentHash) is a duplicate
	// of it. Returns one result per article, in order; EINVALID (naming
	// the article's index) if one fails Validate.
	PutArticles(ctx context.Context, as []Article) ([]PutResult, error)

	// AddSource records that the article articleID was also carried by
	// source (an outlet) at url, a duplicate found at ingest; it counts
	// in ArticleDetail.NumArticles and NumSources. It is idempotent: a
	// copy is known by its (source, url); a url of "" means "a copy at
	// source, address unknown" and adds nothing when source is already
	// recorded, and a known url at source replaces such an unknown one.
	// Returns ENOTFOUND if no article has that id, EINVALID if source
	// and url are both empty.
	AddSource(ctx context.Context, articleID, source, url string) error

	// FindByHash returns the id of the article with that content hash.
	// ok is false if there is none (or contentHash is empty).
	FindByHash(ctx context.Context, contentHash string) (id string, ok bool, err error)

	// NearDuplicates returns the ids of the articles whose SimHash is
	// within maxDistance bits (Hamming distance) of simhash, nearest
	// first (ties by id). The lookup is banded (four 16-bit bands; a
	// candidate shares at least one band exactly), so it finds every
	// near duplicate for maxDistance <= 3 and some for larger distances.
	// Articles stored with SimHash 0 ("none") are never returned.
	// Returns EINVALID unless 0 <= maxDistance <= 64.
	NearDuplicates(ctx context.Context, simhash uint64, maxDistance int) ([]string, error)

	// Article returns the stored article with its sources, mentions and
	// events. Returns ENOTFOUND if there is none with that id.
	Article(ctx context.Context, id string) (ArticleDetail, error)

	// SearchArticles runs a full-text search over the articles' titles
	// and texts: query and documents pass through the Analyzer the store
	// was built with, and an article matches when it holds every term of
	// the query. Hits come best first, at most limit (0 means
	// DefaultSearchLimit). A query
	// with no terms finds nothing. Returns EINVALID for an empty query or
	// a limit < 0 or > MaxLimit.
	SearchArticles(ctx context.Context, query string, limit int) ([]ArticleHit, error)

	// Events returns one page of the events matching f, ordered by date
	// (the first day of the event's date) descending, then id descending;
	// page.Next is the cursor of the following page ("" after the last).
	// Returns EINVALID for a malformed filter (see EventFilter.Validate).
	Events(ctx context.Context, f EventFilter) (EventPage, error)

	// Event returns one event with its article (text, mentions, sources)
	// so that a page can highlight the evidence and the actors. Returns
	// ENOTFOUND if there is no event with that id.
	Event(ctx context.Context, id int64) (EventDetail, error)

	// ExportEvents calls fn for every event matching f (f.Limit and
	// f.Cursor are ignored) in the order of Events, with what a
	// GDELT-style export needs. It stops at, and returns, the first error
	// of fn. fn must not call the store. Returns EINVALID for a malformed
	// filter.
	ExportEvents(ctx context.Context, f EventFilter, fn func(ExportRow) error) error

	// DyadTimeline returns, per period of interval (IntervalDay, Week or
	// Month; "" means month), the events between a and b in either
	// direction: their count, Goldstein sum and counts per quad class.
	// Periods without events are included (with zeros) between from (or
	// the first event) and to (or the last); from and to are
	// YYYY[-MM[-DD]] as in EventFilter. Events without a date are left
	// out. Returns EINVALID if a or b is empty, for a bad interval or
	// date, or when the range would hold more than MaxTimelinePoints
	// periods.
	DyadTimeline(ctx context.Context, a, b, interval, from, to string) ([]TimelinePoint, error)

	// Network returns the directed state-to-state edges of the events
	// dated within [from, to] (YYYY[-MM[-DD]], either may be ""; when
	// both are, every event, undated ones included): both codes of three
	// letters A-Z, source different from target, weighted by event count
	// (descending, then source and target) with their mean Goldstein.
	// Returns EINVALID for a bad date.
	Network(ctx context.Context, from, to string) ([]Edge, error)

	// Actors returns the codes that take part in the most events, as
	// source or target (an event counts once for a code that is both),
	// most first; limit 0 means DefaultLimit. Returns EINVALID for a
	// limit < 0 or > MaxLimit.
	Actors(ctx context.Context, limit int) ([]ActorCount, error)

	// Stats returns the counts of the corpus for a dashboard.
	Stats(ctx context.Context) (Stats, error)

	// Documents returns up to limit stored articles as the documents they
	// were stored from (without what was coded from them), in id order,
	// those after the id after ("" for the first page); fewer than limit
	// means the last page. limit 0 means DefaultLimit. Returns EINVALID
	// for a limit < 0 or > MaxLimit. With Recode it lets a new version of
	// the coder or of its dictionaries code a database again.
	Documents(ctx context.Context, after string, limit int) ([]rasid.Document, error)

	// Recode replaces what was coded from stored articles — their events
	// and mentions — by a new coding, for every Recoding of rs, in one
	// transaction; their texts, sources and fingerprints stay. An article
	// whose stored events and mentions equal the new ones (event ids and
	// article ids aside, evidence texts filled as PutArticle fills them)
	// is left as it is, so its events keep their ids; the events of an
	// article that changed get new ids. Returns, in order, whether each
	// article changed. Returns ENOTFOUND naming the first id that is not
	// stored, and EINVALID (naming the id) for a coding that fails
	// Article.Validate against the stored text; either way nothing
	// changes.
	Recode(ctx context.Context, rs []Recoding) ([]bool, error)

	// Close releases the store. Methods called after Close fail.
	Close() error
}

// Analyzer turns a text into the terms to index or to query, for
// SearchArticles and EventFilter.Query: the caller builds one from
// rasid/arabic (Normalize and Stem of each word) so that a search for
// "مغربية" finds "المغرب". A store applies the same Analyzer to documents
// and to queries; it must be deterministic and safe for concurrent use.
type Analyzer func(text string) []string

// Limits of the listing methods.
const (
	DefaultLimit       = 100
	MaxLimit           = 1000
	DefaultSearchLimit = 20
	MaxTimelinePoints  = 50000
)

// Intervals of DyadTimeline.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week" // ISO weeks, starting on Monday
	IntervalMonth = "month"
)

// Article is what PutArticle stores: a document with the events and
// mentions coded from it, and what ingest found out about it.
type Article struct {
	rasid.Document
	// ContentHash identifies the content (e.g. a hash of the normalised
	// text): an article with the same non-empty hash is a duplicate.
	ContentHash string `json:"content_hash,omitempty"`
	// SimHash is a 64-bit locality-sensitive hash of the text for
	// NearDuplicates; 0 means none.
	SimHash uint64 `json:"simhash,omitempty"`
	// Events coded from the text; the store assigns their ID and
	// ArticleID (the values given are ignored), and takes an evidence
	// text missing beside its offsets from the article's text.
	Events   []rasid.Event   `json:"events,omitempty"`
	Mentions []rasid.Mention `json:"mentions,omitempty"`
	// Sources are the outlets known to have carried it besides
	// Document.Source (each as a copy whose URL is unknown).
	Sources []string `json:"sources,omitempty"`
	// Terms are the article's search terms when the caller had the store
	// analyse them ahead of PutArticles (Preparer); a store analyses an
	// article without them itself.
	Terms *Terms `json:"-"`
}

// Preparer is implemented by a store that can do ahead, on the caller's
// goroutine, the part of PutArticles that needs no database: analysing
// an article's search terms through its Analyzer. Ingest prepares the
// articles on the goroutines that code them, so that the one that stores
// them, which every article waits for, has less to do.
type Preparer interface {
	// PrepareArticle sets a.Terms to the terms of a as it is: they are
	// ignored if its title, text or number of events change afterwards.
	PrepareArticle(a *Article)
}

// DuplicateFinder is implemented by a store that answers in one query the
// two questions ingest asks of every article it reads: FindByHash, then
// NearDuplicates when no article has that content hash.
type DuplicateFinder interface {
	// FindDuplicate returns the id FindByHash(contentHash) returns (near
	// false), else the first id NearDuplicates(simhash, maxDistance)
	// returns (near true), else "". A simhash of 0 or a negative
	// maxDistance looks for the content hash only. Returns EINVALID for
	// a maxDistance over 64.
	FindDuplicate(ctx context.Context, contentHash string, simhash uint64, maxDistance int) (id string, near bool, err error)
}

// CopyPutter is implemented by a store that stores articles and records
// copies of stored articles in one transaction: ingest records the copies
// read with a batch of articles once the batch is stored, and a
// transaction of their own, and its commit, cost more than the copies.
type CopyPutter interface {
	// PutArticlesWithCopies is PutArticles(as), then AddSource for each
	// of copies in order (whose articles may be among as), in one
	// transaction: all is stored or nothing is. Its errors are theirs, for
	// the first article or copy that fails. With no articles it records
	// the copies alone.
	PutArticlesWithCopies(ctx context.Context, as []Article, copies []Copy) ([]PutResult, error)
}

// Copy is a copy of a stored article for PutArticlesWithCopies: the
// arguments of AddSource.
type Copy struct {
	ArticleID, Source, URL string
}

// Terms are the search terms of an article through an Analyzer: those of
// its title and text (Title+"\n"+Text), and those of each of its events'
// evidence text (EvidenceText), in the order of Events.
type Terms struct {
	Text     []string
	Evidence [][]string
	// Index is what the store that analysed them (PrepareArticle) made
	// of them for its index, in its own form, so that PutArticles need
	// not; nil when nothing.
	Index any
	// What they were analysed from, to tell when they no longer apply.
	title, text string
}

// AnalyzeArticle returns the search terms of a through analyze.
func AnalyzeArticle(analyze Analyzer, a *Article) *Terms {
	t := &Terms{Text: analyze(a.Title + "\n" + a.Text), Evidence: make([][]string, len(a.Events)), title: a.Title, text: a.Text}
	for i, e := range a.Events {
		t.Evidence[i] = analyze(EvidenceText(a, e))
	}
	return t
}

// TermsOf returns a.Terms if they are those of a as it is (by its title,
// text and number of events), else nil.
func TermsOf(a *Article) *Terms {
	t := a.Terms
	if t == nil || t.title != a.Title || t.text != a.Text || len(t.Evidence) != len(a.Events) {
		return nil
	}
	return t
}

// Recoding is a new coding of a stored article for Recode.
type Recoding struct {
	ID       string          `json:"id"`
	Events   []rasid.Event   `json:"events"`
	Mentions []rasid.Mention `json:"mentions"`
}

// PutResult is the outcome of one article of PutArticles.
type PutResult struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
}

// SourceRef is one copy of an article: the outlet that carried it and
// where.
type SourceRef struct {
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
}

// ArticleDetail is a stored article with everything coded from it.
type ArticleDetail struct {
	rasid.Document
	ContentHash string `json:"content_hash,omitempty"`
	SimHash     uint64 `json:"simhash,omitempty"`
	// Sources are the known copies of the article, sorted by source and
	// url: its own (Document.Source and URL, when either is known), those
	// of Article.Sources and those of AddSource.
	Sources []SourceRef `json:"sources"`
	// NumSources is the number of distinct outlets among Sources;
	// NumArticles the number of copies, the article itself included
	// (so at least 1).
	NumSources  int             `json:"num_sources"`
	NumArticles int             `json:"num_articles"`
	Mentions    []rasid.Mention `json:"mentions"`
	Events      []rasid.Event   `json:"events"`
}

// ArticleHit is one result of SearchArticles.
type ArticleHit struct {
	ID        string    `json:"id"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published"`
	// Score is the relevance of the hit, higher is better; it only
	// orders the hits of one search.
	Score float64 `json:"score"`
	// Snippet is an excerpt of the text around the first match, with
	// "…" where it was cut; Highlights are the matching words as byte
	// offsets into Snippet (see Mark). Matches are the matching words as
	// byte offsets into the article's text.
	Snippet    string       `json:"snippet"`
	Highlights []rasid.Span `json:"highlights"`
	Matches    []rasid.Span `json:"matches"`
}

// EventFilter selects events. Empty fields select everything.
type EventFilter struct {
	Source string `json:"source,omitempty"` // source code, e.g. MAR
	Target string `json:"target,omitempty"` // target code
	Actor  string `json:"actor,omitempty"`  // a code on either side
	Root   string `json:"root,omitempty"`   // CAMEO root, two digits
	Code   string `json:"code,omitempty"`   // CAMEO code, exactly
	// From and To bound the event's date, YYYY, YYYY-MM or YYYY-MM-DD,
	// both inclusive: an event is compared on the first day of its date
	// (2016 is 2016-01-01), From on its first day and To on its last (To
	// 2025-03 takes every event up to 2025-03-31). An event without a
	// date is dated by its article's publication day.
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	QuadClass int    `json:"quad_class,omitempty"` // 1-4, 0 for any
	// Query is a full-text query over the event's evidence (or, for an
	// event without evidence text, its article), through the Analyzer;
	// an event matches when it holds every term.
	Query string `json:"query,omitempty"`
	// Limit is the page size: 0 means DefaultLimit, at most MaxLimit.
	Limit int `json:"limit,omitempty"`
	// Cursor is EventPage.Next of the previous page ("" for the first).
	Cursor string `json:"cursor,omitempty"`
}

// EventPage is one page of Events.
type EventPage struct {
	Events []rasid.Event `json:"events"`
	Next   string        `json:"next,omitempty"`
}

// EventDetail is an event with its article.
type EventDetail struct {
	Event   rasid.Event   `json:"event"`
	Article ArticleDetail `json:"article"`
}

// ExportRow is one event of ExportEvents with what GDELT's columns need.
type ExportRow struct {
	Event     rasid.Event `json:"event"`
	URL       string      `json:"url,omitempty"`    // the article's URL
	Outlet    string      `json:"outlet,omitempty"` // the article's Document.Source
	Published time.Time   `json:"published"`
	// NumSources and NumArticles are those of the event's article (see
	// ArticleDetail).
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
	// NumMentions is how many times the event is told: over every stored
	// event with the same source, target, code and day (the first day of
	// its date) — this one included — the sum of their articles'
	// NumArticles. An article saying it twice counts twice, a copy of an
	// article at another outlet counts again; the direction counts
	// (MAR→RUS and RUS→MAR are told apart). It is at least NumArticles.
	NumMentions int `json:"num_mentions"`
}

// TimelinePoint is one period of DyadTimeline.
type TimelinePoint struct {
	// Period is the first day of the period, YYYY-MM-DD (a Monday for
	// weeks, the 1st for months).
	Period    string  `json:"period"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // sum over the events
	// Quad counts the events per quad class: Quad[0] is class 1 (verbal
	// cooperation) … Quad[3] class 4 (material conflict).
	Quad [4]int `json:"quad"`
}

// Edge is a directed edge of Network.
type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean over the events
}

// ActorCount is one code of Actors.
type ActorCount struct {
	Code     string `json:"code"`
	Events   int    `json:"events"` // events with the code on either side
	AsSource int    `json:"as_source"`
	AsTarget int    `json:"as_target"`
}

// Stats are the counts of a corpus.
type Stats struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Sources  int `json:"sources"` // distinct outlets
	// Months counts the events per month (Period YYYY-MM), oldest first;
	// events without a day are left out.
	Months []PeriodCount `json:"months"`
	// TopDyads are the TopDyads directed pairs of non-empty codes with
	// the most events, most first.
	TopDyads []DyadCount `json:"top_dyads"`
	// Roots counts the events per CAMEO root, in root order.
	Roots []RootCount `json:"roots"`
}

// TopDyads is the number of dyads Stats lists.
const TopDyads = 10

// PeriodCount is the number of events of a period.
type PeriodCount struct {
	Period string `json:"period"`
	Events int    `json:"events"`
}

// DyadCount is the number of events from Source to Target.
type DyadCount struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean
}

// RootCount is the number of events of a CAMEO root.
type RootCount struct {
	Root   string `json:"root"`
	Events int    `json:"events"`
}
