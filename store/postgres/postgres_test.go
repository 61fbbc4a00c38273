package postgres_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"rasid"
	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
	"rasid/store/storetest"
)

// open opens a store at url, closed when t ends.
func open(t testing.TB, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(t.Context(), url, storetest.Analyzer)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, pgtest.Schema(t))
	})
}

func TestMigrations(t *testing.T) {
	ms, err := postgres.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Version != 1 || ms[0].Name != "0001_init.sql" {
		t.Fatalf("Migrations = %v", ms)
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %s: version %d, want %d (no gaps)", m.Name, m.Version, i+1)
		}
	}

	// Workers opening a new database at the same moment: one migrates,
	// the others wait for it and find the schema ready.
	url := pgtest.Schema(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			db, err := postgres.Open(t.Context(), url, storetest.Analyzer)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			if _, err := db.PutArticles(t.Context(), storetest.BenchArticles(0, 3, 2)); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Open: %v", err)
	}
	p := rawPool(t, url)
	if n := count(t, p, `SELECT count(*) FROM schema_migrations`); n != len(ms) {
		t.Errorf("schema_migrations holds %d rows, want %d", n, len(ms))
	}
	db := open(t, url)
	if v, err := db.SchemaVersion(t.Context()); err != nil || v != ms[len(ms)-1].Version {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, ms[len(ms)-1].Version)
	}
	if st, err := db.Stats(t.Context()); err != nil || st.Articles != 3 || st.Events != 6 {
		t.Errorf("Stats = %+v, %v; want 3 articles, 6 events", st, err)
	}

	// A schema migrated by a newer program is refused.
	if _, err := p.Exec(t.Context(), `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if db, err := postgres.Open(t.Context(), url, storetest.Analyzer); err == nil {
		db.Close()
		t.Error("Open of a schema from the future succeeded")
	} else if !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a schema from the future: %v", err)
	}
}

// TestSchemasApart: two stores in two schemas of one database see only
// their own articles.
func TestSchemasApart(t *testing.T) {
	a, b := open(t, pgtest.Schema(t)), open(t, pgtest.Schema(t))
	if _, err := a.PutArticles(t.Context(), storetest.BenchArticles(0, 5, 1)); err != nil {
		t.Fatal(err)
	}
	if st, err := b.Stats(t.Context()); err != nil || st.Articles != 0 {
		t.Errorf("the other schema's store sees %d articles, %v", st.Articles, err)
	}
}

func TestReopen(t *testing.T) {
	ctx := t.Context()
	url := pgtest.Schema(t)
	db, err := postgres.Open(ctx, url, storetest.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, storetest.BenchArticles(0, 10, 2)); err != nil {
		t.Fatal(err)
	}
	other := open(t, url)
	if a, err := other.Article(ctx, "syn-00000003"); err != nil || len(a.Events) != 2 {
		t.Fatalf("second handle: Article = %d events, %v", len(a.Events), err)
	}
	if _, err := other.PutArticles(ctx, storetest.BenchArticles(10, 5, 2)); err != nil {
		t.Fatal(err)
	}
	if hits, err := db.SearchArticles(ctx, "المغرب", 100); err != nil || len(hits) != 15 {
		t.Fatalf("first handle: search = %d hits, %v; want 15", len(hits), err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	db = open(t, url)
	if st, err := db.Stats(ctx); err != nil || st.Articles != 15 || st.Events != 30 {
		t.Fatalf("reopened: Stats = %+v, %v", st, err)
	}
}

func TestOpenInvalid(t *testing.T) {
	url := pgtest.URL(t)
	for _, tc := range []struct {
		name     string
		url      string
		analyzer store.Analyzer
	}{
		{"no url", "", storetest.Analyzer},
		{"no analyzer", url, nil},
		{"not a URL", "postgres://a b@%zz/", storetest.Analyzer},
		{"no schema on the search path", pgtest.WithSchema(t, url, "rasid_no_such_schema"), storetest.Analyzer},
	} {
		db, err := postgres.Open(t.Context(), tc.url, tc.analyzer)
		if store.ErrorCode(err) != store.EINVALID {
			t.Errorf("%s: Open = %v, want EINVALID", tc.name, err)
		}
		if db != nil {
			db.Close()
		}
	}
	// A server that is not there: an error naming the address, without
	// the password.
	_, err := postgres.Open(t.Context(), "postgres://rasid:secret@127.0.0.1:1/rasid?connect_timeout=5", store.Fields)
	if err == nil {
		t.Fatal("Open of a closed port succeeded")
	}
	if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("Open of a closed port: %v", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://rasid:s3cret@db:5432/rasid?sslmode=disable": "postgres://rasid:xxxxx@db:5432/rasid?sslmode=disable",
		"postgres://rasid@db/rasid":                             "postgres://rasid@db/rasid",
		"postgres:///rasid?host=/tmp":                           "postgres:///rasid?host=/tmp",
		"postgres://a:sec ret@%zz/db":                           "postgres://xxxxx@%zz/db",
		"host=db user=rasid password=s3cret dbname=rasid":       "host=db user=rasid password=xxxxx dbname=rasid",
		"host=db password='s3 cr\\'et' dbname=rasid":            "host=db password=xxxxx dbname=rasid",
	} {
		if got := postgres.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNotStorable: what PostgreSQL cannot hold is refused as EINVALID,
// naming the article and the field, and nothing of the batch is stored.
func TestNotStorable(t *testing.T) {
	db := open(t, pgtest.Schema(t))
	for _, tc := range []struct {
		field  string
		modify func(a *store.Article)
	}{
		{"text", func(a *store.Article) { a.Text += "\x00" }},
		{"title", func(a *store.Article) { a.Title = "\xff\xfe" }},
		{"content hash", func(a *store.Article) { a.ContentHash = strings.Repeat("h", 1001) }},
		{"event 0: source", func(a *store.Article) { a.Events[0].Source = strings.Repeat("M", 1001) }},
		{"mention 0: text", func(a *store.Article) {
			a.Mentions = []rasid.Mention{{Text: "a\x00b", Code: "MAR", Start: 0, End: 1}}
		}},
	} {
		as := storetest.BenchArticles(0, 2, 1)
		tc.modify(&as[1])
		_, err := db.PutArticles(t.Context(), as)
		if store.ErrorCode(err) != store.EINVALID || !strings.Contains(store.ErrorMessage(err), "article 1") ||
			!strings.Contains(store.ErrorMessage(err), tc.field) {
			t.Errorf("%s: PutArticles = %v; want EINVALID naming article 1 and the field", tc.field, err)
		}
	}
	if st, err := db.Stats(t.Context()); err != nil || st.Articles != 0 {
		t.Errorf("Stats = %d articles, %v; want none stored", st.Articles, err)
	}
}

// TestPartitions: each month of the events gets its partition, undated
// events go to the default one, writers that need the same new month at
// once both succeed, and a partition dropped behind the store's back is
// made again.
func TestPartitions(t *testing.T) {
	ctx := t.Context()
	url := pgtest.Schema(t)
	db := open(t, url)
	p := rawPool(t, url)
	as := storetest.BenchArticles(0, 3, 1)
	as[0].Events[0].Date = "2016" // a year: filed under 2016-01-01
	as[1].Events[0].Date = "2025-03-04"
	as[2].Events[0].Date, as[2].Published = "", time.Time{}
	if _, err := db.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	partitions := func() []string {
		rows, err := p.Query(ctx, `SELECT c.relname || ':' || (SELECT count(*) FROM events e WHERE e.tableoid = c.oid)
			FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = 'events'::regclass ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	want := []string{"events_undated:1", "events_y2016m01:1", "events_y2025m03:1"}
	if got := partitions(); !slices.Equal(got, want) {
		t.Errorf("partitions (name:events) = %v, want %v", got, want)
	}

	// Six handles put events of the same three new months at once.
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for w := range 6 {
		other := open(t, url)
		wg.Go(func() {
			as := storetest.BenchArticles(100+10*w, 9, 1)
			for i := range as {
				as[i].Events[0].Date = fmt.Sprintf("2030-%02d-01", 1+i%3)
			}
			if _, err := other.PutArticles(ctx, as); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent new months: %v", err)
	}
	want = []string{"events_undated:1", "events_y2016m01:1", "events_y2025m03:1",
		"events_y2030m01:18", "events_y2030m02:18", "events_y2030m03:18"}
	if got := partitions(); !slices.Equal(got, want) {
		t.Errorf("partitions (name:events) = %v, want %v", got, want)
	}

	// Dropped behind the store's back (its rows with it, so the rollups
	// are stale; only the insert is checked here).
	if _, err := p.Exec(ctx, `DROP TABLE events_y2025m03`); err != nil {
		t.Fatal(err)
	}
	again := storetest.BenchArticles(200, 1, 1)
	again[0].Events[0].Date = "2025-03-05"
	if _, err := db.PutArticles(ctx, again); err != nil {
		t.Fatalf("PutArticles after a partition was dropped: %v", err)
	}
	if n := count(t, p, `SELECT count(*) FROM events_y2025m03`); n != 1 {
		t.Errorf("the partition made again holds %d events, want 1", n)
	}
}

// TestRollups checks that the triggers keep every rollup equal to what it
// sums, after puts with undated events and copies, and after articles are
// deleted (which no method does, but the events must go with them).
func TestRollups(t *testing.T) {
	ctx := t.Context()
	url := pgtest.Schema(t)
	db := open(t, url)
	articles := storetest.BenchArticles(0, 300, 4)
	for i := range articles {
		if i%5 == 0 { // some undated events
			articles[i].Events[0].Date = ""
			articles[i].Published = time.Time{}
		}
		if i%7 == 0 {
			articles[i].Sources = []string{"Le360", "SNRTnews"}
			articles[i].Events[1].QuadClass = 4
		}
	}
	for start := 0; start < len(articles); start += 100 {
		if _, err := db.PutArticles(ctx, articles[start:start+100]); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.AddSource(ctx, "syn-00000001", "Alyaoum24", "https://alyaoum24.ma/1"); err != nil {
		t.Fatal(err)
	}
	p := rawPool(t, url)
	checkRollups(t, p, "after put")
	if _, err := p.Exec(ctx, `DELETE FROM articles WHERE pk % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	checkRollups(t, p, "after delete")
	if n := count(t, p, `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.pk = e.article_pk)`); n != 0 {
		t.Errorf("%d events of deleted articles are left", n)
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != 200 || st.Events != 800 {
		t.Errorf("after delete: Stats = %d articles, %d events, %v; want 200, 800", st.Articles, st.Events, err)
	}
	if hits, err := db.SearchArticles(ctx, "المغرب", 1000); err != nil || len(hits) != 200 {
		t.Errorf("after delete: search = %d hits, %v; want 200", len(hits), err)
	}
}

// TestExportMentions: NumMentions is the same whether the export sums it
// in Go over a day's events (a filter on codes and days) or asks the
// database for each event (a filter on quad class or text).
func TestExportMentions(t *testing.T) {
	ctx := t.Context()
	db := open(t, pgtest.Schema(t))
	// Three articles a day tell the same events (BenchArticles repeats
	// dyads every 12 articles); some are carried by other outlets too.
	as := storetest.BenchArticles(0, 120, 3)
	for i := range as {
		for j := range as[i].Events {
			as[i].Events[j].Date = fmt.Sprintf("2025-03-%02d", 1+i%12)
			if i%5 == 0 {
				as[i].Events[j].QuadClass = 2
			}
		}
		if i%4 == 0 {
			as[i].Sources = []string{"Le360", "SNRTnews"}
		}
	}
	as[7].Events[0].Date, as[7].Published = "", time.Time{} // an undated one too
	if _, err := db.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	export := func(f store.EventFilter) map[int64]int {
		out := map[int64]int{}
		if err := db.ExportEvents(ctx, f, func(r store.ExportRow) error {
			out[r.Event.ID] = r.NumMentions
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := export(store.EventFilter{})
	if len(all) != 360 {
		t.Fatalf("export of everything: %d rows, want 360", len(all))
	}
	most := 0
	for _, n := range all {
		most = max(most, n)
	}
	if most < 4 {
		t.Fatalf("no event is told more than %d times: the test tells nothing", most)
	}
	for _, f := range []store.EventFilter{
		{QuadClass: 2}, {QuadClass: 1}, {Query: "الرباط"}, {Source: "MAR", To: "2025-03-05"}, {Actor: "RUS", Root: "04"},
	} {
		got := export(f)
		if len(got) == 0 {
			t.Errorf("%+v: nothing exported", f)
		}
		for id, n := range got {
			if n != all[id] {
				t.Errorf("%+v: event %d told %d times, %d in the export of everything", f, id, n, all[id])
			}
		}
	}
}

// TestPartitionDuringRead: a month's partition is attached while a long
// read holds events open (an export streaming to a slow client), and the
// read does not block the writer.
func TestPartitionDuringRead(t *testing.T) {
	ctx := t.Context()
	url := pgtest.Schema(t)
	db := open(t, url)
	if _, err := db.PutArticles(ctx, storetest.BenchArticles(0, 50, 2)); err != nil {
		t.Fatal(err)
	}
	reading, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		first := true
		done <- db.ExportEvents(ctx, store.EventFilter{}, func(store.ExportRow) error {
			if first {
				first = false
				close(reading)
				<-release
			}
			return nil
		})
	}()
	<-reading
	writer := open(t, url)
	as := storetest.BenchArticles(100, 3, 1)
	for i := range as {
		as[i].Events[0].Date = "2031-07-01" // a month without a partition
	}
	put := make(chan error, 1)
	go func() {
		_, err := writer.PutArticles(ctx, as)
		put <- err
	}()
	select {
	case err := <-put:
		if err != nil {
			t.Errorf("PutArticles of a new month during a read: %v", err)
		}
		close(release)
	case <-time.After(20 * time.Second):
		t.Error("PutArticles of a new month waited for a read to end")
		close(release)
		<-put
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := count(t, rawPool(t, url), `SELECT count(*) FROM events_y2031m07`); n != 3 {
		t.Errorf("the new partition holds %d events, want 3", n)
	}
}
