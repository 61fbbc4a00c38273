package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/nlnwa/gowarc/v3"

	"rasid"
)

// collect runs Read and returns every Item, failing the test if Read
// returns an error.
func collect(t testing.TB, sources []string, stdin io.Reader, opt Options) []Item {
	t.Helper()
	out := make(chan Item)
	errc := make(chan error, 1)
	go func() { errc <- Read(context.Background(), sources, stdin, opt, out) }()
	var items []Item
	for it := range out {
		items = append(items, it)
	}
	if err := <-errc; err != nil {
		t.Fatalf("Read: %v", err)
	}
	return items
}

// checkItem checks what every Item must be: an error with an empty
// document, or a document with an ID, text and valid UTF-8 everywhere.
func checkItem(t testing.TB, it Item) {
	t.Helper()
	if it.Where == "" {
		t.Errorf("item without Where: %+v", it)
	}
	if it.Err != nil {
		if it.Doc != (rasid.Document{}) {
			t.Errorf("%s: error %v with a document %+v", it.Where, it.Err, it.Doc)
		}
		return
	}
	d := it.Doc
	for name, f := range map[string]string{"ID": d.ID, "URL": d.URL, "Source": d.Source, "Title": d.Title, "Text": d.Text, "Lang": d.Lang} {
		if !utf8.ValidString(f) {
			t.Errorf("%s: %s is not valid UTF-8: %q", it.Where, name, f)
		}
	}
	if d.ID == "" || strings.TrimSpace(d.Text) == "" || d.Lang == "" {
		t.Errorf("%s: document without ID, text or language: %+v", it.Where, d)
	}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// want is what a test expects of one Item.
type want struct {
	where     string // suffix of Where
	id        string
	source    string
	title     string
	url       string
	published time.Time
	contains  string // a phrase of the text
	absent    string // a phrase the text must not have (navigation, footer)
	err       string // a phrase of the error; "" for a document
	kind      error  // what the error wraps
}

func checkWant(t *testing.T, got []Item, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, it := range got {
			t.Logf("got %s: %v %q", it.Where, it.Err, it.Doc.ID)
		}
		t.Fatalf("got %d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		it := got[i]
		checkItem(t, it)
		if !strings.HasSuffix(it.Where, w.where) {
			t.Errorf("item %d: Where = %q, want …%q", i, it.Where, w.where)
		}
		if w.err != "" || w.kind != nil {
			switch {
			case it.Err == nil:
				t.Errorf("%s: no error, want %q", it.Where, w.err)
			case !strings.Contains(it.Err.Error(), w.err):
				t.Errorf("%s: error %q, want %q", it.Where, it.Err, w.err)
			case w.kind != nil && !errors.Is(it.Err, w.kind):
				t.Errorf("%s: error %q is not %v", it.Where, it.Err, w.kind)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", it.Where, it.Err)
			continue
		}
		d := it.Doc
		if d.ID != w.id {
			t.Errorf("%s: ID = %q, want %q", it.Where, d.ID, w.id)
		}
		if w.source != "" && d.Source != w.source {
			t.Errorf("%s: Source = %q, want %q", it.Where, d.Source, w.source)
		}
		if w.title != "" && d.Title != w.title {
			t.Errorf("%s: Title = %q, want %q", it.Where, d.Title, w.title)
		}
		if w.url != "" && d.URL != w.url {
			t.Errorf("%s: URL = %q, want %q", it.Where, d.URL, w.url)
		}
		if !d.Published.Equal(w.published) {
			t.Errorf("%s: Published = %v, want %v", it.Where, d.Published, w.published)
		}
		if !strings.Contains(d.Text, w.contains) {
			t.Errorf("%s: text lacks %q:\n%s", it.Where, w.contains, d.Text)
		}
		if w.absent != "" && strings.Contains(d.Text, w.absent) {
			t.Errorf("%s: text has %q:\n%s", it.Where, w.absent, d.Text)
		}
		if d.Lang != "ar" {
			t.Errorf("%s: Lang = %q", it.Where, d.Lang)
		}
	}
}

var (
	fallback = day(2025, 5, 1) // Options.Published in the tests
	kindOpt  = Options{Published: fallback}
)

// kindWants is what each fixture of testdata/kinds holds.
var kindWants = map[string][]want{
	"wire/rabat-call.txt": {{
		where: "rabat-call.txt", id: "rabat-call", source: "wire", published: fallback,
		title:    "المغرب وموريتانيا يبحثان تعزيز التعاون",
		contains: "أجرى وزير الخارجية المغربي اتصالا هاتفيا",
	}},
	"items.jsonl": {
		{where: "items.jsonl:1", id: "jl-1", source: "وكالة الرافدين", title: "بغداد وأنقرة تبحثان ملف المياه",
			published: day(2025, 2, 3), contains: "ملف المياه"},
		{where: "items.jsonl:2", id: "42", url: "https://kuwait-news.example/a/42",
			published: time.Date(2025, 2, 4, 10, 20, 0, 0, time.UTC), contains: "طائرة مساعدات"},
		{where: "items.jsonl:4", id: "jl-3", published: fallback, contains: "الدوحة"},
	},
	"page.html": {{
		where: "page.html", id: "page", source: "صحيفة المرصد",
		title:     "الجامعة العربية تدعو إلى هدنة إنسانية في السودان",
		url:       "https://almarsad.example/news/2025/03/sudan-truce",
		published: time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC),
		contains:  "ورحب مندوب السودان بقرارات الاجتماع",
		absent:    "جميع الحقوق محفوظة",
	}},
	"page1256.html": {{
		where: "page1256.html", id: "page1256", source: "kinds", title: "افتتاح معرض الكتاب في تونس",
		published: day(2024, 4, 26), contains: "افتتحت وزيرة الشؤون الثقافية، مساء الجمعة",
	}},
	"feed.rss": {
		{where: "feed.rss#item1", id: "almarsad-1001", source: "المرصد - أخبار سياسية", url: "https://almarsad.example/news/1001",
			title: "الأردن ومصر يبحثان التعاون في مجال الطاقة", published: time.Date(2025, 2, 10, 7, 15, 0, 0, time.UTC),
			contains: "واتفق الجانبان على تشكيل فريق فني مشترك"},
		{where: "feed.rss#item2", id: "https://almarsad.example/news/1002", title: "مجلس الأمن يمدد ولاية بعثته في ليبيا",
			published: time.Date(2025, 2, 11, 18, 40, 0, 0, time.UTC), contains: "مدد مجلس الأمن الدولي ولاية بعثة الأمم المتحدة"},
	},
	"feed.atom": {
		{where: "feed.atom#item1", id: "tag:sahel-news.example,2025:summit", source: "وكالة الأنباء الساحلية",
			url: "https://sahel-news.example/2025/01/summit", published: time.Date(2025, 1, 19, 8, 0, 0, 0, time.UTC),
			contains: "ودعا البيان الختامي إلى إنشاء مخزون إقليمي من الحبوب"},
		{where: "feed.atom#item2", id: "tag:sahel-news.example,2025:border", title: "الجزائر وتونس توقعان اتفاقا لتسهيل التنقل",
			published: time.Date(2025, 1, 20, 11, 0, 0, 0, time.UTC), contains: "المعابر الحدودية البرية"},
	},
	"trec.xml": {
		{where: "trec.xml:1", id: "RS-politic-1-20250301", source: "Radio Sahel", url: "http://radio-sahel.example/ar/article/1?ref=rss&utm=feed",
			title: "البرلمان يصادق على قانون المالية التعديلي", published: time.Date(2025, 3, 1, 15, 45, 0, 0, time.UTC),
			contains: "التوازنات العامة & دعم الفئات الهشة"},
		{where: "trec.xml:18", id: "RS-localNews-2-20250302", title: "إضراب في قطاع النقل بصفاقس", published: day(2025, 3, 2),
			contains: "المتأخرة.\n\nوأفاد الكاتب العام", absent: "<P>"},
	},
}

// TestReadKinds reads each fixture of testdata/kinds as a file, gzipped,
// and on standard input.
func TestReadKinds(t *testing.T) {
	dir := t.TempDir()
	for name, wants := range kindWants {
		path := filepath.Join("testdata/kinds", name)
		t.Run(name, func(t *testing.T) {
			checkWant(t, collect(t, []string{path}, nil, kindOpt), wants)
		})
		t.Run(name+".gz", func(t *testing.T) {
			gz := filepath.Join(dir, filepath.Base(name)+".gz")
			writeGzip(t, gz, readFile(t, path))
			got := collect(t, []string{gz}, nil, kindOpt)
			ws := gzWants(wants, filepath.Base(name))
			checkWant(t, got, ws)
		})
		if strings.HasSuffix(name, ".txt") {
			continue // plain text on stdin has no name to take an ID from
		}
		t.Run(name+" on stdin", func(t *testing.T) {
			got := collect(t, []string{"-"}, bytes.NewReader(readFile(t, path)), kindOpt)
			ws := make([]want, len(wants))
			for i, w := range wants {
				w.where = "stdin" + w.where[strings.IndexAny(w.where+":", ":#"):]
				if strings.HasPrefix(w.id, "page") {
					w.id, w.source = "stdin", ""
				}
				ws[i] = w
			}
			checkWant(t, got, ws)
		})
	}
}

// gzWants adapts the wants of a fixture to its gzipped copy in a temporary
// folder.
func gzWants(wants []want, base string) []want {
	ws := make([]want, len(wants))
	for i, w := range wants {
		w.where = strings.Replace(w.where, base, base+".gz", 1)
		if w.source == "kinds" || w.source == "wire" {
			w.source = ""
		}
		ws[i] = w
	}
	return ws
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func writeGzip(t testing.TB, path string, b []byte) { writeFile(t, path, gzipBytes(b)) }

// testWARC is a small crawl: a warcinfo, a request, two pages, a 404, an
// image and a metadata record.
func testWARC(t testing.TB, gz bool) ([]byte, []int) {
	page := string(readFile(t, "testdata/kinds/page.html"))
	undated := string(readFile(t, "testdata/kinds/page1256.html"))
	undated = strings.Replace(undated, `<meta name="date" content="2024-04-26">`, "", 1)
	d := time.Date(2025, 3, 5, 1, 2, 3, 0, time.UTC)
	return buildWARC(t, gz,
		warcRec{typ: gowarc.Warcinfo, date: d},
		warcRec{typ: gowarc.Request, uri: "https://almarsad.example/a", date: d},
		warcRec{typ: gowarc.Response, uri: "https://almarsad.example/a", date: d, status: "200 OK",
			ctype: "text/html; charset=utf-8", body: page},
		warcRec{typ: gowarc.Response, uri: "https://almarsad.example/missing", date: d, status: "404 Not Found",
			ctype: "text/html", body: "<html><body><p>الصفحة غير موجودة</p></body></html>"},
		warcRec{typ: gowarc.Response, uri: "https://almarsad.example/logo.png", date: d, status: "200 OK",
			ctype: "image/png", body: "\x89PNG\r\n\x1a\n\x00\x00"},
		warcRec{typ: gowarc.Metadata, uri: "https://almarsad.example/a", date: d, payload: "fetchTimeMs: 120"},
		warcRec{typ: gowarc.Response, uri: "https://tunis-culture.example/book-fair", date: d, status: "200 OK",
			ctype: "text/html", body: undated, id: "<urn:uuid:7d3c1a52-2f1e-4b8e-9a0c-3c3b2f5e9d41>"},
	)
}

func TestReadWARC(t *testing.T) {
	dir := t.TempDir()
	for _, gz := range []bool{false, true} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			b, offs := testWARC(t, gz)
			path := filepath.Join(dir, name)
			writeFile(t, path, b)
			got := collect(t, []string{path}, nil, kindOpt)
			checkWant(t, got, []want{
				{where: name + "@" + itoa(offs[2]), id: "urn:uuid:00000000-0000-4000-8000-000000000003",
					url: "https://almarsad.example/a", source: "صحيفة المرصد",
					published: time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC), contains: "ورحب مندوب السودان"},
				{where: name + "@" + itoa(offs[6]), id: "urn:uuid:7d3c1a52-2f1e-4b8e-9a0c-3c3b2f5e9d41",
					url: "https://tunis-culture.example/book-fair", source: "tunis-culture.example",
					title:     "افتتاح معرض الكتاب في تونس",
					published: time.Date(2025, 3, 5, 1, 2, 3, 0, time.UTC), // WARC-Date: the page has none
					contains:  "معرض تونس الدولي للكتاب"},
			})
			// On standard input, sniffed.
			if got := collect(t, []string{"-"}, bytes.NewReader(b), kindOpt); len(got) != 2 || got[0].Err != nil {
				t.Errorf("WARC on stdin: %v", got)
			}
		})
	}
}

// TestReadWARCTruncated cuts a WARC at several places: the records before
// the cut are read, then one error names the offset of the cut record.
func TestReadWARCTruncated(t *testing.T) {
	dir := t.TempDir()
	for _, gz := range []bool{false, true} {
		b, offs := testWARC(t, gz)
		last := offs[6]
		for _, c := range []struct {
			name string
			cut  int
			msg  string
		}{
			{"in the last payload", last + (len(b)-last)/2, "truncated WARC record"},
			{"in the last header", last + 60, "WARC record"},
			{"after the magic", last + 3, "truncated WARC record"},
			{"in the 404 record", offs[3] + 40, "WARC record"},
		} {
			name := "cut.warc"
			if gz {
				name += ".gz"
			}
			t.Run(name+" "+c.name, func(t *testing.T) {
				path := filepath.Join(dir, name)
				writeFile(t, path, b[:c.cut])
				got := collect(t, []string{path}, nil, kindOpt)
				for _, it := range got {
					checkItem(t, it)
				}
				if len(got) != 2 || got[0].Err != nil || got[1].Err == nil {
					for _, it := range got {
						t.Logf("%s: %v", it.Where, it.Err)
					}
					t.Fatalf("want a page then an error, got %d items", len(got))
				}
				wantAt := last
				if c.cut < last {
					wantAt = offs[3]
				}
				if !strings.HasSuffix(got[1].Where, "@"+itoa(wantAt)) || !strings.Contains(got[1].Err.Error(), c.msg) || !errors.Is(got[1].Err, ErrMalformed) {
					t.Errorf("error %s: %v, want @%d: %s", got[1].Where, got[1].Err, wantAt, c.msg)
				}
			})
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
