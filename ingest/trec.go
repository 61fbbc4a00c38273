package ingest

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"

	"rasid"
)

// trec reads TREC-style XML, one document per <DOC>…</DOC>:
//
//	<DOC><DOCNO>…</DOCNO><URL>…</URL><SRC>…</SRC><TITLE>…</TITLE>
//	<TIME>…</TIME><ABSTRACT>…</ABSTRACT><TEXT>…</TEXT></DOC>
//
// as the ANT corpus writes it. Such files are not well-formed XML (a bare
// & in a URL), so they are scanned for tags rather than parsed. The stream
// is read a tag at a time: only the current <DOC> is held, up to MaxBytes.
func (r *reader) trec(s src, br *bufio.Reader) error {
	var (
		doc     []byte // the current DOC after its opening tag
		inDoc   bool
		tooBig  bool
		docLine int // line of the current <DOC>
		line    = 1 // line at the start of the next fragment
		ndoc    int
		tail    []byte // text since the last '>', when a tag is split
	)
	where := func(l int) string { return s.name + ":" + strconv.Itoa(l) }
	for {
		frag, err := br.ReadSlice('>')
		closed := err == nil
		if inDoc && !tooBig {
			if int64(len(doc)+len(frag)) > r.opt.MaxBytes+64 { // +64: the closing tag
				tooBig, doc = true, doc[:0]
			} else {
				doc = append(doc, frag...)
			}
		}
		if closed {
			name, at := tagAtEnd(tail, frag)
			tail = tail[:0]
			switch {
			case name == "DOC":
				if inDoc {
					if e := r.fail(where(docLine), malformed("<DOC> has no </DOC> before the next <DOC>")); e != nil {
						return e
					}
				}
				inDoc, tooBig, doc = true, false, doc[:0]
				docLine = line + bytes.Count(frag[:at], []byte("\n"))
				ndoc++
			case name == "/DOC" && inDoc:
				inDoc = false
				var e error
				if tooBig {
					e = r.fail(where(docLine), tooLarge("document", r.opt.MaxBytes))
				} else {
					body := doc[:max(bytes.LastIndex(doc, []byte("</")), 0)]
					d, perr := parseTRECDoc(body, r.opt.Published)
					if perr != nil {
						e = r.fail(where(docLine), perr)
					} else {
						if d.ID == "" {
							d.ID = s.stem + "-" + strconv.Itoa(ndoc)
						}
						if d.Source == "" {
							d.Source = s.folder
						}
						e = r.send(Item{Where: where(docLine), Doc: d})
					}
				}
				if e != nil {
					return e
				}
			}
		} else if len(tail)+len(frag) <= 64 {
			tail = append(tail, frag...)
		} else {
			tail = append(tail[:0], frag[max(len(frag)-64, 0):]...)
		}
		line += bytes.Count(frag, []byte("\n"))
		switch {
		case err == nil || err == bufio.ErrBufferFull:
		case err == io.EOF:
			switch {
			case inDoc:
				return r.fail(where(docLine), malformed("<DOC> is not closed: the file ends first (truncated?)"))
			case ndoc == 0:
				return r.fail(s.name, malformed("no <DOC> found"))
			}
			return nil
		default:
			return r.fail(where(line), readError(err))
		}
	}
}

// tagAtEnd returns the upper-cased name of the tag that ends frag (with a
// leading "/" for a closing tag) and the offset in frag of its "<" (0 when
// the "<" was in tail, the text before frag).
func tagAtEnd(tail, frag []byte) (name string, at int) {
	s := frag
	i := bytes.LastIndexByte(s, '<')
	if i < 0 {
		s = append(append([]byte(nil), tail...), frag...)
		if i = bytes.LastIndexByte(s, '<'); i < 0 {
			return "", 0
		}
		at = 0
	} else {
		at = i
	}
	tag := s[i+1 : len(s)-1]
	if j := bytes.IndexAny(tag, " \t\r\n"); j >= 0 {
		tag = tag[:j]
	}
	if len(tag) > 16 {
		return "", at
	}
	return strings.ToUpper(string(tag)), at
}

// parseTRECDoc reads the fields of one DOC.
func parseTRECDoc(body []byte, published time.Time) (rasid.Document, error) {
	txt, err := decodeText(body)
	if err != nil {
		return rasid.Document{}, err
	}
	d := rasid.Document{
		ID:     trecField(txt, "DOCNO"),
		URL:    trecField(txt, "URL"),
		Source: trecField(txt, "SRC", "SOURCE"),
		Title:  trecText(trecField(txt, "TITLE", "HEADLINE")),
		Text:   trecText(trecField(txt, "TEXT")),
	}
	if d.Text == "" {
		d.Text = trecText(trecField(txt, "ABSTRACT"))
	}
	if d.Text == "" {
		return rasid.Document{}, empty("<DOC> has no <TEXT>")
	}
	d.Published = published
	if tm := trecField(txt, "TIME", "DATE"); tm != "" {
		t, err := parseDate(tm)
		if err != nil {
			return rasid.Document{}, malformed("<TIME> %q is not a date", tm)
		}
		d.Published = t
	}
	return d, nil
}

// trecField returns the trimmed content of the first of the named elements
// that doc holds, or "".
func trecField(doc string, names ...string) string {
	for _, name := range names {
		open := indexTag(doc, name, false)
		if open < 0 {
			continue
		}
		gt := strings.IndexByte(doc[open:], '>')
		if gt < 0 {
			continue
		}
		start := open + gt + 1
		end := indexTag(doc[start:], name, true)
		if end < 0 {
			continue
		}
		return strings.TrimSpace(doc[start : start+end])
	}
	return ""
}

// indexTag returns the offset of the first <name> (or <name attr…>), or of
// </name> when closing, in s, matching the name in any case; -1 if none.
func indexTag(s, name string, closing bool) int {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		k := i + 1
		if closing {
			if k >= len(s) || s[k] != '/' {
				i++
				continue
			}
			k++
		}
		if k+len(name) <= len(s) && strings.EqualFold(s[k:k+len(name)], name) {
			e := k + len(name)
			if e < len(s) && (s[e] == '>' || s[e] == ' ' || s[e] == '\t' || s[e] == '\n' || s[e] == '\r') {
				return i
			}
		}
		i++
	}
}

// trecText turns the content of a TEXT element into plain text: an
// opening <P> or a <BR> becomes a line break, other tags go, the XML
// entities are unescaped.
func trecText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		var b strings.Builder
		for {
			i := strings.IndexByte(s, '<')
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i:], '>')
			if j < 0 || !isTag(s[i+1:i+j]) {
				b.WriteString(s[:i+1])
				s = s[i+1:]
				continue
			}
			b.WriteString(s[:i])
			if name := strings.ToUpper(strings.Fields(s[i+1 : i+j])[0]); name == "P" || name == "BR" || name == "BR/" {
				b.WriteByte('\n')
			}
			s = s[i+j+1:]
		}
		b.WriteString(s)
		s = b.String()
	}
	return strings.TrimSpace(xmlEntities.Replace(s))
}

// isTag reports whether s, the text between < and >, is a tag: an
// optional /, an ASCII letter, then letters, digits and attributes.
func isTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	s = strings.TrimSuffix(s, "/")
	if s == "" {
		return false
	}
	c := s[0] | 0x20
	if c < 'a' || c > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return true
		}
		if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}

var xmlEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")
