// Package demo holds the corpus that `rasid serve --demo` starts from: a
// few dozen short Arabic news items, embedded in the binary, so that the
// server shows coded events, actors and timelines on a fresh machine with no
// feeds, no network and no database to fill first.
//
// The items are fictional but plausible wire copy written for this project
// (none is taken from a real outlet; the outlets are invented too), dated
// March to October 2025. They are written to exercise the whole pipeline:
// every CAMEO root 01-20, actors from the Maghreb, the Gulf and Yemen, the
// Levant, Egypt and Sudan, Europe, Russia and Ukraine, the United States and
// international organisations; relative, weekday, Maghreb, Levantine and
// Hijri dates; historical references; negated, conditional and scheduled
// acts and non-political items that must yield no event; and a few stories
// carried twice by different outlets (near-duplicates), for deduplication.
//
// The data are in data/articles.jsonl, one JSON object a line:
//
//	{"id","published":"YYYY-MM-DD","source","url","title","text"}
//
// where text is the headline line, a newline, and the body.
package demo

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"rasid"
)

//go:embed data/articles.jsonl
var articlesJSONL string

// Name is the name errors give the embedded file.
const Name = "demo/data/articles.jsonl"

type item struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// Articles parses the embedded corpus into documents, in file order (by
// publication date). Each document is Arabic (Lang "ar") and published at
// midnight UTC of its day. An error names the line it is about.
func Articles() ([]rasid.Document, error) {
	return parse(articlesJSONL)
}

// parse reads JSONL text of demo items; blank lines are skipped.
func parse(data string) ([]rasid.Document, error) {
	var docs []rasid.Document
	seen := make(map[string]int)
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var it item
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", Name, line, err)
		}
		if it.ID == "" {
			return nil, fmt.Errorf("%s:%d: no id", Name, line)
		}
		if prev, ok := seen[it.ID]; ok {
			return nil, fmt.Errorf("%s:%d: id %q already used on line %d", Name, line, it.ID, prev)
		}
		seen[it.ID] = line
		day, err := time.Parse(time.DateOnly, it.Published)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s: published: %w", Name, line, it.ID, err)
		}
		if strings.TrimSpace(it.Text) == "" {
			return nil, fmt.Errorf("%s:%d: %s: empty text", Name, line, it.ID)
		}
		docs = append(docs, rasid.Document{
			ID:        it.ID,
			URL:       it.URL,
			Source:    it.Source,
			Title:     it.Title,
			Published: day.UTC(),
			Text:      it.Text,
			Lang:      "ar",
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", Name, line+1, err)
	}
	return docs, nil
}
