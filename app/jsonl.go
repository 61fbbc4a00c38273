package app

import (
	"bytes"
	"encoding/json"
	"time"

	"rasid/internal/jsonl"
)

// parseItemFast reads the common JSONL line, a flat object of strings,
// numbers and literals, in one pass, where encoding/json validates the line,
// decodes it into a map and decodes "text" again: that was a quarter of the
// CPU of `rasid code`. It gives exactly the Item decodeItem gives and
// reports ok=false for whatever it does not handle (nested values, escaped
// keys, any error), which decodeItem then reads the slow way, so that
// results and error messages stay those of encoding/json.
func parseItemFast(line []byte, published time.Time) (it Item, ok bool) {
	var buf [8]jsonl.Member // most lines have fewer keys: no allocation
	o, ok := jsonl.Scan(line, buf[:0])
	if !ok {
		return Item{}, false
	}
	m := make(map[string]json.RawMessage, 4)
	var text, id, pub jsonl.Value // the last of each key wins, as in a map
	for _, mb := range o {
		switch string(mb.Key) {
		case "text":
			text = mb.Value
		case "id":
			id = mb.Value
		case "events", "actors":
			// Dropped from the output, as decodeItem drops them.
		case "published":
			pub = mb.Value
			fallthrough
		default:
			// The map keeps a copy: the line's buffer is reused.
			m[string(mb.Key)] = bytes.Clone(mb.Value.Raw)
		}
	}
	if it.Text, ok = text.Unquote(); !ok {
		return Item{}, false
	}
	it.Published = published
	if id.Raw != nil {
		if s, isStr := id.Unquote(); isStr {
			it.ID = s
		} else if string(id.Raw) != "null" { // encoding/json leaves a string alone for null
			it.ID = string(id.Raw) // a numeric id
		}
	}
	if pub.Raw != nil {
		s, isStr := pub.Unquote()
		if !isStr {
			return Item{}, false
		}
		t, err := ParseDay(s)
		if err != nil {
			return Item{}, false
		}
		it.Published = t
	}
	it.Extra = m
	return it, true
}
