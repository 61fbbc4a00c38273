package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	cmd := newRootCommand()
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestCodeTextFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a1.txt")
	text := "أجرى وزير الخارجية المصري سامح شكري، يوم الثلاثاء، اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي."
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "", "code", "--published", "2023-03-09", path)
	if err != nil {
		t.Fatal(err)
	}
	var line struct {
		ID     string
		Events []struct{ Source, Target, Code, Date string }
		Actors []struct{ Text, Code string }
	}
	if err := json.Unmarshal([]byte(out), &line); err != nil {
		t.Fatalf("output is not one JSON line: %v\n%s", err, out)
	}
	if line.ID != "a1" || len(line.Events) != 1 || line.Events[0].Code != "041" || line.Events[0].Source != "EGY" || line.Events[0].Target != "JOR" || line.Events[0].Date != "2023-03-07" {
		t.Errorf("got %+v", line)
	}
}

func TestCodeReportsBadLines(t *testing.T) {
	in := `{"id":"x","published":"2024-01-01","text":"رحبت موسكو بالقرار."}` + "\nnot json\n"
	out, errs, err := run(t, in, "code", "-")
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 3 {
		t.Fatalf("want exit status 3, got %v", err)
	}
	if !strings.Contains(errs, "stdin:2:") {
		t.Errorf("stderr does not name the line: %q", errs)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the good line was not coded: %q", out)
	}
}

func TestEvalNeedsAnInput(t *testing.T) {
	if _, _, err := run(t, "", "eval"); err == nil {
		t.Fatal("eval with no input should fail")
	}
}

// TestRecodeWithUserLexicon: a dictionary added with --lexicon codes the
// stored articles again; the articles it changes get the new events, and
// a second run changes nothing.
func TestRecodeWithUserLexicon(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	in := filepath.Join(dir, "a.jsonl")
	// "أشاد" is coded 051; "استحسن" is not a phrase rasid knows until
	// the user's dictionary adds it.
	items := `{"id":"n1","published":"2024-05-02","text":"استحسن وزير الخارجية المغربي ناصر بوريطة، أمس الأربعاء، بالتعاون مع موريتانيا في مجال الطاقة."}
{"id":"n2","published":"2024-05-02","text":"أشاد وزير الخارجية المغربي ناصر بوريطة، أمس الأربعاء، بالتعاون مع موريتانيا في مجال الطاقة."}
`
	if err := os.WriteFile(in, []byte(items), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "", "ingest", "--db", db, in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := run(t, "", "recode", "--db", db, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var sum struct{ Articles, Changed, Events int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Articles != 2 || sum.Changed != 0 {
		t.Fatalf("recode with the same dictionaries: %q (%v); want 2 articles, none changed", out, err)
	}
	before := sum.Events

	lex := filepath.Join(dir, "lex")
	if err := os.MkdirAll(lex, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lex, "events_user.tsv"), []byte("051\tاستحسن\tverb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = run(t, "", "recode", "--db", db, "--lexicon", lex, "--json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Changed != 1 || sum.Events != before+1 {
		t.Fatalf("recode with the user's phrase: %q (%v); want 1 changed, %d events", out, err, before+1)
	}
	out, _, err = run(t, "", "events", "--db", db, "--format", "jsonl", "--code", "051")
	if err != nil || strings.Count(out, `"article_id":"n1"`) != 1 {
		t.Errorf("the new event of n1 is not listed: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "recode", "--db", db, "--lexicon", lex)
	if err != nil || !strings.Contains(out, "recoded 2 articles, 0 changed") {
		t.Errorf("recode again: %v: %q", err, out)
	}
}
