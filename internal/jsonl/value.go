package jsonl

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Value is one scalar JSON value.
type Value struct {
	Raw     []byte // as the line has it: quotes and escapes included
	str     bool
	escaped bool // a string with a backslash in it
	valid   bool // a string all of valid UTF-8
}

// ValueOf is the Value of raw, a JSON value encoding/json has already
// checked (a json.RawMessage it decoded), so that a line it had to read
// is used as Scan's are; an object or array is not a string.
func ValueOf(raw []byte) Value {
	raw = bytes.TrimSpace(raw)
	p := parser{s: raw}
	if v, ok := p.str(); ok && p.i == len(raw) {
		return v
	}
	return Value{Raw: raw}
}

// IsString reports whether v is a string.
func (v Value) IsString() bool { return v.str }

// Unquote is the Go string of a string value as encoding/json decodes it:
// invalid UTF-8 and lone surrogates become U+FFFD. ok is false when v is
// not a string.
func (v Value) Unquote() (s string, ok bool) {
	if !v.str {
		return "", false
	}
	body := v.Raw[1 : len(v.Raw)-1]
	if !v.escaped && v.valid { // most of a line: one copy, no second check
		return string(body), true
	}
	return unquote(body, v.valid), true
}

// unquote decodes body, a string's bytes between its quotes that the
// parser has checked, by the runs between escapes; valid tells whether
// those runs need mending.
func unquote(body []byte, valid bool) string {
	var b strings.Builder
	b.Grow(len(body))
	for {
		k := bytes.IndexByte(body, '\\')
		if k < 0 {
			writeRun(&b, body, valid)
			return b.String()
		}
		writeRun(&b, body[:k], valid)
		body = body[k:]
		n := 2
		switch c := body[1]; c {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(body[2:])
			n = 6
			if utf16.IsSurrogate(r) {
				// A pair is one rune; anything else is U+FFFD, as encoding/json has it.
				r1 := rune(-1)
				if len(body) >= 8 && body[6] == '\\' && body[7] == 'u' {
					r1 = hex4(body[8:])
				}
				if dec := utf16.DecodeRune(r, r1); dec != utf8.RuneError {
					r, n = dec, 12
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
		default: // '"', '\\', '/'
			b.WriteByte(c)
		}
		body = body[n:]
	}
}

// writeRun writes run, each byte of it that is not valid UTF-8 as U+FFFD
// unless valid says there is none.
func writeRun(b *strings.Builder, run []byte, valid bool) {
	if valid {
		b.Write(run)
		return
	}
	for len(run) > 0 {
		r, size := utf8.DecodeRune(run)
		b.WriteRune(r)
		run = run[size:]
	}
}

// hex4 is the value of the four hex digits that start b, or -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
