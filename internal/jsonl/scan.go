// Package jsonl reads the lines of JSON Lines inputs that are flat objects
// of strings, numbers and literals, as article dumps are, in one pass and
// without reflection: encoding/json validates a line, decodes it into a map
// and then decodes each value again. A line it does not read (nesting,
// escaped keys, any error) is the caller's to hand to encoding/json, so
// that results and error messages stay that package's.
package jsonl

// Member is one key of an object and its value.
type Member struct {
	Key   []byte // unquoted: a key with escapes is left to encoding/json
	Value Value
}

// Object is the members of one object in the order of the line; a key may
// come more than once.
type Object []Member

// Get returns the value of the last member named key, the one
// encoding/json keeps in a map.
func (o Object) Get(key string) (Value, bool) {
	for i := len(o) - 1; i >= 0; i-- {
		if string(o[i].Key) == key {
			return o[i].Value, true
		}
	}
	return Value{}, false
}

// Scan appends to o the members of line when line is one object (white
// space around it allowed) of keys without escapes and in valid UTF-8 and
// of values that are strings, numbers, true, false or null. It reports
// false for anything else, valid JSON or not. Keys and values are slices
// of line, valid while it is; o may be a caller's array, for no
// allocation.
func Scan(line []byte, o Object) (Object, bool) {
	p := parser{s: line}
	p.space()
	if !p.eat('{') {
		return nil, false
	}
	p.space()
	if !p.eat('}') {
		for {
			k, ok := p.str()
			if !ok || k.escaped || !k.valid { // encoding/json would mend them
				return nil, false
			}
			p.space()
			if !p.eat(':') {
				return nil, false
			}
			p.space()
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			o = append(o, Member{Key: k.Raw[1 : len(k.Raw)-1], Value: v})
			p.space()
			if p.eat('}') {
				break
			}
			if !p.eat(',') {
				return nil, false
			}
			p.space()
		}
	}
	p.space()
	if p.i != len(p.s) {
		return nil, false
	}
	return o, true
}

// parser walks one line; i is the next byte.
type parser struct {
	s []byte
	i int
}

func (p *parser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// value reads a string, a number, true, false or null; objects and arrays
// are left to encoding/json.
func (p *parser) value() (Value, bool) {
	if p.i >= len(p.s) {
		return Value{}, false
	}
	start := p.i
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return Value{}, false
		}
	case c == 't':
		if !p.literal("true") {
			return Value{}, false
		}
	case c == 'f':
		if !p.literal("false") {
			return Value{}, false
		}
	case c == 'n':
		if !p.literal("null") {
			return Value{}, false
		}
	default:
		return Value{}, false
	}
	return Value{Raw: p.s[start:p.i]}, true
}

func (p *parser) literal(lit string) bool {
	if len(p.s)-p.i < len(lit) || string(p.s[p.i:p.i+len(lit)]) != lit {
		return false
	}
	p.i += len(lit)
	return true
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, JSON's
// grammar.
func (p *parser) number() bool {
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
func (p *parser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// str reads a string as JSON's grammar has it: no control characters and
// only its escapes. Invalid UTF-8 and surrogate escapes are JSON too; the
// value notes them for Unquote to mend as encoding/json does.
func (p *parser) str() (Value, bool) {
	s, i := p.s, p.i
	if i >= len(s) || s[i] != '"' {
		return Value{}, false
	}
	start := i
	i++
	escaped := false
	for {
		i = plainRun(s, i)
		if i >= len(s) {
			return Value{}, false
		}
		switch c := s[i]; {
		case c == '"':
			i++
			p.i = i
			raw := s[start:i]
			return Value{Raw: raw, str: true, escaped: escaped, valid: validUTF8(raw)}, true
		case c == '\\':
			if i+1 >= len(s) {
				return Value{}, false
			}
			escaped = true
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if hex4(s[i+2:]) < 0 {
					return Value{}, false
				}
				i += 6
			default:
				return Value{}, false
			}
		default: // a control character
			return Value{}, false
		}
	}
}
