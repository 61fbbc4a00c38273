package lexicon

import (
	"strings"
	"unicode/utf8"

	"rasid/arabic"
)

// Gaps in event phrases: "_" after a verb may span its subject (up to
// maxGap tokens); "~" inside a noun phrase spans a few modifiers only.
const (
	maxGap   = 24
	shortGap = 4
)

// trie is keyed by sequences of normalised words. An edge may be a literal
// word, a prefix ("زيار*" matches زياره and زيارته) or a gap ("_") that
// skips up to maxGap tokens; values sit on the node that ends a key.
type trie[V any] struct {
	root *node[V]
	size int
}

type node[V any] struct {
	next map[string]*node[V]
	pre  map[string][]prefixEdge[V] // by the first two letters of the prefix
	pre1 bool                       // some prefix is one letter long (keyed by it)
	gap  *node[V]
	sgap *node[V]
	vals []V
}

type prefixEdge[V any] struct {
	prefix string
	to     *node[V]
}

func newTrie[V any]() *trie[V] { return &trie[V]{root: &node[V]{}} }

func (t *trie[V]) add(k []string, v V) {
	n := t.root
	for _, w := range k {
		switch {
		case w == "_":
			if n.gap == nil {
				n.gap = &node[V]{}
			}
			n = n.gap
		case w == "~":
			if n.sgap == nil {
				n.sgap = &node[V]{}
			}
			n = n.sgap
		case len(w) > 1 && strings.HasSuffix(w, "*"):
			p := strings.TrimSuffix(w, "*")
			k := leadLetters(p)
			if utf8.RuneCountInString(p) < 2 {
				n.pre1 = true
			}
			var to *node[V]
			for _, e := range n.pre[k] {
				if e.prefix == p {
					to = e.to
				}
			}
			if to == nil {
				to = &node[V]{}
				if n.pre == nil {
					n.pre = map[string][]prefixEdge[V]{}
				}
				n.pre[k] = append(n.pre[k], prefixEdge[V]{p, to})
			}
			n = to
		default:
			if n.next == nil {
				n.next = map[string]*node[V]{}
			}
			c := n.next[w]
			if c == nil {
				c = &node[V]{}
				n.next[w] = c
			}
			n = c
		}
	}
	n.vals = append(n.vals, v)
	t.size++
}

// leadLetters is the first two UTF-8 characters of s (all of s if
// shorter), the key prefix edges are indexed by so that a word is tested
// only against the few prefixes it may have.
func leadLetters(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	_, m := utf8.DecodeRuneInString(s[n:])
	return s[:n+m]
}

// firstLetter is the first UTF-8 character of s.
func firstLetter(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// Doc is a text prepared for matching: its tokens and, for each word, the
// readings with proclitics removed (arabic.AppendCandidates), computed once.
type Doc struct {
	Text   string
	Tokens []arabic.Token
	cands  [][]arabic.Candidate
}

// NewDoc tokenises text for matching.
func NewDoc(text string) *Doc {
	toks := arabic.Tokenize(text)
	d := &Doc{Text: text, Tokens: toks, cands: make([][]arabic.Candidate, len(toks))}
	// Most words have two or three readings: one allocation for them all.
	buf := make([]arabic.Candidate, 0, 3*len(toks)+8)
	for i, t := range toks {
		if t.Kind != arabic.Word {
			d.cands[i] = []arabic.Candidate{{Form: t.Norm}}
			continue
		}
		start := len(buf)
		buf = arabic.AppendCandidates(buf, t.Norm)
		d.cands[i] = buf[start:len(buf):len(buf)]
	}
	return d
}

// lineBreakBefore reports whether a line break separates token i from the
// one before: no dictionary key runs across it.
func (d *Doc) lineBreakBefore(i int) bool {
	return i > 0 && strings.ContainsRune(d.Text[d.Tokens[i-1].End:d.Tokens[i].Start], '\n')
}

// Candidates returns the readings of token i, whole word first.
func (d *Doc) Candidates(i int) []arabic.Candidate { return d.cands[i] }

// match is one key found in a Doc: tokens [Start, End), the reading of the
// first token that matched, and the values of the key.
type match[V any] struct {
	Start, End int
	First      arabic.Candidate
	Vals       []V
}

// walk calls fn for every key that starts at token i, once per way of
// reading the tokens (a word may match whole or without its proclitics).
func (t *trie[V]) walk(d *Doc, i int, fn func(m match[V])) {
	for _, c := range d.cands[i] {
		t.consume(d, t.root, i, i, c, c, fn)
	}
}

// consume tries to take token i, read as c, from node n.
func (t *trie[V]) consume(d *Doc, n *node[V], start, i int, c, first arabic.Candidate, fn func(match[V])) {
	if m := n.next[c.Form]; m != nil {
		t.arrive(d, m, start, i+1, first, fn)
	}
	if n.pre != nil {
		t.prefixes(d, n.pre[leadLetters(c.Form)], start, i, c, first, fn)
		if n.pre1 {
			if k := firstLetter(c.Form); len(k) < len(c.Form) {
				t.prefixes(d, n.pre[k], start, i, c, first, fn)
			}
		}
	}
}

// prefixes follows the edges es whose prefix begins c.Form.
func (t *trie[V]) prefixes(d *Doc, es []prefixEdge[V], start, i int, c, first arabic.Candidate, fn func(match[V])) {
	for _, e := range es {
		if strings.HasPrefix(c.Form, e.prefix) {
			t.arrive(d, e.to, start, i+1, first, fn)
		}
	}
}

// arrive reports the values of n, reached with token i next, and goes on.
func (t *trie[V]) arrive(d *Doc, n *node[V], start, i int, first arabic.Candidate, fn func(match[V])) {
	if len(n.vals) > 0 {
		fn(match[V]{Start: start, End: i, First: first, Vals: n.vals})
	}
	if i < len(d.Tokens) && (n.next != nil || n.pre != nil) && !d.lineBreakBefore(i) {
		for _, c := range d.cands[i] {
			t.consume(d, n, start, i, c, first, fn)
		}
	}
	t.skip(d, n.gap, maxGap, start, i, first, fn)
	t.skip(d, n.sgap, shortGap, start, i, first, fn)
}

// skip continues from gap node g (if any) after skipping 0..limit tokens.
func (t *trie[V]) skip(d *Doc, g *node[V], limit, start, i int, first arabic.Candidate, fn func(match[V])) {
	if g == nil {
		return
	}
	for k := 0; k <= limit && i+k < len(d.Tokens); k++ {
		if k > 0 && isBarrier(d.Tokens[i+k-1]) || d.lineBreakBefore(i+k) {
			break
		}
		for _, c := range d.cands[i+k] {
			t.consume(d, g, start, i+k, c, first, fn)
		}
	}
}

// isBarrier reports whether a gap may not run across token t: the end of a
// sentence or clause.
func isBarrier(t arabic.Token) bool {
	if t.Kind != arabic.Punct {
		return false
	}
	switch t.Norm {
	case ".", "?", "!", ";", ":":
		return true
	}
	return false
}
