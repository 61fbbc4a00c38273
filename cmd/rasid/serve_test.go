package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutine and the
// test's.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs m on a loopback port until the test ends and returns
// the page's address and the function that stops it (waiting for Run).
func startServe(t *testing.T, m *serveMain) (string, *syncBuffer, func() error) {
	t.Helper()
	out := &syncBuffer{}
	m.Stdout, m.Stderr = out, out
	m.Addr = "127.0.0.1:0"
	ready := make(chan string, 1)
	m.Ready = func(url string) { ready <- url }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	stop := func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("rasid serve did not stop within 10 s")
			return nil
		}
	}
	t.Cleanup(func() { cancel() })
	select {
	case url := <-ready:
		return url, out, stop
	case err := <-done:
		t.Fatalf("rasid serve stopped: %v\n%s", err, out)
	case <-time.After(60 * time.Second):
		t.Fatalf("rasid serve did not start within 60 s\n%s", out)
	}
	return "", nil, nil
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, res.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// TestServeDemo starts `rasid serve --demo` on a loopback port, asks the
// API and the page, and stops it as SIGINT would (its context ends).
func TestServeDemo(t *testing.T) {
	url, out, stop := startServe(t, &serveMain{Demo: true})
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.Contains(out.String(), "open "+url) {
		t.Errorf("page address %q; output:\n%s", url, out)
	}
	var health map[string]string
	getJSON(t, url+"healthz", &health)
	if health["status"] != "ok" {
		t.Errorf("healthz %v", health)
	}
	var stats struct{ Articles, Events int }
	getJSON(t, url+"api/stats", &stats)
	if stats.Articles < 50 || stats.Events < 100 {
		t.Errorf("demo corpus: %d articles, %d events", stats.Articles, stats.Events)
	}
	var actors struct {
		Actors []struct{ Code, Name string }
	}
	getJSON(t, url+"api/actors?limit=5", &actors)
	if len(actors.Actors) == 0 || actors.Actors[0].Name == "" {
		t.Errorf("actors without Arabic names: %+v", actors)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), `dir="rtl"`) {
		t.Errorf("the page is not right to left: %.200s", page)
	}
	// Ingest is off without a token.
	res, err = http.Post(url+"api/articles", "application/json", strings.NewReader(`{"id":"x","text":"نص"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("POST /api/articles without a token: %d, want 403", res.StatusCode)
	}
	if err := stop(); err != nil {
		t.Errorf("stopping: %v", err)
	}
	if !strings.Contains(out.String(), "stopped") {
		t.Errorf("no word of stopping:\n%s", out)
	}
	if _, err := http.Get(url + "healthz"); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

// TestServeDB serves a database file and takes articles with the token.
func TestServeDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "served.db")
	url, out, stop := startServe(t, &serveMain{DB: db, Token: "tok"})
	if !strings.Contains(out.String(), db) {
		t.Errorf("the output does not name the database:\n%s", out)
	}
	req, _ := http.NewRequest("POST", url+"api/articles", strings.NewReader(
		`{"id":"a1","published":"2025-03-06","text":"أجرى وزير الخارجية المغربي ناصر بوريطة، أمس، اتصالاً هاتفياً مع نظيره الروسي سيرغي لافروف."}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("POST /api/articles: %d %s", res.StatusCode, b)
	}
	var page struct {
		Events []struct{ Code, Date string }
	}
	getJSON(t, url+"api/events", &page)
	if len(page.Events) == 0 || page.Events[0].Code != "041" || page.Events[0].Date != "2025-03-05" {
		t.Errorf("events of the posted article: %+v", page.Events)
	}
	if err := stop(); err != nil {
		t.Errorf("stopping: %v", err)
	}
}

func TestServeFlags(t *testing.T) {
	cmd := newServeCommand()
	for flag, def := range map[string]string{"addr": DefaultAddr, "db": "", "demo": "false", "token": ""} {
		f := cmd.Flags().Lookup(flag)
		if f == nil {
			t.Errorf("no --%s", flag)
			continue
		}
		if f.DefValue != def {
			t.Errorf("--%s defaults to %q, want %q", flag, f.DefValue, def)
		}
	}
	if !strings.HasPrefix(DefaultAddr, "127.0.0.1:") {
		t.Errorf("the default address %s is not loopback", DefaultAddr)
	}
	m := &serveMain{Demo: true, DB: "x.db"}
	if err := m.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "exclude") {
		t.Errorf("--demo with --db: %v", err)
	}
	m = &serveMain{DB: filepath.Join(t.TempDir(), "x.db"), Addr: "127.0.0.1:-1"}
	if err := m.Run(context.Background()); err == nil {
		t.Error("a bad address is not an error")
	}
}

func TestPageURL(t *testing.T) {
	for _, c := range []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080/"},
		{"0.0.0.0:80", "http://127.0.0.1:80/"},
		{"[::1]:9000", "http://[::1]:9000/"},
	} {
		a, err := net.ResolveTCPAddr("tcp", c.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := pageURL(a); got != c.want {
			t.Errorf("pageURL(%s) = %s, want %s", c.addr, got, c.want)
		}
	}
}
