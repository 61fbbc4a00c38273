package app

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// parseItemFast reads the common JSONL line, a flat object of strings,
// numbers and literals, in one pass, where encoding/json validates the line,
// decodes it into a map and decodes "text" again: that was a quarter of the
// CPU of `rasid code`. It gives exactly the Item decodeItem gives and
// reports ok=false for whatever it does not handle (nested values,
// surrogate escapes, invalid UTF-8, any error), which decodeItem then reads
// the slow way, so that results and error messages stay those of
// encoding/json.
func parseItemFast(line []byte, published time.Time) (it Item, ok bool) {
	p := flatParser{s: line}
	p.space()
	if !p.eat('{') {
		return Item{}, false
	}
	m := make(map[string]json.RawMessage, 4)
	var text, id, pub flatValue // the last of each key wins, as in a map
	p.space()
	if !p.eat('}') {
		for {
			p.space()
			key, kok := p.str()
			if !kok {
				return Item{}, false
			}
			p.space()
			if !p.eat(':') {
				return Item{}, false
			}
			p.space()
			v, vok := p.value()
			if !vok {
				return Item{}, false
			}
			if key.escaped {
				// "te\u0078t" is "text" to a map: rare, left to encoding/json.
				return Item{}, false
			}
			switch string(key.raw) {
			case `"text"`:
				text = v
			case `"id"`:
				id = v
			case `"events"`, `"actors"`:
				// Dropped from the output, as decodeItem drops them.
			case `"published"`:
				pub = v
				fallthrough
			default:
				// The map keeps a copy: the line's buffer is reused.
				m[string(key.raw[1:len(key.raw)-1])] = bytes.Clone(v.raw)
			}
			p.space()
			if p.eat('}') {
				break
			}
			if !p.eat(',') {
				return Item{}, false
			}
		}
	}
	p.space()
	if p.i != len(p.s) || !text.isStr {
		return Item{}, false
	}
	it.Text = text.decoded()
	it.Published = published
	if id.raw != nil {
		switch {
		case id.isStr:
			it.ID = id.decoded()
		case string(id.raw) == "null":
			// encoding/json leaves a string alone for null.
		default:
			it.ID = string(id.raw) // a numeric id
		}
	}
	if pub.raw != nil {
		if !pub.isStr {
			return Item{}, false
		}
		t, err := ParseDay(pub.decoded())
		if err != nil {
			return Item{}, false
		}
		it.Published = t
	}
	it.Extra = m
	return it, true
}

// flatValue is one scalar JSON value of a line: its raw bytes, and for a
// string whether it holds escapes.
type flatValue struct {
	raw     []byte
	isStr   bool
	escaped bool
}

// decoded is the Go string of a string value, as encoding/json unquotes it
// (escapes resolved; parseItemFast has already refused everything else
// unquoting would change).
func (v flatValue) decoded() string {
	body := v.raw[1 : len(v.raw)-1]
	if !v.escaped {
		return string(body)
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		k := bytes.IndexByte(body[i:], '\\')
		if k < 0 {
			b.Write(body[i:])
			break
		}
		j := i + k
		b.Write(body[i:j])
		switch c := body[j+1]; c {
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
			b.WriteRune(rune(hex4(body[j+2 : j+6])))
			i = j + 6
			continue
		default: // '"', '\\', '/'
			b.WriteByte(c)
		}
		i = j + 2
	}
	return b.String()
}

// flatParser walks one line; i is the next byte.
type flatParser struct {
	s []byte
	i int
}

func (p *flatParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *flatParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// value reads a string, a number, true, false or null; objects and arrays
// are left to encoding/json.
func (p *flatParser) value() (flatValue, bool) {
	if p.i >= len(p.s) {
		return flatValue{}, false
	}
	start := p.i
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return flatValue{}, false
		}
	case c == 't':
		if !p.literal("true") {
			return flatValue{}, false
		}
	case c == 'f':
		if !p.literal("false") {
			return flatValue{}, false
		}
	case c == 'n':
		if !p.literal("null") {
			return flatValue{}, false
		}
	default:
		return flatValue{}, false
	}
	return flatValue{raw: p.s[start:p.i]}, true
}

func (p *flatParser) literal(lit string) bool {
	if len(p.s)-p.i < len(lit) || string(p.s[p.i:p.i+len(lit)]) != lit {
		return false
	}
	p.i += len(lit)
	return true
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, JSON's
// grammar.
func (p *flatParser) number() bool {
	p.eat('-')
	switch {
	case p.eat('0'):
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		p.digits()
	default:
		return false
	}
	if p.eat('.') && !p.digits() {
		return false
	}
	if p.eat('e') || p.eat('E') {
		if !p.eat('+') {
			p.eat('-')
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits reads [0-9]* and reports whether there was one.
func (p *flatParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// str reads a string whose unquoting needs no repair: valid UTF-8, no
// control characters, escapes only of the kinds JSON allows and no
// surrogate halves (encoding/json's pairing and replacement rules are left
// to it).
func (p *flatParser) str() (flatValue, bool) {
	s, i := p.s, p.i
	if i >= len(s) || s[i] != '"' {
		return flatValue{}, false
	}
	start := i
	i++
	escaped := false
	for {
		i = plainRun(s, i)
		if i >= len(s) {
			return flatValue{}, false
		}
		switch c := s[i]; {
		case c == '"':
			i++
			raw := s[start:i]
			if !validUTF8(raw) {
				return flatValue{}, false
			}
			p.i = i
			return flatValue{raw: raw, isStr: true, escaped: escaped}, true
		case c == '\\':
			if i+1 >= len(s) {
				return flatValue{}, false
			}
			escaped = true
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if len(s)-i < 6 {
					return flatValue{}, false
				}
				r := hex4(s[i+2 : i+6])
				if r < 0 || utf16.IsSurrogate(rune(r)) {
					return flatValue{}, false
				}
				i += 6
			default:
				return flatValue{}, false
			}
		default: // a control character
			return flatValue{}, false
		}
	}
}

// plainRun skips from i the bytes a JSON string holds as they are (not '"',
// '\\' nor a control character), eight at a time while it can: the text
// of an article is most of a line.
func plainRun(s []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(s[i:])
		q := x ^ ('"' * ones)
		b := x ^ ('\\' * ones)
		// A byte is flagged when it is below 0x20 or, after the xor, zero;
		// bytes of 0x80 and up are never flagged.
		special := ((x - 0x20*ones) | (q - ones) | (b - ones)) &^ x & highs
		if special != 0 {
			break
		}
	}
	for i < len(s) {
		if c := s[i]; c == '"' || c == '\\' || c < ' ' {
			return i
		}
		i++
	}
	return i
}

// validUTF8 is utf8.Valid, faster on Arabic: a word of eight bytes that
// holds only ASCII and two-byte sequences (all of Arabic's letters, marks
// and digits) is checked at once; anything else goes rune by rune. utf8.Valid
// alone was a third of reading a line.
func validUTF8(s []byte) bool {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		top   = 0x80 << 56 // the high bit of the word's last byte
	)
	i := 0
	for {
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64(s[i:])
			hi := x & highs
			if hi == 0 {
				i += 8
				continue
			}
			// Each byte's bits 6 and 5, moved to its bit 7, tell its kind.
			b6 := x << 1 & highs
			b5 := x << 2 & highs
			cont := hi &^ b6      // 10xxxxxx
			lead := hi & b6 &^ b5 // 110xxxxx
			long := hi & b6 & b5  // 111xxxxx: a rune of three or four bytes
			// A lead with bits 1-4 clear (C0, C1) would be overlong.
			low4 := ((x & (0x1e * ones)) + 0x7f*ones) & highs
			if long != 0 || lead&^low4 != 0 {
				break
			}
			// Every continuation follows a lead, and every lead but one in
			// the last byte (left for the next word) precedes one.
			if cont != (lead&^top)<<8 {
				break
			}
			if lead&top != 0 {
				i += 7
			} else {
				i += 8
			}
		}
		if i >= len(s) {
			return true
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
}

// hex4 is the value of four hex digits, -1 if they are not.
func hex4(b []byte) int {
	n := 0
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
		n = n<<4 | int(c)
	}
	return n
}
