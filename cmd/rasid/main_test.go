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
