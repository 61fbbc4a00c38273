package app

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"rasid"
)

// CodedEncoder writes the lines of `rasid code`: for each Coded, the bytes
// a json.Encoder with SetEscapeHTML(false) writes for it, built directly
// rather than through a map, reflection and a second compacting pass (a
// tenth of the CLI's CPU). Coded.MarshalJSON is the reference; the tests
// hold the two together field by field.
type CodedEncoder struct {
	w    io.Writer
	buf  []byte
	keys []string
}

// NewCodedEncoder returns an encoder that writes to w.
func NewCodedEncoder(w io.Writer) *CodedEncoder { return &CodedEncoder{w: w} }

// Encode writes c and a newline.
func (e *CodedEncoder) Encode(c Coded) error {
	b, ok := e.appendJSON(e.buf[:0], c)
	if !ok {
		// A value encoding/json refuses (a NaN): its error, word for word.
		enc := json.NewEncoder(e.w)
		enc.SetEscapeHTML(false)
		return enc.Encode(c)
	}
	b = append(b, '\n')
	e.buf = b
	_, err := e.w.Write(b)
	return err
}

// MarshalJSON writes the line of `rasid code`: the item's own keys, then
// id, events and actors, in the order of their keys. It is the reference
// CodedEncoder follows, and its fallback; lines are written by the
// encoder.
func (c Coded) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(c.Item.Extra)+3)
	for k, v := range c.Item.Extra {
		m[k] = v
	}
	m["id"] = c.Item.ID
	m["events"] = c.Result.Events
	m["actors"] = c.Result.Actors
	return json.Marshal(m)
}

// appendJSON appends what c.MarshalJSON returns; ok is false when it must
// be asked instead (a float that is not finite, an extra value that does
// not compact).
func (e *CodedEncoder) appendJSON(dst []byte, c Coded) (_ []byte, ok bool) {
	ks := e.keys[:0]
	for k := range c.Item.Extra {
		if k != "id" && k != "events" && k != "actors" {
			ks = append(ks, k)
		}
	}
	ks = append(ks, "id", "events", "actors")
	slices.Sort(ks) // encoding/json sorts map keys bytewise
	e.keys = ks
	dst = append(dst, '{')
	for i, k := range ks {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		switch k {
		case "id":
			dst = appendJSONString(dst, c.Item.ID)
		case "events":
			if dst, ok = appendEvents(dst, c.Result.Events); !ok {
				return dst, false
			}
		case "actors":
			dst = appendMentions(dst, c.Result.Actors)
		default:
			if dst, ok = appendRaw(dst, c.Item.Extra[k]); !ok {
				return dst, false
			}
		}
	}
	return append(dst, '}'), true
}

// appendRaw appends a raw value as encoding/json re-emits a RawMessage:
// compacted, with <, >, &, U+2028 and U+2029 escaped. The usual value (a
// date string, a number) needs neither and is copied; others go through
// encoding/json itself.
func appendRaw(dst []byte, raw json.RawMessage) ([]byte, bool) {
	if raw == nil {
		return append(dst, "null"...), true
	}
	plain := true
	for _, b := range raw {
		switch b {
		case ' ', '\t', '\n', '\r', '<', '>', '&', 0xE2: // 0xE2 starts U+2028
			plain = false
		}
	}
	if plain {
		return append(dst, raw...), true
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return dst, false
	}
	return append(dst, b...), true
}

func appendEvents(dst []byte, evs []rasid.Event) ([]byte, bool) {
	if evs == nil {
		return append(dst, "null"...), true
	}
	dst = append(dst, '[')
	for i := range evs {
		e := &evs[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		if !finite(e.Goldstein) || !finite(e.Confidence) {
			return dst, false
		}
		dst = append(dst, '{')
		if e.ID != 0 {
			dst = append(dst, `"id":`...)
			dst = strconv.AppendInt(dst, e.ID, 10)
			dst = append(dst, ',')
		}
		if e.ArticleID != "" {
			dst = append(dst, `"article_id":`...)
			dst = appendJSONString(dst, e.ArticleID)
			dst = append(dst, ',')
		}
		dst = append(dst, `"source":`...)
		dst = appendJSONString(dst, e.Source)
		dst = append(dst, `,"source_role":`...)
		dst = appendJSONString(dst, e.SourceRole)
		dst = append(dst, `,"source_text":`...)
		dst = appendJSONString(dst, e.SourceText)
		dst = append(dst, `,"target":`...)
		dst = appendJSONString(dst, e.Target)
		dst = append(dst, `,"target_role":`...)
		dst = appendJSONString(dst, e.TargetRole)
		dst = append(dst, `,"target_text":`...)
		dst = appendJSONString(dst, e.TargetText)
		dst = append(dst, `,"code":`...)
		dst = appendJSONString(dst, e.Code)
		dst = append(dst, `,"root":`...)
		dst = appendJSONString(dst, e.Root)
		dst = append(dst, `,"quad_class":`...)
		dst = strconv.AppendInt(dst, int64(e.QuadClass), 10)
		dst = append(dst, `,"goldstein":`...)
		dst = appendJSONFloat(dst, e.Goldstein)
		dst = append(dst, `,"plover":`...)
		dst = appendJSONString(dst, e.Plover)
		dst = append(dst, `,"date":`...)
		dst = appendJSONString(dst, e.Date)
		dst = append(dst, `,"date_precision":`...)
		dst = appendJSONString(dst, e.DatePrecision)
		dst = append(dst, `,"historical":`...)
		dst = strconv.AppendBool(dst, e.Historical)
		dst = append(dst, `,"symmetric":`...)
		dst = strconv.AppendBool(dst, e.Symmetric)
		dst = append(dst, `,"sentence":`...)
		dst = strconv.AppendInt(dst, int64(e.Sentence), 10)
		dst = append(dst, `,"evidence":{"start":`...)
		dst = strconv.AppendInt(dst, int64(e.Evidence.Start), 10)
		dst = append(dst, `,"end":`...)
		dst = strconv.AppendInt(dst, int64(e.Evidence.End), 10)
		dst = append(dst, `,"text":`...)
		dst = appendJSONString(dst, e.Evidence.Text)
		dst = append(dst, `},"confidence":`...)
		dst = appendJSONFloat(dst, e.Confidence)
		dst = append(dst, '}')
	}
	return append(dst, ']'), true
}

func appendMentions(dst []byte, ms []rasid.Mention) []byte {
	if ms == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range ms {
		m := &ms[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"text":`...)
		dst = appendJSONString(dst, m.Text)
		dst = append(dst, `,"code":`...)
		dst = appendJSONString(dst, m.Code)
		dst = append(dst, `,"role":`...)
		dst = appendJSONString(dst, m.Role)
		dst = append(dst, `,"kind":`...)
		dst = appendJSONString(dst, m.Kind)
		dst = append(dst, `,"start":`...)
		dst = strconv.AppendInt(dst, int64(m.Start), 10)
		dst = append(dst, `,"end":`...)
		dst = strconv.AppendInt(dst, int64(m.End), 10)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func finite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

// appendJSONFloat writes a finite float64 as encoding/json does: like
// ES6, 'f' format unless the exponent is far out, and no leading zero in
// a negative exponent.
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendJSONString writes s quoted as json.Marshal does (HTML escaping
// on): ", \ and control characters escaped, \b \f \n \r \t by name;
// <, > and & as \u003c...; invalid UTF-8 as \ufffd; U+2028 and U+2029
// escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
