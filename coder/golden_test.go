package coder_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/articles")

// TestGolden codes the articles of testdata/articles (written for these
// tests; the first line gives the publication day) and compares the
// events and actors with the .golden files beside them, so that every
// change in coding shows in review. Regenerate with -update.
func TestGolden(t *testing.T) {
	c := newCoder(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no articles in testdata/articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			head, text, ok := strings.Cut(string(b), "\n")
			date, found := strings.CutPrefix(head, "published: ")
			if !ok || !found {
				t.Fatalf("%s: the first line must be \"published: YYYY-MM-DD\"", f)
			}
			res := c.Code(text, day(date))
			got, err := marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./coder -run TestGolden -update and review the diff", f, golden)
			}
		})
	}
}

// marshal writes JSON with Arabic left readable.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}
