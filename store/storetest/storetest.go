// Package storetest is the conformance suite of store.Store: every
// backend runs it from its own tests,
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "rasid.db"), storetest.Analyzer)
//			…
//			t.Cleanup(func() { db.Close() })
//			return db
//		})
//	}
//
// open must return a new, empty store built with Analyzer each time it is
// called; closing it twice must be harmless. The articles and events the
// suite stores were written for it (see fixture.go).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"rasid"
	"rasid/store"
)

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open func(t *testing.T) store.Store)
	}{
		{"PutArticle", testPutArticle},
		{"PutArticles", testPutArticles},
		{"Validate", testValidate},
		{"AddSource", testAddSource},
		{"CopiesAlone", testCopiesAlone},
		{"PutArticlesWithCopies", testPutArticlesWithCopies},
		{"FindByHash", testFindByHash},
		{"NearDuplicates", testNearDuplicates},
		{"FindDuplicate", testFindDuplicate},
		{"Article", testArticle},
		{"Events", testEvents},
		{"EventsPagination", testPagination},
		{"EventsInvalid", testEventsInvalid},
		{"Event", testEvent},
		{"SearchArticles", testSearch},
		{"Prepared", testPrepared},
		{"DyadTimeline", testTimeline},
		{"Network", testNetwork},
		{"Actors", testActors},
		{"Stats", testStats},
		{"Documents", testDocuments},
		{"Recode", testRecode},
		{"ExportEvents", testExport},
		{"Concurrent", testConcurrent},
		{"Close", testClose},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// loaded returns a store holding the fixture.
func loaded(t *testing.T, open func(t *testing.T) store.Store) store.Store {
	t.Helper()
	s := open(t)
	if _, err := s.PutArticles(t.Context(), fixture()); err != nil {
		t.Fatalf("PutArticles(fixture): %v", err)
	}
	return s
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := store.ErrorCode(err); got != code {
		t.Errorf("%s: error %v has code %q, want %q", what, err, got, code)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func testPutArticle(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	a := fixture()[0]
	id, created, err := s.PutArticle(ctx, a)
	if err != nil || id != "a1" || !created {
		t.Fatalf("PutArticle = %q, %v, %v; want a1, true, nil", id, created, err)
	}
	before, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}

	other := fixture()[0]
	other.ID = "a1-copy" // same content hash, another id
	other.Source = "Alyaoum24"
	changed := fixture()[0]
	changed.Title = "عنوان آخر" // same id, other content
	changed.ContentHash = "h-other"
	for _, tc := range []struct {
		name string
		a    store.Article
	}{
		{"same article", fixture()[0]},
		{"same content hash", other},
		{"same id", changed},
	} {
		id, created, err := s.PutArticle(ctx, tc.a)
		if err != nil || id != "a1" || created {
			t.Errorf("%s: PutArticle = %q, %v, %v; want a1, false, nil", tc.name, id, created, err)
		}
	}
	after, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !sameArticle(before, after) {
		t.Errorf("putting a duplicate changed the article:\nbefore %+v\nafter  %+v", before, after)
	}
	if _, err := s.Article(ctx, "a1-copy"); store.ErrorCode(err) != store.ENOTFOUND {
		t.Errorf("Article(a1-copy) = %v, want ENOTFOUND: a duplicate by hash was stored", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Events != 3 {
		t.Errorf("Stats = %d articles, %d events; want 1, 3", st.Articles, st.Events)
	}
}

func testPutArticles(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	t.Run("batch", func(t *testing.T) {
		s := open(t)
		fx := fixture()
		dupID := fx[1]
		dupHash := fx[2]
		dupHash.ID = "a3-again"
		batch := append(fx[:3:3], dupID, dupHash)
		res, err := s.PutArticles(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.PutResult{{ID: "a1", Created: true}, {ID: "a2", Created: true}, {ID: "a3", Created: true}, {ID: "a2", Created: false}, {ID: "a3", Created: false}}
		if !slices.Equal(res, want) {
			t.Errorf("PutArticles = %v, want %v", res, want)
		}
		res, err = s.PutArticles(ctx, fixture())
		if err != nil {
			t.Fatal(err)
		}
		want = []store.PutResult{{ID: "a1", Created: false}, {ID: "a2", Created: false}, {ID: "a3", Created: false}, {ID: "a4", Created: true}, {ID: "a5", Created: true}, {ID: "a6", Created: true}}
		if !slices.Equal(res, want) {
			t.Errorf("PutArticles again = %v, want %v", res, want)
		}
		if res, err := s.PutArticles(ctx, nil); err != nil || len(res) != 0 {
			t.Errorf("PutArticles(nil) = %v, %v", res, err)
		}
		countIs(t, s, 6, 10)
	})
	t.Run("all or nothing", func(t *testing.T) {
		s := open(t)
		fx := fixture()
		bad := fx[1]
		bad.Events = []rasid.Event{{Code: "XYZ", Source: "MAR"}}
		_, err := s.PutArticles(ctx, []store.Article{fx[0], bad})
		wantCode(t, "PutArticles with an invalid article", err, store.EINVALID)
		if err != nil && !strings.Contains(store.ErrorMessage(err), "article 1") {
			t.Errorf("error %q does not name the article's index", store.ErrorMessage(err))
		}
		countIs(t, s, 0, 0)
	})
	t.Run("cancelled", func(t *testing.T) {
		s := open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.PutArticles(cctx, fixture()); err == nil {
			t.Error("PutArticles with a cancelled context succeeded")
		}
		countIs(t, s, 0, 0)
	})
	t.Run("many rows", func(t *testing.T) {
		// More mentions and articles than a store may write at once,
		// each kept whole and in order.
		s := open(t)
		var batch []store.Article
		for i := range 150 {
			text := fmt.Sprintf("زار وفد مغربي موسكو %d مرة", i)
			a := store.Article{Document: rasid.Document{ID: fmt.Sprintf("m%03d", i), Text: text, Lang: "ar"}}
			for j := range i % 140 {
				m := mention(text, "مغربي", "MAR", rasid.RoleGOV, "state")
				m.Text, m.End = fmt.Sprint(j), m.Start+len(fmt.Sprint(j))
				a.Mentions = append(a.Mentions, mention(text, "موسكو", "RUS", "", "state"), m)
			}
			batch = append(batch, a)
		}
		if _, err := s.PutArticles(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for _, i := range []int{0, 1, 63, 64, 65, 139, 149} {
			d, err := s.Article(ctx, batch[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Mentions, batch[i].Mentions) && (len(d.Mentions) > 0 || len(batch[i].Mentions) > 0) {
				t.Errorf("Article(%s) has %d mentions, want %d in order", batch[i].ID, len(d.Mentions), len(batch[i].Mentions))
			}
			hits, err := s.SearchArticles(ctx, fmt.Sprint(i), 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 || hits[0].ID != batch[i].ID {
				t.Errorf("SearchArticles(%d) = %v, want %s", i, hits, batch[i].ID)
			}
		}
	})
	t.Run("interrupted", func(t *testing.T) {
		// Cancel a large batch while it runs: it is stored whole or not
		// at all.
		s := open(t)
		batch := synthetic(2000, 5, 3)
		cctx, cancel := context.WithCancel(ctx)
		go func() { time.Sleep(5 * time.Millisecond); cancel() }()
		_, err := s.PutArticles(cctx, batch)
		cancel()
		st, serr := s.Stats(ctx)
		if serr != nil {
			t.Fatal(serr)
		}
		switch {
		case err == nil && (st.Articles != 2000 || st.Events != 6000):
			t.Errorf("batch succeeded but the store holds %d articles, %d events", st.Articles, st.Events)
		case err != nil && (st.Articles != 0 || st.Events != 0):
			t.Errorf("batch failed (%v) but the store holds %d articles, %d events", err, st.Articles, st.Events)
		}
		if _, err := s.PutArticles(ctx, batch[:10]); err != nil {
			t.Errorf("the store does not take writes after an interrupted batch: %v", err)
		}
	})
}

// countIs checks the number of articles and events.
func countIs(t *testing.T, s store.Store, articles, events int) {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != articles || st.Events != events {
		t.Errorf("Stats = %d articles, %d events; want %d, %d", st.Articles, st.Events, articles, events)
	}
}

func testValidate(t *testing.T, open func(t *testing.T) store.Store) {
	s := open(t)
	for _, tc := range []struct {
		name   string
		modify func(a *store.Article)
	}{
		{"no id", func(a *store.Article) { a.ID = "" }},
		{"long id", func(a *store.Article) { a.ID = strings.Repeat("x", store.MaxIDLength+1) }},
		{"bad code", func(a *store.Article) { a.Events[0].Code = "4a" }},
		{"root of another code", func(a *store.Article) { a.Events[0].Root = "05" }},
		{"bad date", func(a *store.Article) { a.Events[0].Date = "2025-02-30" }},
		{"bad quad class", func(a *store.Article) { a.Events[0].QuadClass = 5 }},
		{"no actor", func(a *store.Article) { a.Events[0].Source, a.Events[0].Target = "", "" }},
		{"evidence beyond text", func(a *store.Article) { a.Events[0].Evidence.End = len(a.Text) + 1 }},
		{"mention without code", func(a *store.Article) { a.Mentions[0].Code = "" }},
		{"mention beyond text", func(a *store.Article) { a.Mentions[1].End = len(a.Text) + 5 }},
	} {
		a := fixture()[0]
		tc.modify(&a)
		_, _, err := s.PutArticle(t.Context(), a)
		wantCode(t, tc.name, err, store.EINVALID)
	}
	countIs(t, s, 0, 0)
}

func testAddSource(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	b1 := store.Article{Document: rasid.Document{ID: "b1", Text: "نص"}}
	if _, _, err := s.PutArticle(ctx, b1); err != nil {
		t.Fatal(err)
	}
	check := func(step string, numSources, numArticles int, sources ...store.SourceRef) {
		t.Helper()
		a, err := s.Article(ctx, "b1")
		if err != nil {
			t.Fatal(err)
		}
		if a.NumSources != numSources || a.NumArticles != numArticles {
			t.Errorf("%s: NumSources, NumArticles = %d, %d; want %d, %d",
				step, a.NumSources, a.NumArticles, numSources, numArticles)
		}
		if sources == nil {
			sources = []store.SourceRef{}
		}
		if !slices.Equal(a.Sources, sources) {
			t.Errorf("%s: Sources = %v, want %v", step, a.Sources, sources)
		}
	}
	check("put without a source", 0, 1)
	h, l := "هسبريس", "Le360"
	for _, step := range []struct {
		source, url             string
		numSources, numArticles int
		sources                 []store.SourceRef
	}{
		{h, "", 1, 2, []store.SourceRef{{Source: h, URL: ""}}},
		{h, "", 1, 2, []store.SourceRef{{Source: h, URL: ""}}},                             // idempotent
		{h, "https://h.ma/1", 1, 2, []store.SourceRef{{Source: h, URL: "https://h.ma/1"}}}, // the url becomes known
		{h, "https://h.ma/2", 1, 3, []store.SourceRef{{Source: h, URL: "https://h.ma/1"}, {Source: h, URL: "https://h.ma/2"}}},
		{h, "", 1, 3, []store.SourceRef{{Source: h, URL: "https://h.ma/1"}, {Source: h, URL: "https://h.ma/2"}}}, // h is known
		{l, "https://l.ma/1", 2, 4, []store.SourceRef{{Source: l, URL: "https://l.ma/1"}, {Source: h, URL: "https://h.ma/1"}, {Source: h, URL: "https://h.ma/2"}}},
		{"", "https://x.org/1", 2, 5, []store.SourceRef{{Source: "", URL: "https://x.org/1"}, {Source: l, URL: "https://l.ma/1"}, {Source: h, URL: "https://h.ma/1"}, {Source: h, URL: "https://h.ma/2"}}},
		{l, "https://l.ma/1", 2, 5, []store.SourceRef{{Source: "", URL: "https://x.org/1"}, {Source: l, URL: "https://l.ma/1"}, {Source: h, URL: "https://h.ma/1"}, {Source: h, URL: "https://h.ma/2"}}},
	} {
		name := fmt.Sprintf("AddSource(%q, %q)", step.source, step.url)
		if err := s.AddSource(ctx, "b1", step.source, step.url); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check(name, step.numSources, step.numArticles, step.sources...)
	}
	wantCode(t, "AddSource to a missing article", s.AddSource(ctx, "missing", h, ""), store.ENOTFOUND)
	wantCode(t, "AddSource without source and url", s.AddSource(ctx, "b1", "", ""), store.EINVALID)

	// An article put with its outlet and others counts them.
	if _, err := s.PutArticles(ctx, fixture()[:1]); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.SourceRef{{Source: "Le360", URL: ""}, {Source: "هسبريس", URL: "https://example.ma/a1"}}
	if a.NumSources != 2 || a.NumArticles != 2 || !slices.Equal(a.Sources, want) {
		t.Errorf("a1: %d sources, %d articles, %v; want 2, 2, %v", a.NumSources, a.NumArticles, a.Sources, want)
	}
}

// testCopiesAlone checks PutArticlesWithCopies with copies alone
// (store.CopyPutter) against AddSource called for each copy, and that a
// batch with a copy that fails records nothing.
func testCopiesAlone(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	putter, ok := s.(store.CopyPutter)
	if !ok {
		t.Skip("the store has no PutArticlesWithCopies")
	}
	addSources := func(copies []store.Copy) error {
		_, err := putter.PutArticlesWithCopies(ctx, nil, copies)
		return err
	}
	for _, id := range []string{"one", "batch"} {
		for _, a := range []store.Article{
			{Document: rasid.Document{ID: id + "1", Text: "نص أول " + id}},
			{Document: rasid.Document{ID: id + "2", Source: "هسبريس", URL: "https://h.ma/" + id, Text: "نص ثان " + id}},
		} {
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	h, l := "هسبريس", "Le360"
	copies := []store.Copy{
		{ArticleID: "1", Source: h}, {ArticleID: "1", Source: h}, {ArticleID: "2", Source: l, URL: "https://l.ma/2"},
		{ArticleID: "1", Source: h, URL: "https://h.ma/1"}, {ArticleID: "2", Source: h}, {ArticleID: "1", URL: "https://x.org/1"},
		{ArticleID: "2", Source: h, URL: "https://h.ma/3"}, {ArticleID: "1", Source: h, URL: "https://h.ma/2"},
	}
	batch := make([]store.Copy, len(copies))
	for i, c := range copies {
		if err := s.AddSource(ctx, "one"+c.ArticleID, c.Source, c.URL); err != nil {
			t.Fatalf("AddSource(%+v): %v", c, err)
		}
		c.ArticleID = "batch" + c.ArticleID
		batch[i] = c
	}
	if err := addSources(batch); err != nil {
		t.Fatalf("copies alone: %v", err)
	}
	state := func(id string) store.ArticleDetail { return copiesOf(t, s, id, "batch", "one") }
	for _, n := range []string{"1", "2"} {
		sameCopies(t, n, "copies alone", state("batch"+n), "AddSource", state("one"+n))
	}
	before := state("batch1")
	wantCode(t, "copies with a missing article", addSources([]store.Copy{
		{ArticleID: "batch1", Source: "جديد"}, {ArticleID: "missing", Source: h}}), store.ENOTFOUND)
	wantCode(t, "copies with one without source and url", addSources([]store.Copy{
		{ArticleID: "batch1", Source: "جديد"}, {ArticleID: "batch1"}}), store.EINVALID)
	if after := state("batch1"); !slices.Equal(after.Sources, before.Sources) || after.NumArticles != before.NumArticles {
		t.Errorf("failed copies were recorded: %v, want %v", after.Sources, before.Sources)
	}
	if err := addSources(nil); err != nil {
		t.Errorf("PutArticlesWithCopies(nil, nil) = %v", err)
	}
}

// copiesOf returns article id of s with from replaced by to in its
// sources' URLs, so that the copies of two twin articles compare equal.
func copiesOf(t *testing.T, s store.Store, id, from, to string) store.ArticleDetail {
	t.Helper()
	a, err := s.Article(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Sources {
		a.Sources[i].URL = strings.ReplaceAll(a.Sources[i].URL, from, to)
	}
	return a
}

// sameCopies reports an error unless got (what gotBy recorded) and want
// (what wantBy recorded) have the same sources and counts.
func sameCopies(t *testing.T, n, gotBy string, got store.ArticleDetail, wantBy string, want store.ArticleDetail) {
	t.Helper()
	if !slices.Equal(got.Sources, want.Sources) || got.NumSources != want.NumSources || got.NumArticles != want.NumArticles {
		t.Errorf("article %s: %s recorded %v (%d sources, %d articles), %s %v (%d, %d)",
			n, gotBy, got.Sources, got.NumSources, got.NumArticles, wantBy, want.Sources, want.NumSources, want.NumArticles)
	}
}

// testPutArticlesWithCopies checks PutArticlesWithCopies
// (store.CopyPutter) against PutArticles then AddSource, with copies of
// articles stored before and in the same call, and that a call with a
// copy that fails stores nothing.
func testPutArticlesWithCopies(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	putter, ok := s.(store.CopyPutter)
	if !ok {
		t.Skip("the store has no PutArticlesWithCopies")
	}
	h := "هسبريس"
	arts := func(id string) []store.Article {
		return []store.Article{
			{Document: rasid.Document{ID: id + "1", Text: "نص أول " + id}},
			{Document: rasid.Document{ID: id + "2", Source: h, URL: "https://h.ma/" + id, Text: "نص ثان " + id}},
		}
	}
	copies := func(id string) []store.Copy {
		return []store.Copy{
			{ArticleID: id + "1", Source: h}, {ArticleID: id + "2", Source: "Le360", URL: "https://l.ma/2"},
			{ArticleID: id + "2", Source: h}, {ArticleID: "old", URL: "https://x.org/" + id},
		}
	}
	if _, _, err := s.PutArticle(ctx, store.Article{Document: rasid.Document{ID: "old", Text: "نص قديم"}}); err != nil {
		t.Fatal(err)
	}
	want, err := s.PutArticles(ctx, arts("two"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range copies("two") {
		if err := s.AddSource(ctx, c.ArticleID, c.Source, c.URL); err != nil {
			t.Fatal(err)
		}
	}
	got, err := putter.PutArticlesWithCopies(ctx, arts("one"), copies("one"))
	if err != nil {
		t.Fatalf("PutArticlesWithCopies: %v", err)
	}
	for i := range got {
		if got[i].Created != want[i].Created || strings.Replace(got[i].ID, "one", "two", 1) != want[i].ID {
			t.Errorf("result %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	state := func(id string) store.ArticleDetail { return copiesOf(t, s, id, "one", "two") }
	for _, n := range []string{"1", "2"} {
		sameCopies(t, n, "PutArticlesWithCopies", state("one"+n), "PutArticles and AddSource", state("two"+n))
	}
	if old := state("old"); old.NumArticles != 3 {
		t.Errorf("article old: %d copies, want 3: %v", old.NumArticles, old.Sources)
	}

	_, err = putter.PutArticlesWithCopies(ctx, arts("three"), []store.Copy{{ArticleID: "three1", Source: h}, {ArticleID: "missing", Source: h}})
	wantCode(t, "PutArticlesWithCopies with a missing article", err, store.ENOTFOUND)
	_, err = putter.PutArticlesWithCopies(ctx, arts("three"), []store.Copy{{ArticleID: "three1"}})
	wantCode(t, "PutArticlesWithCopies with a copy without source and url", err, store.EINVALID)
	if _, err := s.Article(ctx, "three1"); store.ErrorCode(err) != store.ENOTFOUND {
		t.Errorf("a failed PutArticlesWithCopies stored its articles: %v", err)
	}
	if res, err := putter.PutArticlesWithCopies(ctx, nil, nil); err != nil || len(res) != 0 {
		t.Errorf("PutArticlesWithCopies(nil, nil) = %v, %v", res, err)
	}
	if res, err := putter.PutArticlesWithCopies(ctx, nil, []store.Copy{{ArticleID: "old", Source: "جديد"}}); err != nil || len(res) != 0 {
		t.Errorf("PutArticlesWithCopies of copies only = %v, %v", res, err)
	}
	if old := state("old"); old.NumArticles != 4 {
		t.Errorf("article old: %d copies after a copy alone, want 4: %v", old.NumArticles, old.Sources)
	}
}

func testFindByHash(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	for _, tc := range []struct {
		hash string
		id   string
		ok   bool
	}{
		{"h-a1", "a1", true},
		{"h-a6", "a6", true},
		{"h-missing", "", false},
		{"", "", false}, // a5 has no hash
	} {
		id, ok, err := s.FindByHash(t.Context(), tc.hash)
		if err != nil || id != tc.id || ok != tc.ok {
			t.Errorf("FindByHash(%q) = %q, %v, %v; want %q, %v", tc.hash, id, ok, err, tc.id, tc.ok)
		}
	}
}

func testNearDuplicates(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	for _, tc := range []struct {
		name    string
		hash    uint64
		maxDist int
		want    []string
	}{
		{"exact", h1, 0, []string{"a1"}},
		{"within 3", h1, 3, []string{"a1", "a2"}},
		{"one bit off", h1 ^ 1, 2, []string{"a1", "a2"}},
		{"within 10, nearest first", h1, 10, []string{"a1", "a2", "a3"}},
		{"from another article", h2, 3, []string{"a2", "a1"}},
		{"the complement", ^h1, 3, []string{"a4"}},
		{"nothing near", 0x5555_5555_5555_5555, 3, []string{}},
	} {
		got, err := s.NearDuplicates(t.Context(), tc.hash, tc.maxDist)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: NearDuplicates(%#x, %d) = %v, want %v", tc.name, tc.hash, tc.maxDist, got, tc.want)
		}
	}
	for _, d := range []int{-1, 65} {
		_, err := s.NearDuplicates(t.Context(), h1, d)
		wantCode(t, fmt.Sprintf("NearDuplicates(max %d)", d), err, store.EINVALID)
	}
}

// testFindDuplicate checks FindDuplicate (store.DuplicateFinder) against
// FindByHash and NearDuplicates, on every combination of hashes found and
// not found, near and not.
func testFindDuplicate(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	f, ok := s.(store.DuplicateFinder)
	if !ok {
		t.Skip("the store has no FindDuplicate")
	}
	ctx := t.Context()
	for _, hash := range []string{"h-a1", "h-a6", "h-missing", ""} {
		for _, sim := range []uint64{h1, h2, h3, ^h1, h1 ^ 1, 0x5555_5555_5555_5555, 0} {
			for _, maxDist := range []int{-1, 0, 2, 3, 10, 64} {
				wantID, wantNear := "", false
				if id, ok, err := s.FindByHash(ctx, hash); err != nil {
					t.Fatal(err)
				} else if ok {
					wantID = id
				} else if sim != 0 && maxDist >= 0 {
					ids, err := s.NearDuplicates(ctx, sim, maxDist)
					if err != nil {
						t.Fatal(err)
					}
					if len(ids) > 0 {
						wantID, wantNear = ids[0], true
					}
				}
				id, near, err := f.FindDuplicate(ctx, hash, sim, maxDist)
				if err != nil || id != wantID || near != wantNear {
					t.Errorf("FindDuplicate(%q, %#x, %d) = %q, %v, %v; want %q, %v", hash, sim, maxDist, id, near, err, wantID, wantNear)
				}
			}
		}
	}
	_, _, err := f.FindDuplicate(ctx, "h-a1", h1, 65)
	wantCode(t, "FindDuplicate(max 65)", err, store.EINVALID)
}

// sameArticle compares two stored articles field by field (times with
// Equal).
func sameArticle(a, b store.ArticleDetail) bool {
	return a.ID == b.ID && a.URL == b.URL && a.Source == b.Source && a.Title == b.Title &&
		a.Published.Equal(b.Published) && a.Text == b.Text && a.Lang == b.Lang &&
		a.ContentHash == b.ContentHash && a.SimHash == b.SimHash &&
		slices.Equal(a.Sources, b.Sources) && a.NumSources == b.NumSources && a.NumArticles == b.NumArticles &&
		slices.Equal(a.Mentions, b.Mentions) && slices.Equal(a.Events, b.Events)
}

func testArticle(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	for _, in := range fixture() {
		got, err := s.Article(ctx, in.ID)
		if err != nil {
			t.Fatalf("Article(%q): %v", in.ID, err)
		}
		if got.ID != in.ID || got.URL != in.URL || got.Source != in.Source || got.Title != in.Title ||
			!got.Published.Equal(in.Published) || got.Text != in.Text || got.Lang != in.Lang ||
			got.ContentHash != in.ContentHash || got.SimHash != in.SimHash {
			t.Errorf("Article(%q) = %+v,\nwant %+v", in.ID, got.Document, in.Document)
		}
		if !slices.Equal(got.Mentions, in.Mentions) && !(len(got.Mentions) == 0 && len(in.Mentions) == 0) {
			t.Errorf("Article(%q).Mentions = %v, want %v", in.ID, got.Mentions, in.Mentions)
		}
		if len(got.Events) != len(in.Events) {
			t.Fatalf("Article(%q) has %d events, want %d", in.ID, len(got.Events), len(in.Events))
		}
		ids := map[int64]bool{}
		for i, e := range got.Events {
			if e.ID <= 0 || ids[e.ID] {
				t.Errorf("Article(%q).Events[%d].ID = %d: not a new positive id", in.ID, i, e.ID)
			}
			ids[e.ID] = true
			if e.ArticleID != in.ID {
				t.Errorf("Article(%q).Events[%d].ArticleID = %q", in.ID, i, e.ArticleID)
			}
			want := in.Events[i]
			want.ID, want.ArticleID = e.ID, in.ID
			if want.Evidence.Text == "" && want.Evidence.End > want.Evidence.Start {
				want.Evidence.Text = in.Text[want.Evidence.Start:want.Evidence.End]
			}
			if e != want {
				t.Errorf("Article(%q).Events[%d] =\n%+v\nwant\n%+v", in.ID, i, e, want)
			}
		}
	}
	_, err := s.Article(ctx, "missing")
	wantCode(t, "Article(missing)", err, store.ENOTFOUND)
}

// stored is an event as stored, with the day the suite expects it under.
type stored struct {
	rasid.Event
	day string
}

// allEvents returns every event of the fixture as stored, in the order of
// Events (day descending, id descending).
func allEvents(t *testing.T, s store.Store) []stored {
	t.Helper()
	var out []stored
	for _, a := range fixture() {
		d, err := s.Article(t.Context(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			i := slices.IndexFunc(fixtureDays, func(f fixEvent) bool { return f.article == e.ArticleID && f.code == e.Code })
			if i < 0 {
				t.Fatalf("event %s/%s is not in fixtureDays", e.ArticleID, e.Code)
			}
			out = append(out, stored{e, fixtureDays[i].day})
		}
	}
	sortStored(out)
	return out
}

func sortStored(es []stored) {
	slices.SortFunc(es, func(a, b stored) int {
		if c := strings.Compare(b.day, a.day); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
}

func keys(es []rasid.Event) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = fmt.Sprintf("%s/%s#%d", e.ArticleID, e.Code, e.ID)
	}
	return out
}

func testEvents(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	all := allEvents(t, s)
	for _, tc := range []struct {
		name string
		f    store.EventFilter
		keep func(e stored) bool
	}{
		{"everything", store.EventFilter{}, func(stored) bool { return true }},
		{"source", store.EventFilter{Source: "MAR"}, func(e stored) bool { return e.Source == "MAR" }},
		{"target", store.EventFilter{Target: "RUS"}, func(e stored) bool { return e.Target == "RUS" }},
		{"source and target", store.EventFilter{Source: "ESP", Target: "MAR"}, func(e stored) bool { return e.Source == "ESP" && e.Target == "MAR" }},
		{"either side", store.EventFilter{Actor: "MAR"}, func(e stored) bool { return e.Source == "MAR" || e.Target == "MAR" }},
		{"root", store.EventFilter{Root: "05"}, func(e stored) bool { return e.Root == "05" }},
		{"code", store.EventFilter{Code: "057"}, func(e stored) bool { return e.Code == "057" }},
		{"quad class", store.EventFilter{QuadClass: 3}, func(e stored) bool { return e.QuadClass == 3 }},
		{"from a month", store.EventFilter{From: "2025-03"}, func(e stored) bool { return e.day >= "2025-03-01" }},
		{"to a month (its last day)", store.EventFilter{To: "2025-02"}, func(e stored) bool { return e.day <= "2025-02-28" }},
		{"days", store.EventFilter{From: "2025-03-05", To: "2025-03-09"}, func(e stored) bool { return e.day >= "2025-03-05" && e.day <= "2025-03-09" }},
		{"a year holds a month-precision date", store.EventFilter{From: "2024", To: "2024"}, func(e stored) bool { return strings.HasPrefix(e.day, "2024") }},
		{"a year-precision date is its first day", store.EventFilter{From: "2016-01-01", To: "2016-01-01"}, func(e stored) bool { return e.day == "2016-01-01" }},
		{"undated event by publication day", store.EventFilter{From: "2025-01-20", To: "2025-01-20"}, func(e stored) bool { return e.day == "2025-01-20" }},
		{"evidence text, any form of the word", store.EventFilter{Query: "مغربية"}, func(e stored) bool {
			return slices.Contains([]string{"a1/051", "a3/057", "a5/036", "a6/020", "a6/010"}, e.ArticleID+"/"+e.Code)
		}},
		{"evidence, not the rest of the article", store.EventFilter{Query: "لافروف"}, func(e stored) bool { return e.ArticleID == "a1" && e.Code == "041" }},
		{"article text when there is no evidence", store.EventFilter{Query: "العقوبات"}, func(e stored) bool { return e.ArticleID == "a4" }},
		{"every term", store.EventFilter{Query: "المغرب الطاقة"}, func(e stored) bool { return e.ArticleID == "a3" && e.Code == "057" }},
		{"a query without terms", store.EventFilter{Query: "؟!"}, func(stored) bool { return false }},
		{"no match", store.EventFilter{Query: "زلزال"}, func(stored) bool { return false }},
		{"combined", store.EventFilter{Actor: "MAR", Root: "05", From: "2025"}, func(e stored) bool {
			return (e.Source == "MAR" || e.Target == "MAR") && e.Root == "05" && e.day >= "2025-01-01"
		}},
		{"unknown code", store.EventFilter{Source: "XXX"}, func(stored) bool { return false }},
	} {
		var want []rasid.Event
		for _, e := range all {
			if tc.keep(e) {
				want = append(want, e.Event)
			}
		}
		page, err := s.Events(t.Context(), tc.f)
		if err != nil {
			t.Errorf("%s: Events(%+v): %v", tc.name, tc.f, err)
			continue
		}
		if !slices.Equal(keys(page.Events), keys(want)) {
			t.Errorf("%s: Events(%+v) =\n%v\nwant\n%v", tc.name, tc.f, keys(page.Events), keys(want))
		}
		if page.Next != "" {
			t.Errorf("%s: a single page has a next cursor %q", tc.name, page.Next)
		}
		for i, e := range page.Events {
			if i < len(want) && e != want[i] {
				t.Errorf("%s: event %d = %+v, want %+v", tc.name, i, e, want[i])
			}
		}
	}
}

// synthetic returns n articles of perArticle events each over days
// distinct days of March 2025; every seventh article has no publication
// date and its events no date, so they are filed under no day.
func synthetic(n, days, perArticle int) []store.Article {
	codes := []string{"MAR", "RUS", "DZA", "FRA", "ESP", "USA"}
	out := make([]store.Article, n)
	for i := range out {
		text := fmt.Sprintf("خبر رقم %d عن لقاء بين الوفدين.", i)
		a := store.Article{Document: rasid.Document{
			ID: fmt.Sprintf("s%05d", i), Text: text,
			Published: time.Date(2025, 3, 31, 12, 0, 0, 0, time.UTC),
		}, ContentHash: fmt.Sprintf("sh%05d", i), SimHash: uint64(i+1) * 0x9E37_79B9_7F4A_7C15}
		if i%7 == 6 {
			a.Published = time.Time{}
		}
		for j := range perArticle {
			date := fmt.Sprintf("2025-03-%02d", 1+(i*perArticle+j)%days)
			if i%7 == 6 {
				date = ""
			}
			a.Events = append(a.Events, rasid.Event{
				Source: codes[(i+j)%len(codes)], Target: codes[(i+2*j+1)%len(codes)],
				Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Date: date,
				Evidence: rasid.Span{Start: 0, End: len(text)},
			})
		}
		out[i] = a
	}
	return out
}

func testPagination(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	if _, err := s.PutArticles(ctx, synthetic(30, 4, 3)); err != nil {
		t.Fatal(err)
	}
	all, err := s.Events(ctx, store.EventFilter{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Events) != 90 {
		t.Fatalf("Events = %d events, want 90", len(all.Events))
	}
	for _, tc := range []struct {
		f     store.EventFilter
		limit int
	}{
		{store.EventFilter{}, 1},
		{store.EventFilter{}, 7},
		{store.EventFilter{}, 9}, // 90 events: the last page is full
		{store.EventFilter{}, 89},
		{store.EventFilter{}, 90},
		{store.EventFilter{Actor: "MAR"}, 4},
		{store.EventFilter{Source: "RUS", From: "2025-03-02"}, 2},
		{store.EventFilter{Query: "لقاء الوفدين"}, 11},
	} {
		full := tc.f
		full.Limit = store.MaxLimit
		want, err := s.Events(ctx, full)
		if err != nil {
			t.Fatal(err)
		}
		var got []rasid.Event
		f := tc.f
		f.Limit = tc.limit
		pages := 0
		for {
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("%+v page %d: %v", f, pages, err)
			}
			pages++
			if len(page.Events) > tc.limit {
				t.Errorf("%+v: page of %d events", f, len(page.Events))
			}
			got = append(got, page.Events...)
			if page.Next == "" {
				break
			}
			if len(page.Events) < tc.limit {
				t.Errorf("%+v: a short page before the last", f)
			}
			if pages > 200 {
				t.Fatalf("%+v: more than 200 pages", f)
			}
			f.Cursor = page.Next
		}
		if !slices.Equal(keys(got), keys(want.Events)) {
			t.Errorf("%+v by %d: pages hold\n%v\nwant\n%v", tc.f, tc.limit, keys(got), keys(want.Events))
		}
		if wantPages := max(1, (len(want.Events)+tc.limit-1)/tc.limit); pages != wantPages {
			t.Errorf("%+v by %d: %d pages, want %d", tc.f, tc.limit, pages, wantPages)
		}
	}
	// The order: day descending (undated last), id descending.
	for i := 1; i < len(all.Events); i++ {
		a, b := all.Events[i-1], all.Events[i]
		if a.Date < b.Date || (a.Date == b.Date && a.ID < b.ID) {
			t.Errorf("events %d and %d out of order: %s#%d before %s#%d", i-1, i, a.Date, a.ID, b.Date, b.ID)
		}
	}
	// The default page size.
	page, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 90 {
		t.Errorf("default page: %d events, want all 90 (< %d)", len(page.Events), store.DefaultLimit)
	}
	if _, err := s.PutArticles(ctx, synthetic(60, 4, 3)); err != nil { // 30 more articles, 90 more events
		t.Fatal(err)
	}
	page, err = s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != store.DefaultLimit || page.Next == "" {
		t.Errorf("default page: %d events, next %q; want %d and a cursor", len(page.Events), page.Next, store.DefaultLimit)
	}
}

func testEventsInvalid(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	for _, f := range []store.EventFilter{
		{From: "2025-13"},
		{From: "2025-02-30"},
		{To: "yesterday"},
		{From: "25-03-04"},
		{From: "2025-03-04", To: "2025-03-01"},
		{Limit: store.MaxLimit + 1},
		{Limit: -1},
		{Cursor: "garbage"},
		{Cursor: "Zm9vfGJhcg"}, // base64 of something else
		{Root: "4"},
		{Code: "04a"},
		{QuadClass: 5},
		{QuadClass: -1},
	} {
		_, err := s.Events(t.Context(), f)
		wantCode(t, fmt.Sprintf("Events(%+v)", f), err, store.EINVALID)
		err = s.ExportEvents(t.Context(), f, func(store.ExportRow) error { return nil })
		if f.Limit == 0 && f.Cursor == "" { // export ignores them
			wantCode(t, fmt.Sprintf("ExportEvents(%+v)", f), err, store.EINVALID)
		}
	}
}

func testEvent(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	fx := fixture()
	for _, e := range allEvents(t, s) {
		d, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatalf("Event(%d): %v", e.ID, err)
		}
		if d.Event != e.Event {
			t.Errorf("Event(%d).Event = %+v, want %+v", e.ID, d.Event, e.Event)
		}
		i := slices.IndexFunc(fx, func(a store.Article) bool { return a.ID == e.ArticleID })
		a := fx[i]
		if d.Article.ID != a.ID || d.Article.Text != a.Text || d.Article.Title != a.Title ||
			d.Article.URL != a.URL || !d.Article.Published.Equal(a.Published) {
			t.Errorf("Event(%d).Article = %+v, want %+v", e.ID, d.Article.Document, a.Document)
		}
		if len(d.Article.Mentions) != len(a.Mentions) {
			t.Errorf("Event(%d).Article.Mentions = %v, want %v", e.ID, d.Article.Mentions, a.Mentions)
		}
		// The evidence and the mentions point at the article's bytes.
		evd := d.Event.Evidence
		if evd.End > evd.Start && d.Article.Text[evd.Start:evd.End] != evd.Text {
			t.Errorf("Event(%d): evidence %q is not text[%d:%d]", e.ID, evd.Text, evd.Start, evd.End)
		}
		for _, m := range d.Article.Mentions {
			if d.Article.Text[m.Start:m.End] != m.Text {
				t.Errorf("Event(%d): mention %q is not text[%d:%d]", e.ID, m.Text, m.Start, m.End)
			}
		}
		if !slices.ContainsFunc(d.Article.Events, func(x rasid.Event) bool { return x.ID == e.ID }) {
			t.Errorf("Event(%d).Article.Events does not hold the event", e.ID)
		}
	}
	_, err := s.Event(ctx, 1<<40)
	wantCode(t, "Event(missing)", err, store.ENOTFOUND)
}

func testSearch(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	moroccan := []string{"a1", "a3", "a5", "a6"}
	for _, tc := range []struct {
		query string
		want  []string // ids, in any order
		hit   string   // a hit whose highlighted words are
		words []string
	}{
		// "المغرب" in a3 and a6, "المغربية" in a1, "مغربية" in a5.
		{"المغرب", moroccan, "a5", []string{"مغربية"}},
		{"مغربية", moroccan, "a3", []string{"المغرب"}},
		{"مغربية", moroccan, "a1", []string{"المغربية"}},
		{"بالمغرب", moroccan, "a6", []string{"المغرب"}},
		{"لافروف", []string{"a1"}, "a1", []string{"لافروف"}},
		{"المغرب إسبانيا", []string{"a3"}, "a3", []string{"المغرب", "وإسبانيا"}},
		{"تستدعي", []string{"a2"}, "", nil}, // in the title only
		{"العقوبات", []string{"a4"}, "a4", []string{"عقوبات"}},
		{"2016", []string{"a1"}, "a1", []string{"2016"}},
		{"زلزال", nil, "", nil},
		{"؟!", nil, "", nil},
	} {
		hits, err := s.SearchArticles(ctx, tc.query, 0)
		if err != nil {
			t.Errorf("SearchArticles(%q): %v", tc.query, err)
			continue
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("SearchArticles(%q) = %v, want %v", tc.query, ids, tc.want)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("SearchArticles(%q): hit %d scores above hit %d", tc.query, i, i-1)
			}
		}
		for _, h := range hits {
			d, err := s.Article(ctx, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			if h.Title != d.Title || h.URL != d.URL || !h.Published.Equal(d.Published) {
				t.Errorf("SearchArticles(%q): hit %+v does not match its article", tc.query, h)
			}
			for _, m := range h.Matches {
				if d.Text[m.Start:m.End] != m.Text {
					t.Errorf("SearchArticles(%q): match %v is not in the text", tc.query, m)
				}
			}
			for _, m := range h.Highlights {
				if h.Snippet[m.Start:m.End] != m.Text {
					t.Errorf("SearchArticles(%q): highlight %v is not in the snippet %q", tc.query, m, h.Snippet)
				}
			}
			if !strings.Contains(d.Text, strings.Trim(h.Snippet, "…")) {
				t.Errorf("SearchArticles(%q): snippet %q is not from the text", tc.query, h.Snippet)
			}
		}
		if i := slices.IndexFunc(hits, func(h store.ArticleHit) bool { return h.ID == tc.hit }); i >= 0 {
			h := hits[i]
			var words []string
			for _, m := range h.Matches {
				words = append(words, m.Text)
			}
			for _, w := range tc.words {
				if !slices.Contains(words, w) {
					t.Errorf("SearchArticles(%q): hit %s highlights %v, want %q among them", tc.query, h.ID, words, w)
				}
			}
			if marked := store.Mark(h.Snippet, h.Highlights, "[", "]"); !strings.Contains(marked, "["+tc.words[0]+"]") {
				t.Errorf("SearchArticles(%q): marked snippet %q lacks [%s]", tc.query, marked, tc.words[0])
			}
		}
	}
	hits, err := s.SearchArticles(ctx, "المغرب", 2)
	if err != nil || len(hits) != 2 {
		t.Errorf("SearchArticles(limit 2) = %d hits, %v", len(hits), err)
	}
	for _, tc := range []struct {
		query string
		limit int
	}{{"", 0}, {"  ", 0}, {"المغرب", -1}, {"المغرب", store.MaxLimit + 1}} {
		_, err := s.SearchArticles(ctx, tc.query, tc.limit)
		wantCode(t, fmt.Sprintf("SearchArticles(%q, %d)", tc.query, tc.limit), err, store.EINVALID)
	}
}

// testPrepared checks that articles prepared ahead (store.Preparer) are
// found by the same searches as articles that are not, and that terms
// that no longer fit their article are not indexed.
func testPrepared(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	p, ok := s.(store.Preparer)
	if !ok {
		t.Skip("the store prepares nothing ahead")
	}
	plain := loaded(t, open)
	arts := fixture()
	for i := range arts {
		p.PrepareArticle(&arts[i])
	}
	if _, err := s.PutArticles(ctx, arts); err != nil {
		t.Fatalf("PutArticles(prepared fixture): %v", err)
	}
	for _, q := range []string{"المغرب", "مغربية", "لافروف", "المغرب إسبانيا", "تستدعي", "العقوبات", "2016", "المغرب الطاقة", "لقاء الوفدين"} {
		got, err := s.SearchArticles(ctx, q, 0)
		if err != nil {
			t.Fatalf("SearchArticles(%q): %v", q, err)
		}
		want, err := plain.SearchArticles(ctx, q, 0)
		if err != nil {
			t.Fatalf("SearchArticles(%q): %v", q, err)
		}
		if len(got) != len(want) {
			t.Errorf("SearchArticles(%q) on prepared articles: %d hits, want %d", q, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].ID != want[i].ID || !near(got[i].Score, want[i].Score) || !slices.Equal(got[i].Matches, want[i].Matches) {
				t.Errorf("SearchArticles(%q) hit %d on prepared articles = %+v, want %+v", q, i, got[i], want[i])
			}
		}
		gotEv, err := s.Events(ctx, store.EventFilter{Query: q})
		if err != nil {
			t.Fatalf("Events(%q): %v", q, err)
		}
		wantEv, err := plain.Events(ctx, store.EventFilter{Query: q})
		if err != nil {
			t.Fatalf("Events(%q): %v", q, err)
		}
		if !slices.Equal(keys(gotEv.Events), keys(wantEv.Events)) {
			t.Errorf("Events(Query %q) on prepared articles = %v, want %v", q, keys(gotEv.Events), keys(wantEv.Events))
		}
	}

	// Changed after they were prepared, or given the terms of another:
	// what they hold now is indexed.
	text := "زلزال في الرباط"
	mk := func(id string) store.Article {
		a := store.Article{Document: rasid.Document{ID: id, Title: "خبر", Text: text, Lang: "ar"}}
		a.Events = []rasid.Event{ev(text, "MAR", "", "010", 1, 0, "2020-01-02", "زلزال")}
		p.PrepareArticle(&a)
		return a
	}
	retitled, retext, other, evented := mk("x-title"), mk("x-text"), mk("x-other"), mk("x-events")
	retitled.Title = "بركان"
	retext.Text = strings.Replace(text, "الرباط", "القنيطرة", 1)
	other.Terms = arts[0].Terms
	evented.Events[0].Evidence = span(text, "الرباط")
	evented.Events = append(evented.Events, ev(text, "MAR", "", "010", 1, 0, "2020-01-02", "زلزال"))
	if _, err := s.PutArticles(ctx, []store.Article{retitled, retext, other, evented}); err != nil {
		t.Fatalf("PutArticles(changed since prepared): %v", err)
	}
	for _, tc := range []struct{ query, id string }{
		{"بركان", "x-title"}, {"القنيطرة", "x-text"}, {"زلزال", "x-other"}} {
		hits, err := s.SearchArticles(ctx, tc.query, 0)
		if err != nil {
			t.Fatalf("SearchArticles(%q): %v", tc.query, err)
		}
		if !slices.ContainsFunc(hits, func(h store.ArticleHit) bool { return h.ID == tc.id }) {
			t.Errorf("SearchArticles(%q) misses %s, changed after it was prepared", tc.query, tc.id)
		}
	}
	page, err := s.Events(ctx, store.EventFilter{Query: "الرباط"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(page.Events, func(e rasid.Event) bool { return e.ArticleID == "x-events" }) {
		t.Errorf("Events(Query الرباط) misses the evidence of x-events, changed after it was prepared")
	}
}

func testTimeline(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	type pt struct {
		period    string
		events    int
		goldstein float64
		quad      [4]int
	}
	// MAR-RUS: 041 (1.0) and 051 (3.4) on 2025-03-04, 057 (8.0) on
	// 2016-01-01, and RUS→MAR 036 (4.0) on 2024-12-01.
	for _, tc := range []struct {
		name, a, b, interval, from, to string
		want                           []pt // the points with events, and the count of points
		points                         int
	}{
		{"months", "MAR", "RUS", "month", "2024-12", "2025-03",
			[]pt{{"2024-12-01", 1, 4.0, [4]int{1, 0, 0, 0}}, {"2025-03-01", 2, 4.4, [4]int{2, 0, 0, 0}}}, 4},
		{"either order", "RUS", "MAR", "", "2024-12", "2025-03",
			[]pt{{"2024-12-01", 1, 4.0, [4]int{1, 0, 0, 0}}, {"2025-03-01", 2, 4.4, [4]int{2, 0, 0, 0}}}, 4},
		{"weeks from Monday", "MAR", "RUS", "week", "2025-03-01", "2025-03-10",
			[]pt{{"2025-03-03", 2, 4.4, [4]int{2, 0, 0, 0}}}, 3},
		{"days", "MAR", "RUS", "day", "2025-03-03", "2025-03-05",
			[]pt{{"2025-03-04", 2, 4.4, [4]int{2, 0, 0, 0}}}, 3},
		{"whole period", "MAR", "RUS", "month", "", "",
			[]pt{{"2016-01-01", 1, 8.0, [4]int{1, 0, 0, 0}}, {"2024-12-01", 1, 4.0, [4]int{1, 0, 0, 0}},
				{"2025-03-01", 2, 4.4, [4]int{2, 0, 0, 0}}}, 9*12 + 3},
		{"both directions of another dyad", "MAR", "ESP", "day", "", "",
			[]pt{{"2025-02-14", 2, 14.4, [4]int{1, 1, 0, 0}}}, 1},
		{"conflict", "DZA", "FRA", "week", "", "",
			[]pt{{"2025-03-03", 1, -2.0, [4]int{0, 0, 1, 0}}}, 1},
		{"a code with itself", "MAR", "MAR", "day", "", "",
			[]pt{{"2025-03-05", 1, 0, [4]int{1, 0, 0, 0}}}, 1},
		{"no events", "MAR", "USA", "month", "", "", nil, 0},
		{"no events, range given", "MAR", "USA", "month", "2025-01", "2025-03", nil, 3},
	} {
		got, err := s.DyadTimeline(t.Context(), tc.a, tc.b, tc.interval, tc.from, tc.to)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(got) != tc.points {
			t.Errorf("%s: %d points, want %d: %v", tc.name, len(got), tc.points, got)
		}
		var withEvents []pt
		for i, p := range got {
			if i > 0 && p.Period <= got[i-1].Period {
				t.Errorf("%s: period %s after %s", tc.name, p.Period, got[i-1].Period)
			}
			if p.Events > 0 {
				withEvents = append(withEvents, pt{p.Period, p.Events, p.Goldstein, p.Quad})
			}
		}
		if !slices.EqualFunc(withEvents, tc.want, func(a, b pt) bool {
			return a.period == b.period && a.events == b.events && near(a.goldstein, b.goldstein) && a.quad == b.quad
		}) {
			t.Errorf("%s: points with events %v, want %v", tc.name, withEvents, tc.want)
		}
	}
	for _, tc := range [][5]string{
		{"", "RUS", "month", "", ""},
		{"MAR", "", "month", "", ""},
		{"MAR", "RUS", "year", "", ""},
		{"MAR", "RUS", "month", "2025-3", ""},
		{"MAR", "RUS", "month", "2025", "2024"},
		{"MAR", "RUS", "day", "1000", "2999"}, // too many points
	} {
		_, err := s.DyadTimeline(t.Context(), tc[0], tc[1], tc[2], tc[3], tc[4])
		wantCode(t, fmt.Sprintf("DyadTimeline%q", tc), err, store.EINVALID)
	}
}

func testNetwork(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	for _, tc := range []struct {
		from, to string
		want     []store.Edge
	}{
		// EU→MAR (a two-letter code) and MAR→MAR are left out.
		{"", "", []store.Edge{
			{Source: "MAR", Target: "RUS", Events: 3, Goldstein: (1.0 + 3.4 + 8.0) / 3},
			{Source: "DZA", Target: "FRA", Events: 1, Goldstein: -2.0},
			{Source: "ESP", Target: "MAR", Events: 1, Goldstein: 6.4},
			{Source: "MAR", Target: "ESP", Events: 1, Goldstein: 8.0},
			{Source: "RUS", Target: "MAR", Events: 1, Goldstein: 4.0},
			{Source: "RUS", Target: "UKR", Events: 1, Goldstein: -4.4},
		}},
		{"2025-03", "2025-03", []store.Edge{{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2}, {Source: "DZA", Target: "FRA", Events: 1, Goldstein: -2.0}}},
		{"2025", "", []store.Edge{
			{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2}, {Source: "DZA", Target: "FRA", Events: 1, Goldstein: -2.0}, {Source: "ESP", Target: "MAR", Events: 1, Goldstein: 6.4},
			{Source: "MAR", Target: "ESP", Events: 1, Goldstein: 8.0}, {Source: "RUS", Target: "UKR", Events: 1, Goldstein: -4.4},
		}},
		{"", "2016", []store.Edge{{Source: "MAR", Target: "RUS", Events: 1, Goldstein: 8.0}}},
		// Parts of months.
		{"2025-03-04", "2025-03-05", []store.Edge{{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2}}},
		{"2025-02-14", "2025-03-04", []store.Edge{
			{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2},
			{Source: "ESP", Target: "MAR", Events: 1, Goldstein: 6.4},
			{Source: "MAR", Target: "ESP", Events: 1, Goldstein: 8.0},
		}},
		{"2024-12-01", "2025-03-04", []store.Edge{
			{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2},
			{Source: "ESP", Target: "MAR", Events: 1, Goldstein: 6.4},
			{Source: "MAR", Target: "ESP", Events: 1, Goldstein: 8.0},
			{Source: "RUS", Target: "MAR", Events: 1, Goldstein: 4.0},
			{Source: "RUS", Target: "UKR", Events: 1, Goldstein: -4.4},
		}},
		{"2025-01-15", "2025-03-31", []store.Edge{
			{Source: "MAR", Target: "RUS", Events: 2, Goldstein: 2.2},
			{Source: "DZA", Target: "FRA", Events: 1, Goldstein: -2.0},
			{Source: "ESP", Target: "MAR", Events: 1, Goldstein: 6.4},
			{Source: "MAR", Target: "ESP", Events: 1, Goldstein: 8.0},
			{Source: "RUS", Target: "UKR", Events: 1, Goldstein: -4.4},
		}},
		{"2025-01-21", "2025-02-13", []store.Edge{}},
		{"2030", "", []store.Edge{}},
	} {
		got, err := s.Network(t.Context(), tc.from, tc.to)
		if err != nil {
			t.Errorf("Network(%q, %q): %v", tc.from, tc.to, err)
			continue
		}
		if !slices.EqualFunc(got, tc.want, func(a, b store.Edge) bool {
			return a.Source == b.Source && a.Target == b.Target && a.Events == b.Events && near(a.Goldstein, b.Goldstein)
		}) {
			t.Errorf("Network(%q, %q) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
	_, err := s.Network(t.Context(), "2025-00", "")
	wantCode(t, "Network(bad date)", err, store.EINVALID)
}

func testActors(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	got, err := s.Actors(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	// MAR: source of a1's three, a3/057 and a6/010, target of a3/061,
	// a5/036, a6/020 and a6/010 (counted once as an event).
	want := []store.ActorCount{
		{Code: "MAR", Events: 8, AsSource: 5, AsTarget: 4},
		{Code: "RUS", Events: 5, AsSource: 2, AsTarget: 3},
		{Code: "DZA", Events: 1, AsSource: 1, AsTarget: 0},
		{Code: "ESP", Events: 2, AsSource: 1, AsTarget: 1},
		{Code: "EU", Events: 1, AsSource: 1, AsTarget: 0},
		{Code: "FRA", Events: 1, AsSource: 0, AsTarget: 1},
		{Code: "UKR", Events: 1, AsSource: 0, AsTarget: 1},
	}
	// Ties in any order: compare as sets, then the order of the counts.
	slices.SortFunc(want, func(a, b store.ActorCount) int { return b.Events - a.Events })
	if len(got) != len(want) {
		t.Fatalf("Actors = %v, want %v", got, want)
	}
	for i, c := range got {
		if !slices.Contains(want, c) {
			t.Errorf("Actors: %+v not expected (want %v)", c, want)
		}
		if c.Events != want[i].Events {
			t.Errorf("Actors[%d] = %+v: not ordered by events", i, c)
		}
	}
	top, err := s.Actors(t.Context(), 2)
	if err != nil || len(top) != 2 || top[0].Code != "MAR" || top[1].Code != "RUS" {
		t.Errorf("Actors(2) = %v, %v; want MAR, RUS", top, err)
	}
	for _, n := range []int{-1, store.MaxLimit + 1} {
		_, err := s.Actors(t.Context(), n)
		wantCode(t, fmt.Sprintf("Actors(%d)", n), err, store.EINVALID)
	}
}

func testStats(t *testing.T, open func(t *testing.T) store.Store) {
	s := open(t)
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Events != 0 || st.Sources != 0 || len(st.Months) != 0 || len(st.TopDyads) != 0 || len(st.Roots) != 0 {
		t.Errorf("Stats of an empty store = %+v", st)
	}
	if _, err := s.PutArticles(t.Context(), fixture()); err != nil {
		t.Fatal(err)
	}
	st, err = s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Outlets: هسبريس, Le360 (a1 and a3), الشرق الأوسط.
	if st.Articles != 6 || st.Events != 10 || st.Sources != 3 {
		t.Errorf("Stats = %d articles, %d events, %d sources; want 6, 10, 3", st.Articles, st.Events, st.Sources)
	}
	wantMonths := []store.PeriodCount{{Period: "2016-01", Events: 1}, {Period: "2024-12", Events: 1}, {Period: "2025-01", Events: 1}, {Period: "2025-02", Events: 2}, {Period: "2025-03", Events: 5}}
	if !slices.Equal(st.Months, wantMonths) {
		t.Errorf("Stats.Months = %v, want %v", st.Months, wantMonths)
	}
	wantRoots := []store.RootCount{{Root: "01", Events: 1}, {Root: "02", Events: 1}, {Root: "03", Events: 1}, {Root: "04", Events: 1}, {Root: "05", Events: 3}, {Root: "06", Events: 1}, {Root: "11", Events: 1}, {Root: "13", Events: 1}}
	if !slices.Equal(st.Roots, wantRoots) {
		t.Errorf("Stats.Roots = %v, want %v", st.Roots, wantRoots)
	}
	if len(st.TopDyads) != 8 || st.TopDyads[0].Source != "MAR" || st.TopDyads[0].Target != "RUS" ||
		st.TopDyads[0].Events != 3 || !near(st.TopDyads[0].Goldstein, 12.4/3) {
		t.Errorf("Stats.TopDyads = %v, want 8 dyads, MAR→RUS (3) first", st.TopDyads)
	}
}

func testExport(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	if err := s.AddSource(ctx, "a1", "Le360", "https://le360.ma/x"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSource(ctx, "a1", "SNRTnews", "https://snrtnews.ma/x"); err != nil {
		t.Fatal(err)
	}
	// Another article tells a1's 041 of the same day.
	t7 := "اتصال هاتفي بين بوريطة ولافروف."
	a7 := store.Article{
		Document:    rasid.Document{ID: "a7", Source: "Alyaoum24", URL: "https://alyaoum24.ma/a7", Text: t7},
		ContentHash: "h-a7",
		Events:      []rasid.Event{ev(t7, "MAR", "RUS", "041", 1, 1.0, "2025-03-04", t7)},
	}
	if _, _, err := s.PutArticle(ctx, a7); err != nil {
		t.Fatal(err)
	}
	var rows []store.ExportRow
	err := s.ExportEvents(ctx, store.EventFilter{Limit: 1, Cursor: "ignored"}, func(r store.ExportRow) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var events []rasid.Event
	for _, r := range rows {
		events = append(events, r.Event)
	}
	if !slices.Equal(keys(events), keys(page.Events)) {
		t.Fatalf("ExportEvents = %v, want the events of Events: %v", keys(events), keys(page.Events))
	}
	for _, r := range rows {
		type counts struct{ sources, articles, mentions int }
		var want counts
		var url string
		switch r.Event.ArticleID + "/" + r.Event.Code {
		case "a1/041":
			want, url = counts{3, 3, 4}, "https://example.ma/a1"
		case "a7/041":
			want, url = counts{1, 1, 4}, "https://alyaoum24.ma/a7"
		case "a1/051", "a1/057":
			want, url = counts{3, 3, 3}, "https://example.ma/a1"
		case "a2/112":
			want, url = counts{1, 1, 1}, "https://example.com/a2"
		case "a4/130":
			want = counts{0, 1, 1}
		default:
			continue
		}
		got := counts{r.NumSources, r.NumArticles, r.NumMentions}
		if got != want || r.URL != url {
			t.Errorf("export %s/%s: (sources, articles, mentions) = %v, url %q; want %v, %q",
				r.Event.ArticleID, r.Event.Code, got, r.URL, want, url)
		}
	}
	if r := rows[slices.IndexFunc(rows, func(r store.ExportRow) bool { return r.Event.ArticleID == "a2" })]; r.Outlet != "الشرق الأوسط" ||
		!r.Published.Equal(time.Date(2025, 3, 10, 8, 0, 0, 0, riyadh)) {
		t.Errorf("export a2: outlet %q, published %v", r.Outlet, r.Published)
	}

	rows = nil
	err = s.ExportEvents(ctx, store.EventFilter{Source: "MAR", Target: "RUS"}, func(r store.ExportRow) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil || len(rows) != 4 {
		t.Errorf("ExportEvents(MAR→RUS) = %d rows, %v; want 4", len(rows), err)
	}
	stop := errors.New("stop")
	n := 0
	err = s.ExportEvents(ctx, store.EventFilter{}, func(store.ExportRow) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ExportEvents with fn failing: %v after %d rows; want stop after 1", err, n)
	}
}

func testConcurrent(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := open(t)
	articles := synthetic(40, 5, 2)
	var wg sync.WaitGroup
	created := make(chan int, 8)
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			n := 0
			// Each goroutine puts every article, in its own order, in
			// batches of 5, while reading.
			for b := range 8 {
				start := (b + g) % 8 * 5
				res, err := s.PutArticles(ctx, articles[start:start+5])
				if err != nil {
					errs <- err
					return
				}
				for _, r := range res {
					if r.Created {
						n++
					}
				}
				if _, err := s.Events(ctx, store.EventFilter{Actor: "MAR", Limit: 10}); err != nil {
					errs <- err
					return
				}
			}
			created <- n
		})
	}
	wg.Wait()
	close(created)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	total := 0
	for n := range created {
		total += n
	}
	if total != 40 {
		t.Errorf("%d articles created, want 40", total)
	}
	countIs(t, s, 40, 80)
}

func testClose(t *testing.T, open func(t *testing.T) store.Store) {
	s := loaded(t, open)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := s.Stats(t.Context()); err == nil {
		t.Error("Stats after Close succeeded")
	}
	if _, _, err := s.PutArticle(t.Context(), fixture()[0]); err == nil {
		t.Error("PutArticle after Close succeeded")
	}
}

func testDocuments(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	want := fixture()
	slices.SortFunc(want, func(a, b store.Article) int { return strings.Compare(a.ID, b.ID) })
	var got []rasid.Document
	after := ""
	for pages := 0; ; pages++ {
		page, err := s.Documents(ctx, after, 4)
		if err != nil {
			t.Fatalf("Documents(%q, 4): %v", after, err)
		}
		got = append(got, page...)
		if len(page) < 4 || pages > len(want) {
			break
		}
		after = page[len(page)-1].ID
	}
	if len(got) != len(want) {
		t.Fatalf("Documents gave %d documents over its pages, want %d", len(got), len(want))
	}
	for i, d := range got {
		w := want[i].Document
		if d.ID != w.ID || d.URL != w.URL || d.Source != w.Source || d.Title != w.Title ||
			!d.Published.Equal(w.Published) || d.Text != w.Text || d.Lang != w.Lang {
			t.Errorf("Documents[%d] = %+v,\nwant %+v", i, d, w)
		}
	}
	if page, err := s.Documents(ctx, want[len(want)-1].ID, 0); err != nil || len(page) != 0 {
		t.Errorf("Documents after the last id: %v, %v; want none", page, err)
	}
	_, err := s.Documents(ctx, "", store.MaxLimit+1)
	wantCode(t, "Documents(limit too large)", err, store.EINVALID)
}

func testRecode(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := t.Context()
	s := loaded(t, open)
	var a1, a2 store.Article
	for _, a := range fixture() {
		switch a.ID {
		case "a1":
			a1 = a
		case "a2":
			a2 = a
		}
	}
	before, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	stats0, _ := s.Stats(ctx)

	// The same coding again changes nothing: the events keep their ids.
	changed, err := s.Recode(ctx, []store.Recoding{{ID: "a1", Events: a1.Events, Mentions: a1.Mentions}})
	if err != nil || len(changed) != 1 || changed[0] {
		t.Fatalf("Recode(a1 as stored) = %v, %v; want [false]", changed, err)
	}
	same, _ := s.Article(ctx, "a1")
	if !slices.Equal(same.Events, before.Events) {
		t.Errorf("events after a Recode that changed nothing:\n%v\nwant\n%v", same.Events, before.Events)
	}

	// A new coding of a1 (its call only, now with Russia's side first)
	// and a2 unchanged, in one call.
	call := a1.Events[0]
	call.Source, call.Target = call.Target, call.Source
	newMentions := a1.Mentions[:1]
	changed, err = s.Recode(ctx, []store.Recoding{
		{ID: "a1", Events: []rasid.Event{call}, Mentions: newMentions},
		{ID: "a2", Events: a2.Events, Mentions: a2.Mentions},
	})
	if err != nil || !slices.Equal(changed, []bool{true, false}) {
		t.Fatalf("Recode(a1 new, a2 same) = %v, %v; want [true false]", changed, err)
	}
	after, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Events) != 1 || after.Events[0].Source != call.Source || after.Events[0].Target != call.Target ||
		after.Events[0].Evidence.Text == "" {
		t.Errorf("a1's events after Recode: %+v", after.Events)
	}
	if !slices.Equal(after.Mentions, newMentions) {
		t.Errorf("a1's mentions after Recode: %v, want %v", after.Mentions, newMentions)
	}
	if after.Text != a1.Text || after.NumArticles != before.NumArticles || after.NumSources != before.NumSources {
		t.Errorf("Recode changed the article itself: %+v", after.Document)
	}
	for _, e := range before.Events {
		if _, err := s.Event(ctx, e.ID); store.ErrorCode(err) != store.ENOTFOUND {
			t.Errorf("Event(%d), replaced by Recode: %v, want ENOTFOUND", e.ID, err)
		}
	}
	// The rollups and the full text follow.
	stats1, _ := s.Stats(ctx)
	if stats1.Events != stats0.Events-len(a1.Events)+1 || stats1.Articles != stats0.Articles {
		t.Errorf("Stats after Recode: %d events, %d articles; want %d, %d",
			stats1.Events, stats1.Articles, stats0.Events-len(a1.Events)+1, stats0.Articles)
	}
	page, err := s.Events(ctx, store.EventFilter{Source: call.Source, Target: call.Target, Code: call.Code})
	if err != nil || len(page.Events) != 1 || page.Events[0].ArticleID != "a1" {
		t.Errorf("Events(the recoded call) = %v, %v", page.Events, err)
	}
	tl, err := s.DyadTimeline(ctx, call.Source, call.Target, store.IntervalMonth, "2016", "2016")
	if err != nil || len(tl) == 0 || tl[0].Events != 0 {
		t.Errorf("the 2016 agreement is still in the timeline after Recode: %v, %v", tl, err)
	}

	// An unknown id or an invalid coding changes nothing.
	_, err = s.Recode(ctx, []store.Recoding{{ID: "a2", Events: nil}, {ID: "missing"}})
	wantCode(t, "Recode(missing)", err, store.ENOTFOUND)
	bad := call
	bad.Evidence = rasid.Span{Start: 0, End: len(a1.Text) + 10}
	_, err = s.Recode(ctx, []store.Recoding{{ID: "a1", Events: []rasid.Event{bad}}})
	wantCode(t, "Recode(span beyond the text)", err, store.EINVALID)
	if got, _ := s.Article(ctx, "a2"); len(got.Events) != len(a2.Events) {
		t.Errorf("a failed Recode changed a2: %d events, want %d", len(got.Events), len(a2.Events))
	}
	if got, _ := s.Article(ctx, "a1"); !slices.Equal(got.Events, after.Events) {
		t.Errorf("a failed Recode changed a1: %v", got.Events)
	}
}
