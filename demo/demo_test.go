package demo

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestArticles(t *testing.T) {
	docs, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 70 {
		t.Fatalf("%d articles, want at least 70", len(docs))
	}
	first := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC)
	ids := make(map[string]bool)
	var prev time.Time
	for _, d := range docs {
		if ids[d.ID] {
			t.Errorf("%s: duplicate id", d.ID)
		}
		ids[d.ID] = true
		if d.Published.Before(first) || d.Published.After(last) {
			t.Errorf("%s: published %s outside 2025-03-01..2025-10-31", d.ID, d.Published.Format(time.DateOnly))
		}
		if d.Published.Before(prev) {
			t.Errorf("%s: out of date order", d.ID)
		}
		prev = d.Published
		if d.Published.Location() != time.UTC || d.Published.Truncate(24*time.Hour) != d.Published {
			t.Errorf("%s: published %v is not midnight UTC", d.ID, d.Published)
		}
		if d.Lang != "ar" || d.Source == "" || d.URL == "" || d.Title == "" {
			t.Errorf("%s: missing lang, source, url or title", d.ID)
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
			t.Errorf("%s: invalid UTF-8", d.ID)
			continue
		}
		head, body, ok := strings.Cut(d.Text, "\n")
		if !ok || head != d.Title {
			t.Errorf("%s: text does not start with the title line", d.ID)
		}
		if n := strings.Count(body, ".") + strings.Count(body, "\n"); n < 1 || len(body) < 100 {
			t.Errorf("%s: body too short", d.ID)
		}
		if r := arabicShare(d.Text); r < 0.95 {
			t.Errorf("%s: only %.0f%% of letters are Arabic", d.ID, 100*r)
		}
	}
}

// arabicShare is the share of the letters of s that are Arabic.
func arabicShare(s string) float64 {
	var letters, arabic int
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.Is(unicode.Arabic, r) {
			arabic++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabic) / float64(letters)
}

// firstSentence is the first sentence of an article's body: the first body
// line long enough not to be a dateline, up to its first full stop.
func firstSentence(text string) string {
	_, body, _ := strings.Cut(text, "\n")
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if utf8.RuneCountInString(line) < 40 {
			continue // a dateline ("الرياض 18 رمضان 1446 هـ")
		}
		if i := strings.Index(line, ". "); i >= 0 {
			line = line[:i+1]
		}
		return line
	}
	return ""
}

func TestNearDuplicates(t *testing.T) {
	docs, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	bySentence := make(map[string][]string)
	for _, d := range docs {
		s := firstSentence(d.Text)
		if s == "" {
			t.Errorf("%s: no first sentence", d.ID)
			continue
		}
		bySentence[s] = append(bySentence[s], d.ID)
	}
	pairs := 0
	byID := make(map[string]int)
	for i, d := range docs {
		byID[d.ID] = i
	}
	for _, ids := range bySentence {
		if len(ids) < 2 {
			continue
		}
		pairs += len(ids) - 1
		a, b := docs[byID[ids[0]]], docs[byID[ids[1]]]
		if a.Source == b.Source {
			t.Errorf("%s and %s: a near-duplicate should come from another outlet", a.ID, b.ID)
		}
		if a.Text == b.Text {
			t.Errorf("%s and %s: identical texts, want a changed headline or an added sentence", a.ID, b.ID)
		}
	}
	if pairs < 3 {
		t.Errorf("%d near-duplicate pairs, want at least 3", pairs)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	good := `{"id":"a","published":"2025-03-01","source":"s","url":"u","title":"ت","text":"ت\nنص"}`
	for _, tc := range []struct {
		name, data, want string
	}{
		{"bad json", good + "\n{\"id\":", ":2:"},
		{"duplicate id", good + "\n\n" + good, ":3: id \"a\" already used on line 1"},
		{"bad date", strings.Replace(good, "2025-03-01", "2025-3-1", 1), ":1: a: published"},
		{"unknown field", strings.Replace(good, `"url"`, `"link"`, 1), ":1:"},
	} {
		_, err := parse(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
	docs, err := parse(good + "\n")
	if err != nil || len(docs) != 1 || docs[0].Published != time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("parse(good) = %v, %v", docs, err)
	}
}
