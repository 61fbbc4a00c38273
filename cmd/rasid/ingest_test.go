package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildRasid builds the command into a temporary folder.
func buildRasid(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "rasid")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// articles writes n distinct articles as JSONL.
func articles(n int) []byte {
	states := []string{"المغرب", "الجزائر", "تونس", "مصر", "روسيا", "فرنسا", "إسبانيا", "الأردن", "قطر", "تركيا"}
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("استقبل وزير الخارجية المغربي ناصر بوريطة، أمس الثلاثاء، سفير %s رقم %d في الرباط، وبحث معه ملف التعاون رقم %d.", states[i%len(states)], i, i*31)
		fmt.Fprintf(&b, "{\"id\":\"k-%05d\",\"published\":\"2024-05-%02d\",\"text\":%q}\n", i, 1+i%28, text)
	}
	return b.Bytes()
}

func export(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "export", "--db", db, "--format", "jsonl").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	// Event ids depend on insertion order across runs; compare the rest.
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if i := strings.Index(l, `"article_id"`); i >= 0 {
			l = l[i:]
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// TestIngestKilledAndRerun: SIGKILL a running ingest, run it again, and
// the database holds exactly what one clean run stores.
func TestIngestKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildRasid(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, articles(2500), 0o644); err != nil {
		t.Fatal(err)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "ingest", "--near", "-1", "--db", clean, in).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, "ingest", "--near", "-1", "--batch", "50", "--db", killed, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has stored something, before it ends.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(killed + "-wal"); err == nil && fi.Size() > 32<<10 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if out, err := exec.Command(bin, "ingest", "--near", "-1", "--db", killed, in).CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	a, b := export(t, bin, clean), export(t, bin, killed)
	if a != b {
		t.Fatalf("the database after kill and rerun differs from a clean run (%d vs %d bytes of export)", len(b), len(a))
	}
	if !strings.Contains(a, `"code":"043"`) {
		t.Fatalf("no events were stored: %.300s", a)
	}
}
