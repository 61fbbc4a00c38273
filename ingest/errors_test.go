package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/charmap"
)

// TestReadMixedFolder reads a folder of good and bad files: every good
// article is read, every bad file is reported with its reason, in the
// order of the file names, and nothing panics.
func TestReadMixedFolder(t *testing.T) {
	dir := t.TempDir()
	article := readFile(t, "testdata/kinds/wire/rabat-call.txt")
	write := func(name string, b []byte) { writeFile(t, filepath.Join(dir, name), b) }

	write("a-good.txt", article)
	write("b-notes.jsonl", []byte(`{"id":"n1","published":"2025-03-01","text":"وصل وفد قطري إلى الخرطوم."}
{"id":"n2","text":"رسالة لم تكتمل
{"id":"n3","published":"2025/13/45","text":"تاريخ غير صحيح."}
{"id":"n4","text":"عادت الحركة إلى طبيعتها في الميناء."}
`))
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes(article)
	if err != nil {
		t.Fatal(err)
	}
	write("c-arabic1256.txt", cp1256)
	latin1, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte("Le président a reçu à Alger le ministre égyptien des affaires étrangères, été oblige."))
	write("d-french-latin1.txt", latin1)
	broken := bytes.Replace(article, []byte("الثلاثاء"), []byte("الثلا\xff\xfeثاء"), 1)
	write("e-broken.txt", broken)
	junk := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 4000 {
		junk = append(junk, byte(rng.UintN(256)))
	}
	write("f-junk.txt", junk)
	write("g-empty.txt", nil)
	write("h-blank.txt", []byte(" \n\t\n"))
	warc, offs := testWARC(t, true)
	write("i-crawl.warc.gz", warc[:offs[6]+(len(warc)-offs[6])/2])
	write("j-big.txt", nil)
	f, err := os.Create(filepath.Join(dir, "j-big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	for n := 0; n < 50<<20; n += len(article) {
		bw.Write(article)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write("k-photo.jpg", junk)                                                       // not a kind Read knows: skipped
	write(".hidden/secret.txt", article)                                             // hidden: skipped
	write("sub/more.jsonl.gz", gzipBytes(readFile(t, "testdata/kinds/items.jsonl"))) // recursive, gzipped

	opt := kindOpt
	var skipped []string
	opt.Skipped = func(path, reason string) { skipped = append(skipped, filepath.Base(path)+": "+reason) }
	start := time.Now()
	got := collect(t, []string{dir}, nil, opt)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reading the folder took %v: is the 50 MB file read?", d)
	}
	checkWant(t, got, []want{
		{where: "a-good.txt", id: "a-good", source: filepath.Base(dir), published: fallback, contains: "اتصالا هاتفيا"},
		{where: "b-notes.jsonl:1", id: "n1", published: day(2025, 3, 1), contains: "وفد قطري"},
		{where: "b-notes.jsonl:2", err: "invalid JSON", kind: ErrMalformed},
		{where: "b-notes.jsonl:3", err: `field "published": "2025/13/45" is not YYYY-MM-DD or RFC 3339`, kind: ErrMalformed},
		{where: "b-notes.jsonl:4", id: "n4", published: fallback, contains: "الميناء"},
		{where: "c-arabic1256.txt", id: "c-arabic1256", published: fallback, contains: "أجرى وزير الخارجية المغربي اتصالا هاتفيا"},
		{where: "d-french-latin1.txt", err: "not UTF-8 text (binary?)", kind: ErrNotText},
		{where: "e-broken.txt", id: "e-broken", published: fallback, contains: "الثلا\uFFFDثاء"},
		{where: "f-junk.txt", err: "not UTF-8 text (binary?)", kind: ErrNotText},
		{where: "g-empty.txt", err: "empty file", kind: ErrEmpty},
		{where: "h-blank.txt", err: "no text (only white space)", kind: ErrEmpty},
		{where: "i-crawl.warc.gz@" + itoa(offs[2]), id: "urn:uuid:00000000-0000-4000-8000-000000000003",
			published: time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC), contains: "ورحب مندوب السودان"},
		{where: "i-crawl.warc.gz@" + itoa(offs[6]), err: "truncated WARC record", kind: ErrMalformed},
		{where: "j-big.txt", err: "document larger than 10 MB", kind: ErrTooLarge},
		{where: "more.jsonl.gz:1", id: "jl-1", published: day(2025, 2, 3), contains: "ملف المياه"},
		{where: "more.jsonl.gz:2", id: "42", published: time.Date(2025, 2, 4, 10, 20, 0, 0, time.UTC), contains: "طائرة"},
		{where: "more.jsonl.gz:4", id: "jl-3", published: fallback, contains: "الدوحة"},
	})
	if want := []string{".hidden: hidden folder", "k-photo.jpg: unknown extension .jpg"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}

// TestReadMissing names sources that are not there.
func TestReadMissing(t *testing.T) {
	got := collect(t, []string{"testdata/no-such-file.txt", "https://example.org/feed.xml"}, nil, Options{})
	checkWant(t, got, []want{
		{where: "testdata/no-such-file.txt", err: "no such file or directory"},
		{where: "https://example.org/feed.xml", err: "cannot read a URL: fetching is off (Options.Fetch is nil)"},
	})
}

// genReader produces a long stream lazily: unit(i) for i = 0, 1, … until
// size bytes, counting what has been read.
type genReader struct {
	unit func(i int) []byte
	size int64
	read int64
	i    int
	buf  []byte
}

func (g *genReader) Read(p []byte) (int, error) {
	if len(g.buf) == 0 {
		if g.read >= g.size {
			return 0, io.EOF
		}
		g.buf = g.unit(g.i)
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	g.read += int64(n)
	return n, nil
}

// TestReadStreams reads 50 MB of JSONL, TREC and gzipped WARC from a
// stream: the first document comes out after a few MB have been read, the
// heap stays far below the size of the input, and every unit is read.
func TestReadStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 150 MB")
	}
	const size = 50 << 20
	para := strings.Repeat("وأكد المتحدث باسم الحكومة أن المفاوضات مستمرة مع الشركاء الدوليين لتأمين التمويل اللازم. ", 8)
	png := make([]byte, 900<<10) // an image the WARC reader skips
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range png {
		png[i] = byte(rng.UintN(256))
	}
	d := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	warcUnit, _ := buildWARC(t, true,
		warcRec{typ: gowarc.Response, uri: "https://x.example/logo.png", date: d, status: "200 OK", ctype: "image/png", body: string(png)},
		warcRec{typ: gowarc.Response, uri: "https://x.example/a", date: d, status: "200 OK", ctype: "text/html",
			body: "<html><body><article><p>" + para + "</p></article></body></html>"})
	for _, c := range []struct {
		name string
		unit func(i int) []byte
	}{
		{"jsonl", func(i int) []byte {
			return fmt.Appendf(nil, `{"id":"s%d","published":"2025-03-05","text":%q}`+"\n", i, para)
		}},
		{"trec", func(i int) []byte {
			return fmt.Appendf(nil, "<DOC>\n<DOCNO>s%d</DOCNO>\n<TIME>05/03/2025</TIME>\n<TEXT>\n%s\n</TEXT>\n</DOC>\n", i, para)
		}},
		{"warc.gz", func(int) []byte { return warcUnit }},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &genReader{unit: c.unit, size: size}
			out := make(chan Item)
			go Read(context.Background(), []string{"-"}, g, Options{}, out)
			var docs, units int
			var firstAt int64 = -1
			var peak uint64
			var ms runtime.MemStats
			for it := range out {
				if it.Err != nil {
					t.Fatalf("%s: %v", it.Where, it.Err)
				}
				if firstAt < 0 {
					firstAt = g.read
				}
				if docs%500 == 0 {
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
				}
				docs++
			}
			units = g.i
			if c.name == "warc.gz" {
				units = g.i // one page per unit
			}
			if docs != units {
				t.Errorf("read %d documents of %d", docs, units)
			}
			if firstAt > 4<<20 {
				t.Errorf("the first document came after %d bytes: the stream is not read as a stream", firstAt)
			}
			if peak > 40<<20 {
				t.Errorf("heap reached %d MB for a 50 MB stream", peak>>20)
			}
			t.Logf("%s: %d documents, first after %d KB, heap peak %d MB", c.name, docs, firstAt>>10, peak>>20)
		})
	}
}

// TestReadLimits sets a small MaxBytes: each kind reports the document
// that is over it and goes on with the next one.
func TestReadLimits(t *testing.T) {
	opt := Options{MaxBytes: 1 << 10, Published: fallback}
	long := strings.Repeat("كلمة ", 400) // 4 KB
	short := "خبر قصير عن اجتماع الحكومة."
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "l.jsonl")
	writeFile(t, jsonl, fmt.Appendf(nil, "{\"id\":\"a\",\"text\":%q}\n{\"id\":\"b\",\"text\":%q}\n", long, short))
	trec := filepath.Join(dir, "l.xml")
	writeFile(t, trec, fmt.Appendf(nil, "<DOC><DOCNO>a</DOCNO><TEXT>%s</TEXT></DOC>\n<DOC><DOCNO>b</DOCNO><TEXT>%s</TEXT></DOC>\n", long, short))
	txt := filepath.Join(dir, "l.txt")
	writeFile(t, txt, []byte(long))
	feed := filepath.Join(dir, "l.rss")
	writeFile(t, feed, fmt.Appendf(nil, `<rss version="2.0"><channel><title>t</title><item><description>%s</description></item></channel></rss>`, long))
	d := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	warcBytes, offs := buildWARC(t, false,
		warcRec{typ: gowarc.Response, uri: "https://x.example/a", date: d, status: "200 OK", ctype: "text/html", body: "<p>" + long + "</p>"},
		warcRec{typ: gowarc.Response, uri: "https://x.example/b", date: d, status: "200 OK", ctype: "text/html", body: "<p>" + short + "</p>"})
	warc := filepath.Join(dir, "l.warc")
	writeFile(t, warc, warcBytes)

	got := collect(t, []string{jsonl, trec, txt, feed, warc}, nil, opt)
	checkWant(t, got, []want{
		{where: "l.jsonl:1", err: "line larger than 1 KB", kind: ErrTooLarge},
		{where: "l.jsonl:2", id: "b", published: fallback, contains: short},
		{where: "l.xml:1", err: "document larger than 1 KB", kind: ErrTooLarge},
		{where: "l.xml:2", id: "b", published: fallback, contains: short},
		{where: "l.txt", err: "document larger than 1 KB", kind: ErrTooLarge},
		{where: "l.rss", err: "feed larger than 1 KB", kind: ErrTooLarge},
		{where: "l.warc@" + itoa(offs[0]), err: "page larger than 1 KB", kind: ErrTooLarge},
		{where: "l.warc@" + itoa(offs[1]), id: "urn:uuid:00000000-0000-4000-8000-000000000002", published: d, contains: short},
	})

	// Plain text of unknown size on stdin: only MaxBytes (and a buffer) is read.
	g := &genReader{unit: func(int) []byte { return []byte(long) }, size: 50 << 20}
	got = collect(t, []string{"-"}, g, opt)
	checkWant(t, got, []want{{where: "stdin", err: "document larger than 1 KB", kind: ErrTooLarge}})
	if g.read > 128<<10 {
		t.Errorf("read %d bytes of a stream to find it too large", g.read)
	}
}

// TestJSONLErrors lists what a bad line says.
func TestJSONLErrors(t *testing.T) {
	for _, c := range []struct{ line, err string }{
		{`{"id":"x","text":"نص`, "invalid JSON at byte"},
		{`{"id":"x" "text":"نص"}`, "invalid JSON at byte 11: invalid character '\"' after object key:value pair"},
		{`[1,2]`, "not a JSON object but array"},
		{`null`, "not a JSON object but null"},
		{`{"id":"x"}`, `field "text" is missing`},
		{`{"text":42}`, `field "text": want a string, got a number`},
		{`{"text":"  "}`, `field "text" is empty`},
		{`{"id":{"a":1},"text":"نص"}`, `field "id": want a string or a number, got an object`},
		{`{"text":"نص","published":"2025/13/01"}`, `field "published": "2025/13/01" is not YYYY-MM-DD or RFC 3339`},
		{`{"text":"نص","published":20250101}`, `field "published": want a string, got a number`},
		{`{"text":"نص","url":["a"]}`, `field "url": want a string, got an array`},
		{`{"text":"نص","title":true}`, `field "title": want a string, got a boolean`},
	} {
		_, err := parseJSONItem([]byte(c.line), fallback)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want %q", c.line, err, c.err)
		}
	}
	// What a good line may leave out.
	got := collect(t, []string{"-"}, strings.NewReader("{\"text\":\"نص\",\"published\":null}\r\n\n{\"text\":\"نص آخر\",\"published\":\"\"}"), kindOpt)
	checkWant(t, got, []want{
		{where: "stdin:1", id: "stdin-1", published: fallback, contains: "نص"},
		{where: "stdin:3", id: "stdin-3", published: fallback, contains: "نص آخر"},
	})
}

// TestTRECEdges reads TREC files that are not as tidy as the ANT corpus.
func TestTRECEdges(t *testing.T) {
	in := "<?xml version=\"1.0\"?>\n<DOC><DOCNO>a</DOCNO><TEXT>نص أول</TEXT></DOC><DOC><DOCNO>b</DOCNO><TEXT>نص ثان</TEXT></DOC>\n" +
		"<doc>\n<docno>c</docno>\n<date>2025-01-02</date>\n<text>نص بحروف صغيرة</text>\n</doc>\n" +
		"<DOC>\n<DOCNO>d</DOCNO>\n<TEXT>لا نهاية له</TEXT>\n" +
		"<DOC>\n<DOCNO>e</DOCNO>\n<TIME>أمس</TIME>\n<TEXT>تاريخ غير مفهوم</TEXT>\n</DOC>\n" +
		"<DOC>\n<DOCNO>f</DOCNO>\n<TITLE>بلا نص</TITLE>\n<TEXT>\n</TEXT>\n</DOC>\n" +
		"<DOC>\n<TEXT>بلا رقم 3 &lt; 4</TEXT>\n</DOC>\n" +
		"<DOC>\n<DOCNO>h</DOCNO>\n<TEXT>انقطع الملف"
	got := collect(t, []string{"-"}, strings.NewReader(in), kindOpt)
	checkWant(t, got, []want{
		{where: "stdin:2", id: "a", published: fallback, contains: "نص أول"},
		{where: "stdin:2", id: "b", published: fallback, contains: "نص ثان"},
		{where: "stdin:3", id: "c", published: day(2025, 1, 2), contains: "نص بحروف صغيرة"},
		{where: "stdin:8", err: "<DOC> has no </DOC> before the next <DOC>", kind: ErrMalformed},
		{where: "stdin:11", err: `<TIME> "أمس" is not a date`, kind: ErrMalformed},
		{where: "stdin:16", err: "<DOC> has no <TEXT>", kind: ErrEmpty},
		{where: "stdin:22", id: "stdin-7", published: fallback, contains: "بلا رقم 3 < 4"},
		{where: "stdin:25", err: "<DOC> is not closed: the file ends first (truncated?)", kind: ErrMalformed},
	})
}

// fakeWeb is a Fetch over a map of URLs.
func fakeWeb(pages map[string]string) func(context.Context, string) (io.ReadCloser, error) {
	return func(ctx context.Context, url string) (io.ReadCloser, error) {
		p, ok := pages[url]
		if !ok {
			return nil, errors.New("404 Not Found")
		}
		return io.NopCloser(strings.NewReader(p)), nil
	}
}

// TestFeedFetch reads a feed from a URL with a fake Fetch: the item that
// carries only a summary is replaced by its article.
func TestFeedFetch(t *testing.T) {
	rss := string(readFile(t, "testdata/kinds/feed.rss"))
	page := string(readFile(t, "testdata/kinds/page.html"))
	opt := Options{Published: fallback, Fetch: fakeWeb(map[string]string{
		"https://almarsad.example/rss":       rss,
		"https://almarsad.example/news/1002": page,
	})}
	got := collect(t, []string{"https://almarsad.example/rss"}, nil, opt)
	checkWant(t, got, []want{
		{where: "https://almarsad.example/rss#item1", id: "almarsad-1001", published: time.Date(2025, 2, 10, 7, 15, 0, 0, time.UTC),
			contains: "واتفق الجانبان"},
		{where: "https://almarsad.example/rss#item2", id: "https://almarsad.example/news/1002", title: "مجلس الأمن يمدد ولاية بعثته في ليبيا",
			published: time.Date(2025, 2, 11, 18, 40, 0, 0, time.UTC), contains: "ورحب مندوب السودان بقرارات الاجتماع", absent: "اتصل بنا"},
	})
	// The article is not there: the item is an error, the others are read.
	opt.Fetch = fakeWeb(map[string]string{"https://almarsad.example/rss": rss})
	got = collect(t, []string{"https://almarsad.example/rss"}, nil, opt)
	checkWant(t, got, []want{
		{where: "rss#item1", id: "almarsad-1001", published: time.Date(2025, 2, 10, 7, 15, 0, 0, time.UTC), contains: "واتفق الجانبان"},
		{where: "rss#item2", err: "fetching https://almarsad.example/news/1002: 404 Not Found"},
	})
}

// TestHTMLMeta checks where a page's date and title come from.
func TestHTMLMeta(t *testing.T) {
	body := `<body><article><p>عقد مجلس الوزراء اجتماعه الأسبوعي برئاسة رئيس الحكومة، وصادق على عدد من مشاريع القوانين والمراسيم المتعلقة بالاستثمار والتشغيل.</p></article></body>`
	for _, c := range []struct {
		name, head string
		want       time.Time
		title      string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2025-02-01T09:00:00Z">`, time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC), ""},
		{"JSON-LD @graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"اجتماع الحكومة","datePublished":"2025-02-02T10:00:00+01:00"}]}</script>`,
			time.Date(2025, 2, 2, 9, 0, 0, 0, time.UTC), "اجتماع الحكومة"},
		{"meta date", `<meta name="date" content="2025-02-03">`, day(2025, 2, 3), ""},
		{"og:published_time", `<meta property="og:published_time" content="2025-02-04 08:00:00">`, time.Date(2025, 2, 4, 8, 0, 0, 0, time.UTC), ""},
		{"itemprop", `<meta itemprop="datePublished" content="2025-02-05T12:00:00+03:00">`, time.Date(2025, 2, 5, 9, 0, 0, 0, time.UTC), ""},
		{"Arabic-Indic digits", `<meta name="pubdate" content="٢٠٢٥-٠٢-٠٦">`, day(2025, 2, 6), ""},
		{"time element", `</head><body><time itemprop="datePublished" datetime="2025-02-07">٧ فبراير</time>`, day(2025, 2, 7), ""},
		{"none", ``, time.Time{}, ""},
		{"nonsense", `<meta name="date" content="0000-00-00">`, time.Time{}, ""},
	} {
		pg, err := extractHTML([]byte("<html><head><title>عنوان الصفحة</title>"+c.head+"</head>"+body+"</html>"), "", "")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !pg.published.Equal(c.want) {
			t.Errorf("%s: published %v, want %v", c.name, pg.published, c.want)
		}
		if c.title != "" && pg.title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, pg.title, c.title)
		}
		if !strings.Contains(pg.text, "عقد مجلس الوزراء") {
			t.Errorf("%s: text %q", c.name, pg.text)
		}
	}
	if _, err := extractHTML([]byte("<html><head><title>فارغة</title></head><body> </body></html>"), "", ""); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty page: %v", err)
	}
}

// TestReadCancel stops reading when the context is cancelled.
func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Item)
	errc := make(chan error, 1)
	go func() { errc <- Read(ctx, []string{"testdata/kinds"}, nil, Options{}, out) }()
	<-out
	cancel()
	for range out { // drained and closed
	}
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("Read returned %v after cancel", err)
	}
}

// TestDetect checks the sniffing of streams without a telling extension.
func TestDetect(t *testing.T) {
	for _, c := range []struct {
		ext, head string
		want      kind
	}{
		{"", "WARC/1.1\r\n", kindWARC},
		{".txt", "\ufeff<DOC>\n<DOCNO>", kindTREC},
		{".xml", "<?xml version=\"1.0\"?>\n<!-- x -->\n<DOC>", kindTREC},
		{".xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">", kindFeed},
		{".xml", "<!DOCTYPE html><html>", kindHTML},
		{"", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", kindFeed},
		{"", "<rdf:RDF xmlns:rdf=", kindFeed},
		{"", "<!doctype html>\n<html lang=\"ar\">", kindHTML},
		{"", "  {\"id\":1}", kindJSONL},
		{"", "أجرى وزير الخارجية", kindText},
		{".md", "# عنوان", kindText},
		{".jsonl", "not json", kindJSONL},
		{".html", "مجرد نص", kindHTML},
	} {
		if got, ok := detect(c.ext, []byte(c.head)); !ok || got != c.want {
			t.Errorf("detect(%q, %q) = %v, %v; want %v", c.ext, c.head, got, ok, c.want)
		}
	}
	if _, ok := detect(".txt", []byte("abc\x00def")); ok {
		t.Error("a NUL byte is text")
	}
	if _, ok := detect(".txt", []byte("\xff\xfeA\x00B\x00")); ok {
		t.Error("UTF-16 is UTF-8 text")
	}
}

// TestReadTruncatedGzip cuts gzipped files short: what was read before
// the cut is kept and the cut is reported.
func TestReadTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	var lines bytes.Buffer
	for i := range 2000 {
		fmt.Fprintf(&lines, "{\"id\":\"g%d\",\"text\":\"خبر رقم %d عن اجتماع مجلس الوزراء.\"}\n", i, i)
	}
	gz := gzipBytes(lines.Bytes())
	path := filepath.Join(dir, "cut.jsonl.gz")
	writeFile(t, path, gz[:len(gz)/2])
	got := collect(t, []string{path}, nil, kindOpt)
	last := got[len(got)-1]
	if len(got) < 100 || last.Err == nil || !strings.Contains(last.Err.Error(), "the file ends too early (truncated?)") || !errors.Is(last.Err, ErrMalformed) {
		t.Errorf("%d items, last %s: %v", len(got), last.Where, last.Err)
	}
	for _, it := range got[:len(got)-1] {
		checkItem(t, it)
		if it.Err != nil {
			t.Errorf("%s: %v", it.Where, it.Err)
		}
	}
	txt := filepath.Join(dir, "cut.txt.gz")
	writeFile(t, txt, gzipBytes(readFile(t, "testdata/kinds/wire/rabat-call.txt"))[:60])
	checkWant(t, collect(t, []string{txt}, nil, kindOpt), []want{{where: "cut.txt.gz", err: "the file ends too early (truncated?)", kind: ErrMalformed}})
}
