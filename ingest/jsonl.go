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

	"rasid"
	"rasid/internal/jsonl"
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
	var buf [8]jsonl.Member // most lines have fewer keys: no allocation
	o, ok := jsonl.Scan(line, buf[:0])
	if !ok {
		var err error
		if o, err = decodeObject(line, buf[:0]); err != nil {
			return rasid.Document{}, err
		}
	}
	var d rasid.Document
	v, ok := o.Get("text")
	if !ok {
		return d, malformed(`field "text" is missing`)
	}
	if err := jsonString(v, &d.Text); err != nil {
		return d, malformed(`field "text": %v`, err)
	}
	if strings.TrimSpace(d.Text) == "" {
		return d, &reason{`field "text" is empty`, ErrEmpty}
	}
	if v, ok := o.Get("id"); ok {
		if err := jsonString(v, &d.ID); err != nil {
			var n json.Number
			if json.Unmarshal(v.Raw, &n) != nil {
				return d, malformed(`field "id": want a string or a number, got %s`, jsonType(v.Raw))
			}
			d.ID = n.String()
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"url", &d.URL}, {"source", &d.Source}, {"title", &d.Title}} {
		if v, ok := o.Get(f.key); ok {
			if err := jsonString(v, f.dst); err != nil {
				return d, malformed("field %q: %v", f.key, err)
			}
		}
	}
	d.Published = published
	if v, ok := o.Get("published"); ok {
		var s string
		if err := jsonString(v, &s); err != nil {
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

// decodeObject reads by encoding/json a line jsonl.Scan does not read,
// and names what is wrong with it.
func decodeObject(line []byte, o jsonl.Object) (jsonl.Object, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, malformed("invalid JSON at byte %d: %v", se.Offset, se)
		case errors.As(err, &te):
			return nil, malformed("not a JSON object but %s", te.Value)
		}
		return nil, malformed("invalid JSON: %v", err)
	}
	if m == nil {
		return nil, malformed("not a JSON object but null")
	}
	for k, raw := range m {
		o = append(o, jsonl.Member{Key: []byte(k), Value: jsonl.ValueOf(raw)})
	}
	return o, nil
}

// jsonString decodes v into *dst when it is a string (null leaves *dst
// as it is) and says what it is otherwise.
func jsonString(v jsonl.Value, dst *string) error {
	if string(v.Raw) == "null" {
		return nil
	}
	s, ok := v.Unquote()
	if !ok {
		return fmt.Errorf("want a string, got %s", jsonType(v.Raw))
	}
	*dst = s
	return nil
}

// jsonType names the type of a JSON value from its first byte.
func jsonType(raw []byte) string {
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
