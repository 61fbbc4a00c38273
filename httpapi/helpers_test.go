package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rasid"
	"rasid/app"
	"rasid/coder"
	"rasid/demo"
	"rasid/ingest"
	"rasid/lexicon"
	"rasid/store"
)

// The coder and dictionaries are loaded once for all tests.
var (
	coderOnce sync.Once
	testCoder *coder.Coder
	testLex   *lexicon.Lexicon
	coderErr  error
)

func loadCoder(t testing.TB) (*coder.Coder, *lexicon.Lexicon) {
	t.Helper()
	coderOnce.Do(func() { testCoder, testLex, coderErr = app.NewCoder(nil) })
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return testCoder, testLex
}

// fixtureDocs reads testdata/articles.jsonl: a few short articles written
// for these tests.
func fixtureDocs(t testing.TB) []rasid.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []rasid.Document
	for i, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var it struct{ ID, Published, Source, URL, Title, Text string }
		if err := json.Unmarshal(line, &it); err != nil {
			t.Fatalf("testdata/articles.jsonl:%d: %v", i+1, err)
		}
		day, err := time.Parse(time.DateOnly, it.Published)
		if err != nil {
			t.Fatalf("testdata/articles.jsonl:%d: %v", i+1, err)
		}
		docs = append(docs, rasid.Document{ID: it.ID, Published: day, Source: it.Source, URL: it.URL, Title: it.Title, Text: it.Text, Lang: "ar"})
	}
	return docs
}

// openStore codes docs into a new SQLite database in a temporary folder,
// through app.Ingest as `rasid ingest` and `rasid serve --demo` do.
func openStore(t testing.TB, docs []rasid.Document) store.Store {
	t.Helper()
	c, _ := loadCoder(t)
	ctx := context.Background()
	st, err := app.OpenStore(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, d := range docs {
		if err := enc.Encode(map[string]string{
			"id": d.ID, "published": d.Published.Format(time.DateOnly), "source": d.Source,
			"url": d.URL, "title": d.Title, "text": d.Text,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := app.Ingest(ctx, st, c, []string{"-"}, &buf, app.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return st
}

// demoDocs is the embedded demo corpus.
func demoDocs(t testing.TB) []rasid.Document {
	t.Helper()
	docs, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// newServer returns a Server over st wired as rasid serve wires it, with
// a fixed clock and a logger that writes into the test's log.
func newServer(t testing.TB, st store.Store, token string) *Server {
	t.Helper()
	c, lx := loadCoder(t)
	return &Server{
		Store:  st,
		Coder:  c,
		Token:  token,
		Now:    func() time.Time { return time.Date(2025, 6, 20, 12, 0, 0, 0, time.UTC) },
		Logger: slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
		Fingerprint: func(text string) (string, uint64) {
			return ingest.ContentHash(text), ingest.SimHash(text)
		},
		Names: func(code string) (string, string) {
			if s, ok := lx.State(code); ok && len(s.Names) > 0 {
				return s.Names[0], s.English
			}
			return "", ""
		},
	}
}

// startServer serves s on a loopback port (httptest listens on
// 127.0.0.1:0) until the test ends.
func startServer(t testing.TB, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// do sends one request and returns the status, the body and the headers.
func do(t testing.TB, client *http.Client, method, url, body string, header map[string]string) (int, []byte, http.Header) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
		if header["Transfer-Encoding"] == "chunked" {
			rd = struct{ io.Reader }{rd} // no length known: sent chunked
		}
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, b, res.Header
}

// slogTo returns a logger writing text lines into w.
func slogTo(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
