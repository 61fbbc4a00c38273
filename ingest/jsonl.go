package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"rasid"
)

// jsonl reads one item a line. A line that is too long, not JSON or has a
// bad field is an Item error naming the line and the field; the next line
// is read as usual.
func (r *reader) jsonl(s src, br *bufio.Reader) error {
	lr := lineReader{br: br, limit: r.opt.MaxBytes}
	for n := 1; ; n++ {
		line, long, err := lr.next()
		where := s.name + ":" + strconv.Itoa(n)
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		var e error
		switch {
		case err != nil && err != io.EOF: // the line is cut short
			return r.fail(where, readError(err))
		case long:
			e = r.fail(where, tooLarge("line", r.opt.MaxBytes))
		case len(bytes.TrimSpace(line)) > 0:
			doc, perr := parseJSONItem(line, r.opt.Published)
			if perr != nil {
				e = r.fail(where, perr)
			} else {
				if doc.ID == "" {
					doc.ID = s.stem + "-" + strconv.Itoa(n)
				}
				// Decoded from JSON, its text is valid UTF-8.
				e = r.sendText(Item{Where: where, Doc: doc}, true)
			}
		}
		if e != nil {
			return e
		}
		if err == io.EOF {
			return nil
		}
	}
}

// lineReader returns the lines of a stream without holding more than
// limit bytes of one: the rest of a longer line is skipped.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	buf   []byte
}

// next returns the next line without its end of line. long reports a
// line over the limit (line is then nil). err is io.EOF after the last
// line.
func (lr *lineReader) next() (line []byte, long bool, err error) {
	lr.buf = lr.buf[:0]
	for {
		frag, err := lr.br.ReadSlice('\n')
		if !long {
			if int64(len(lr.buf)+len(frag)) > lr.limit+1 { // +1: the newline
				long = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if long {
			return nil, true, err
		}
		line = bytes.TrimSuffix(lr.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, false, err
	}
}

// parseJSONItem reads one JSONL item: "text" is required, "id" may be a
// string or a number, "published" is YYYY-MM-DD or RFC 3339 (default
// published), "url", "source" and "title" are optional strings. Other
// keys are ignored.
func parseJSONItem(line []byte, published time.Time) (rasid.Document, error) {
	m, ok := scanObject(line)
	if ok {
		goto fields
	}
	if err := json.Unmarshal(line, &m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return rasid.Document{}, malformed("invalid JSON at byte %d: %v", se.Offset, se)
		case errors.As(err, &te):
			return rasid.Document{}, malformed("not a JSON object but %s", te.Value)
		}
		return rasid.Document{}, malformed("invalid JSON: %v", err)
	}
	if m == nil {
		return rasid.Document{}, malformed("not a JSON object but null")
	}
fields:
	var d rasid.Document
	raw, ok := m["text"]
	if !ok {
		return d, malformed(`field "text" is missing`)
	}
	if err := jsonString(raw, &d.Text); err != nil {
		return d, malformed(`field "text": %v`, err)
	}
	if strings.TrimSpace(d.Text) == "" {
		return d, &reason{`field "text" is empty`, ErrEmpty}
	}
	if raw, ok := m["id"]; ok {
		if err := jsonString(raw, &d.ID); err != nil {
			var n json.Number
			if json.Unmarshal(raw, &n) != nil {
				return d, malformed(`field "id": want a string or a number, got %s`, jsonType(raw))
			}
			d.ID = n.String()
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"url", &d.URL}, {"source", &d.Source}, {"title", &d.Title}} {
		if raw, ok := m[f.key]; ok {
			if err := jsonString(raw, f.dst); err != nil {
				return d, malformed("field %q: %v", f.key, err)
			}
		}
	}
	d.Published = published
	if raw, ok := m["published"]; ok {
		var s string
		if err := jsonString(raw, &s); err != nil {
			return d, malformed(`field "published": %v`, err)
		}
		if s != "" {
			t, err := parseDate(s)
			if err != nil {
				return d, malformed(`field "published": %q is not YYYY-MM-DD or RFC 3339`, s)
			}
			d.Published = t
		}
	}
	return d, nil
}

// jsonString decodes raw into *dst when it is a string (null leaves *dst
// as it is) and says what it is otherwise.
func jsonString(raw json.RawMessage, dst *string) error {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return nil
	}
	if len(raw) == 0 || raw[0] != '"' {
		return fmt.Errorf("want a string, got %s", jsonType(raw))
	}
	if s, ok := unquote(raw); ok {
		*dst = s
		return nil
	}
	return json.Unmarshal(raw, dst)
}

// unquote decodes a JSON string that json.Unmarshal or scanObject has
// already checked (raw, quotes included) as json.Unmarshal does: invalid
// UTF-8 and lone surrogates become U+FFFD. It spares the text, most of a
// line, a second check and the reflection, and copies it by the run
// between escapes; ok is false on anything it does not expect, for
// json.Unmarshal to decode instead.
func unquote(raw []byte) (s string, ok bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	k := bytes.IndexByte(in, '\\')
	if k < 0 && utf8.Valid(in) {
		return string(in), true
	}
	b := make([]byte, 0, len(in)+utf8.UTFMax)
	for {
		run := in
		if k >= 0 {
			run = in[:k]
		}
		b = appendValid(b, run)
		if k < 0 {
			return string(b), true
		}
		in = in[k:]
		if len(in) < 2 {
			return "", false
		}
		n := 2
		switch in[1] {
		case '"', '\\', '/', '\'':
			b = append(b, in[1])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			rr := hex4(in[2:])
			if rr < 0 {
				return "", false
			}
			n = 6
			if utf16.IsSurrogate(rr) {
				rr1 := rune(-1)
				if len(in) >= 8 && in[6] == '\\' && in[7] == 'u' {
					rr1 = hex4(in[8:])
				}
				if dec := utf16.DecodeRune(rr, rr1); rr1 >= 0 && dec != unicode.ReplacementChar {
					rr, n = dec, 12
				} else {
					rr = unicode.ReplacementChar
				}
			}
			b = utf8.AppendRune(b, rr)
		default:
			return "", false
		}
		in = in[n:]
		k = bytes.IndexByte(in, '\\')
	}
}

// appendValid appends run to b with each byte that is not part of valid
// UTF-8 as U+FFFD.
func appendValid(b, run []byte) []byte {
	if utf8.Valid(run) {
		return append(b, run...)
	}
	for len(run) > 0 {
		r, size := utf8.DecodeRune(run)
		b = utf8.AppendRune(b, r)
		run = run[size:]
	}
	return b
}

// hex4 is the value of the four hex digits that start b, or -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// jsonType names the type of a JSON value from its first byte.
func jsonType(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// scanObject reads line as json.Unmarshal into a map[string]json.RawMessage
// does, when it is an object of plain keys (no escapes) and values that are
// strings, numbers, true, false or null, as JSONL items are: one pass over
// the line instead of two, and no copies. ok is false on anything else,
// valid or not, for json.Unmarshal to read (and name the error of).
func scanObject(line []byte) (m map[string]json.RawMessage, ok bool) {
	i := skipWS(line, 0)
	if i >= len(line) || line[i] != '{' {
		return nil, false
	}
	m = make(map[string]json.RawMessage, 4)
	i = skipWS(line, i+1)
	if i < len(line) && line[i] == '}' {
		return m, skipWS(line, i+1) == len(line)
	}
	for {
		if i >= len(line) || line[i] != '"' {
			return nil, false
		}
		end, escaped := scanString(line, i)
		if end < 0 || escaped {
			return nil, false
		}
		key := line[i+1 : end-1]
		if !utf8.Valid(key) { // json.Unmarshal would mend it
			return nil, false
		}
		i = skipWS(line, end)
		if i >= len(line) || line[i] != ':' {
			return nil, false
		}
		i = skipWS(line, i+1)
		start := i
		switch {
		case i >= len(line):
			return nil, false
		case line[i] == '"':
			end, _ = scanString(line, i)
		case line[i] == '-' || '0' <= line[i] && line[i] <= '9':
			end = scanNumber(line, i)
		case bytes.HasPrefix(line[i:], []byte("true")):
			end = i + 4
		case bytes.HasPrefix(line[i:], []byte("false")):
			end = i + 5
		case bytes.HasPrefix(line[i:], []byte("null")):
			end = i + 4
		default:
			return nil, false
		}
		if end < 0 {
			return nil, false
		}
		m[string(key)] = line[start:end]
		i = skipWS(line, end)
		if i >= len(line) {
			return nil, false
		}
		switch line[i] {
		case ',':
			i = skipWS(line, i+1)
		case '}':
			return m, skipWS(line, i+1) == len(line)
		default:
			return nil, false
		}
	}
}

// skipWS returns the position of the first byte at or after i that is not
// JSON white space.
func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanString returns the end (after the closing quote) of the valid JSON
// string that starts at b[i], or -1, and whether it holds escapes.
func scanString(b []byte, i int) (end int, escaped bool) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped
		case c < ' ':
			return -1, false
		case c == '\\':
			escaped = true
			if i+1 >= len(b) {
				return -1, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				if hex4(b[i+2:]) < 0 {
					return -1, false
				}
				i += 5
			default:
				return -1, false
			}
		}
	}
	return -1, false
}

// scanNumber returns the end of the valid JSON number that starts at b[i],
// or -1.
func scanNumber(b []byte, i int) int {
	digits := func(i int) int {
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return -1
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}
