package coder_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/cameo"
	"rasid/coder"
	"rasid/lexicon"
	"rasid/timex"
)

func newCoder(t testing.TB) *coder.Coder {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return coder.New(lx, cameo.Default(), timex.New())
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// sameDyad reports whether e is between a and b, in either direction when
// the act is symmetric.
func sameDyad(e rasid.Event, a, b string) bool {
	return e.Source == a && e.Target == b || e.Symmetric && e.Source == b && e.Target == a
}

// TestCanonicalExample is DESIGN.md's canonical example: the Morocco–Russia
// call of the seed article.
func TestCanonicalExample(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "000_18e2a607d399accd.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("../shared is absent: %v", err)
	}
	res := newCoder(t).Code(string(b), day("2025-03-06"))
	for _, e := range res.Events {
		t.Logf("%s %s(%s)→%s(%s) %s hist=%v sym=%v", e.Code, e.Source, e.SourceText, e.Target, e.TargetText, e.Date, e.Historical, e.Symmetric)
	}
	want := []struct {
		code, src, tgt, date string
		hist                 bool
		sym                  bool
	}{
		{"041", "MAR", "RUS", "2025-03-04", false, true},
		{"051", "MAR", "RUS", "", false, true},
		{"057", "MAR", "RUS", "2016", true, true},
		{"042", "MAR", "RUS", "2016", true, false},
		{"036", "MAR", "RUS", "", false, true},
	}
	for _, w := range want {
		n := 0
		for _, e := range res.Events {
			if e.Code != w.code {
				continue
			}
			ok := (w.sym && sameDyad(e, w.src, w.tgt)) || (e.Source == w.src && e.Target == w.tgt)
			if !ok || e.Historical != w.hist || (w.date != "" && e.Date != w.date) {
				continue
			}
			n++
			if w.code == "041" && (!strings.Contains(e.SourceText, "بوريطة") || !strings.Contains(e.TargetText, "لافروف")) {
				t.Errorf("041 parties: %q → %q, want Bourita → Lavrov", e.SourceText, e.TargetText)
			}
			if e.Evidence.Text == "" || string(b)[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
				t.Errorf("%s: evidence span does not point at its text", w.code)
			}
		}
		if n != 1 {
			t.Errorf("want exactly one %s %s→%s (date %q, historical %v), got %d", w.code, w.src, w.tgt, w.date, w.hist, n)
		}
	}
	codes := map[string]string{}
	for _, m := range res.Actors {
		codes[m.Code] = m.Kind
		if strings.Contains(m.Text, "العياشي") {
			t.Errorf("the byline %q is an actor", m.Text)
		}
	}
	for _, c := range []string{"UNO", "G20"} {
		if codes[c] != rasid.KindOrganisation {
			t.Errorf("want %s mentioned as an organisation, got kind %q", c, codes[c])
		}
	}
}
