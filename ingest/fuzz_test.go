package ingest

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// fuzzRead reads data as a stream of kind k and checks every Item: an
// error with an empty document, or a document with valid UTF-8. A panic
// fails the fuzz test; so does a reader that does not stop.
func fuzzRead(t *testing.T, k kind, name string, data []byte) {
	out := make(chan Item, 16)
	go func() {
		defer close(out)
		r := &reader{ctx: context.Background(), opt: Options{MaxBytes: 1 << 20, Published: fallback}, out: out}
		r.readKind(k, src{name: name, stem: "fuzz", size: int64(len(data))}, bufio.NewReader(bytes.NewReader(data)))
	}()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case it, ok := <-out:
			if !ok {
				return
			}
			checkItem(t, it)
		case <-timeout:
			t.Fatalf("reading %d bytes as %v does not end", len(data), k)
		}
	}
}

// addSeeds adds the fixtures with one of the extensions, and a few cuts
// of each, to the corpus of f.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		paths, _ := filepath.Glob("testdata/kinds/*" + ext)
		more, _ := filepath.Glob("testdata/kinds/*/*" + ext)
		for _, p := range append(paths, more...) {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			f.Add(b[:len(b)/2])
			f.Add(b[:len(b)*9/10])
		}
	}
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte("{\"id\":1,\"text\":\"\\ud800\",\"published\":\"2025-02-30\"}\n\xff\xfe{}\n[]\nnull\n"))
	f.Add([]byte(`{"text":"نص","id":1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, kindJSONL, "fuzz.jsonl", data) })
}

func FuzzTREC(f *testing.F) {
	addSeeds(f, ".xml")
	f.Add([]byte("<DOC><DOCNO>a</DOCNO><TEXT><P>نص</P><</TEXT></DOC><DOC><DOC></DOC></DOC><doc x><text>ب</text></doc"))
	f.Add([]byte("<DOC>\n<TIME>31/02/2025</TIME><TEXT>\xc7\xe1\xe3\xdb\xd1\xc8</TEXT></DOC>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, kindTREC, "fuzz.xml", data) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<html><head><meta charset="x-unknown"><script type="application/ld+json">[[[{"@graph":{"datePublished":7}}]]]</script></head><body><p>نص</p>`))
	f.Add([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=utf-16"><p>abc</p>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, kindHTML, "fuzz.html", data) })
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, ".rss", ".atom")
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1256"?><rss><channel><item><description>&lt;p&gt;</description></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_html":"<p>نص</p>"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, kindFeed, "fuzz.rss", data) })
}

func FuzzWARC(f *testing.F) {
	for _, gz := range []bool{false, true} {
		b, offs := testWARC(f, gz)
		f.Add(b)
		for _, o := range offs[1:] {
			f.Add(b[:o+40])
		}
	}
	d := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	b, _ := buildWARC(f, false, warcRec{typ: gowarc.Response, uri: "https://x.example/", date: d, status: "200 OK",
		ctype: "text/html", body: "<p>نص</p>"})
	f.Add(b)
	f.Add(bytes.Replace(b, []byte("Content-Length: "), []byte("Content-Length: 9"), 1))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, kindWARC, "fuzz.warc", data) })
}
