// Package eval reads gold files (../shared/eval/GUIDE.md format) and scores
// a coder's output against them the way GUIDE.md says: events matched on
// source, target and root, then full-code, date and historical agreement,
// and actor mentions by code. It also scores detection on the OEDA Arabic
// gold standard (GSR) and named-entity spans on BIO files.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// GoldEvent is one event of a gold item.
type GoldEvent struct {
	Source     string `json:"source"`
	Target     string `json:"target"`
	Code       string `json:"code"`
	Date       string `json:"date"`
	Historical bool   `json:"historical,omitempty"`
	Symmetric  bool   `json:"symmetric,omitempty"`
}

// GoldActor is one actor mention of a gold item.
type GoldActor struct {
	Text string `json:"text"`
	Code string `json:"code"`
	Role string `json:"role"`
}

// GoldItem is one line of a gold file.
type GoldItem struct {
	ID        string      `json:"id"`
	Published string      `json:"published"`
	Text      string      `json:"text"`
	Events    []GoldEvent `json:"events"`
	Actors    []GoldActor `json:"actors"`
	Note      string      `json:"note,omitempty"`
}

// ReadGold reads a gold JSONL file; a malformed line is an error naming
// the file and line.
func ReadGold(r io.Reader, name string) ([]GoldItem, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	var out []GoldItem
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it GoldItem
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: not a gold item: %w", name, n, err)
		}
		if it.ID == "" {
			return nil, fmt.Errorf("%s:%d: item has no id", name, n)
		}
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
