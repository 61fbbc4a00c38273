package main

import (
	"encoding/json"
	"math"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"rasid/internal/pgtest"
	"rasid/store"
)

// TestPostgresDB: the commands that take --db take a postgres:// URL.
// ingest stores into PostgreSQL what it stores into SQLite (a rerun adds
// nothing), and events, export, search and stats print the same from
// both, and none shows the URL's password.
func TestPostgresDB(t *testing.T) {
	url := pgtest.Schema(t)
	if testing.Short() {
		t.Skip("builds the command")
	}
	// The password no output may show: the URL's own, or one added (a
	// server that trusts loopback ignores it).
	u, err := neturl.Parse(url)
	if err != nil {
		t.Fatal(err)
	}
	secret, ok := u.User.Password()
	if !ok && u.User.Username() != "" {
		secret = "s3cret"
		u.User = neturl.UserPassword(u.User.Username(), secret)
		url = u.String()
	}
	bin := buildRasid(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, articles(300), 0o644); err != nil {
		t.Fatal(err)
	}
	lite := filepath.Join(dir, "rasid.db")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("rasid %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if secret != "" && strings.Contains(string(out), secret) {
			t.Errorf("rasid %s shows the password:\n%s", args[0], out)
		}
		return string(out)
	}
	for _, db := range []string{lite, url} {
		run("ingest", "--near", "-1", "--db", db, in)
	}
	if out := run("ingest", "--near", "-1", "--db", url, in); !strings.Contains(out, "new 0 (0 events), duplicate 300") {
		t.Errorf("a rerun of ingest into PostgreSQL: %s", out)
	}
	if a, b := export(t, bin, lite), export(t, bin, url); a != b || !strings.Contains(b, `"code":"043"`) {
		t.Errorf("export from PostgreSQL differs from SQLite's (%d vs %d bytes)", len(b), len(a))
	}
	for _, args := range [][]string{
		{"events", "--format", "csv", "--either", "MAR", "--from", "2024-05-03"},
		{"search", "المغربي"},
		{"stats"},
	} {
		want := run(append(append([]string{}, args...), "--db", lite)...)
		got := run(append(append([]string{}, args...), "--db", url)...)
		switch args[0] {
		case "events": // event ids start apart
			want, got = dropFirstColumn(want), dropFirstColumn(got)
		case "stats": // sums of Goldstein weights added in another order
			want, got = roundStats(t, want), roundStats(t, got)
		}
		if got != want || len(got) < 50 {
			t.Errorf("rasid %s: PostgreSQL printed\n%.600s\nSQLite\n%.600s", strings.Join(args, " "), got, want)
		}
	}
}

func dropFirstColumn(csv string) string {
	var b strings.Builder
	for _, l := range strings.Split(csv, "\n") {
		_, rest, _ := strings.Cut(l, ",")
		b.WriteString(rest + "\n")
	}
	return b.String()
}

// roundStats rounds the mean Goldstein weights of stats' output.
func roundStats(t *testing.T, out string) string {
	var s store.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats: %v\n%s", err, out)
	}
	for i := range s.TopDyads {
		s.TopDyads[i].Goldstein = math.Round(s.TopDyads[i].Goldstein*1e9) / 1e9
	}
	b, _ := json.MarshalIndent(s, "", "  ")
	return string(b)
}
