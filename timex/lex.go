package timex

import (
	"slices"
	"unicode/utf8"
)

// The tokenizer runs over the raw text, one rune at a time, without
// building the normalised text: a number keeps its value, a punctuation mark
// its rune (a slice of the text), and a word is looked up, letter by letter
// as it is read, in a trie of the tables' words (the vocabulary), after
// folding each rune by table lookup. Only known words get a string (the
// table's own), so tokenizing allocates nothing. Tokens are made as the
// rules ask for them (see scan.tok), into a window that Find slides along
// the text, and a run of unknown words, most of a text, is one token.

// letterCode is the code of a folded Arabic letter U+0621..U+064A: its
// offset from U+0620, 1..42. Every other letter has code 0, which no word of
// the tables contains.
func letterCode(f rune) uint8 {
	if f > 0x620 && f <= 0x64A {
		return uint8(f - 0x620)
	}
	return 0
}

// runeInfo is what the tokenizer needs of a rune: its class and, for a digit
// its value, for a letter its code (in a lexicon's tables, its edge).
type runeInfo struct {
	class runeClass
	val   uint8
}

func infoOf(c rune) runeInfo {
	f, class := fold(c)
	switch class {
	case cDigit:
		return runeInfo{class, uint8(f - '0')}
	case cLetter:
		return runeInfo{class, letterCode(f)}
	}
	return runeInfo{class: class}
}

// asciiInfo and arabicInfo (U+0600..U+06FF, the two-byte sequences led by
// 0xD8..0xDB) are infoOf of the commonest runes, computed once. No ASCII
// letter has a code.
var (
	asciiInfo = func() (t [utf8.RuneSelf]runeInfo) {
		for c := range t {
			t[c] = infoOf(rune(c))
		}
		return t
	}()
	arabicInfo = func() (t [256]runeInfo) {
		for k := range t {
			t[k] = infoOf(rune(0x600 + k))
		}
		return t
	}()
)

// unknownWord is the norm and base of a word that is not known. It is
// neither a word of the tables nor "" (the zero Resolver's words), so that
// it equals none of them, as the word itself would not.
const unknownWord = "\x00"

// maxWord bounds the letters of a word a lexicon may hold.
const maxWord = 30

// lexicon is a trie of the vocabulary over letter edges (the letters of its
// words, numbered from 1), for looking words up and splitting proclitics,
// with what the tables say of each word.
//
// A node is the offset of its row in next; next[n+e] is n's child by edge e
// and next[n] is 1 + the index in words of the word n spells, or 0. Node 0
// is dead: all its entries are 0. The letters no word has share the edge
// noEdge, by which every child is dead. The root is at rootNode.
type lexicon struct {
	next   []uint32
	noEdge uint8
	words  []string
	info   []wordInfo // by index in words

	remap  [256]uint8              // letter code → edge
	ascii  [utf8.RuneSelf]runeInfo // asciiInfo with edges for codes
	arabic [256]runeInfo           // arabicInfo with edges for codes
	// twoByte and genPunct are what slowRuneAt would compute for the
	// runes below U+0800 (« » and the no-break space are common in news)
	// and for the general punctuation U+2000..U+206F (“ ” – … and the
	// direction marks), by rune.
	twoByte  [0x800]runeInfo
	genPunct [0x70]runeInfo
	// inWord is the rune at text[i:i+2] when text[i]-0xD8 < 4, by
	// (text[i]&3)<<8 | text[i+1]: 1 + its edge for a letter, inDrop for a
	// mark, 0 for anything else, which ends a word (an invalid second byte
	// makes text[i] a separator).
	inWord [1024]uint8

	// Edges of alef and of the letters proclitics are made of, and the
	// root's child by alef.
	eAlef, eWaw, eFa, eBa, eLam, eKaf uint8
	alefNode                          uint32
	procFirst                         [256]bool // by edge: و ف ب ل ك, which begin proclitics

	maxLen int // the most letters a known word, proclitic included, can have
}

const inDrop = 1

// rootNode is the offset of the root's row: the dead row comes first.
func (lx *lexicon) rootNode() uint32 { return uint32(lx.stride()) }

// stride is the length of a row: the word slot, the edges and noEdge.
func (lx *lexicon) stride() int { return int(lx.noEdge) + 1 }

// emptyLexicon knows no word: the zero Resolver's.
var emptyLexicon = buildLexicon(nil, nil)

// buildLexicon makes the trie of words; info tells what the tables say of
// each. Words that are not all letters (punctuation in a set) are left out.
func buildLexicon(vocab []string, info func(string) wordInfo) *lexicon {
	lx := &lexicon{}
	edges := 0
	edge := func(code uint8) uint8 {
		if lx.remap[code] == 0 {
			edges++
			lx.remap[code] = uint8(edges)
		}
		return lx.remap[code]
	}
	lx.eAlef = edge(letterCode(alef))
	lx.eWaw = edge(letterCode('و'))
	lx.eFa = edge(letterCode('ف'))
	lx.eBa = edge(letterCode('ب'))
	lx.eLam = edge(letterCode('ل'))
	lx.eKaf = edge(letterCode('ك'))
	var spelt [][]uint8
	maxLen := 0
	for _, w := range slices.Sorted(slices.Values(vocab)) {
		var cs []uint8
		for _, c := range w {
			code := letterCode(c)
			if code == 0 || foldString(string(c)) != string(c) {
				cs = nil
				break
			}
			cs = append(cs, edge(code))
		}
		if cs == nil {
			continue
		}
		if len(cs) > maxWord-2 {
			panic("timex: table word " + w + " too long")
		}
		maxLen = max(maxLen, len(cs))
		lx.words = append(lx.words, w)
		lx.info = append(lx.info, info(w))
		spelt = append(spelt, cs)
	}
	if edges+1 > 0x7F {
		panic("timex: too many letters")
	}
	lx.noEdge = uint8(edges + 1)
	for code := range lx.remap {
		if lx.remap[code] == 0 {
			lx.remap[code] = lx.noEdge
		}
	}
	stride := lx.stride()
	lx.next = make([]uint32, 2*stride) // the dead row and the root
	for id, cs := range spelt {
		n := lx.rootNode()
		for _, e := range cs {
			k := n + uint32(e)
			if lx.next[k] == 0 {
				lx.next[k] = uint32(len(lx.next))
				lx.next = append(lx.next, make([]uint32, stride)...)
			}
			n = lx.next[k]
		}
		lx.next[n] = uint32(id) + 1
	}
	for _, e := range []uint8{lx.eWaw, lx.eFa, lx.eBa, lx.eLam, lx.eKaf} {
		lx.procFirst[e] = true
	}
	for k, ri := range asciiInfo {
		if ri.class == cLetter {
			ri.val = lx.remap[ri.val]
		}
		lx.ascii[k] = ri
	}
	for k, ri := range arabicInfo {
		if ri.class == cLetter {
			ri.val = lx.remap[ri.val]
		}
		lx.arabic[k] = ri
	}
	for c := range lx.twoByte {
		lx.twoByte[c] = lx.infoOf(rune(c))
	}
	for k := range lx.genPunct {
		lx.genPunct[k] = lx.infoOf(rune(0x2000 + k))
	}
	for k := range lx.inWord {
		lead, second := byte(0xD8+k>>8), byte(k)
		if second&0xC0 != 0x80 {
			continue // an invalid sequence
		}
		switch ri := lx.arabic[int(lead-0xD8)<<6|int(second&0x3F)]; ri.class {
		case cLetter:
			lx.inWord[k] = 1 + ri.val
		case cDrop:
			lx.inWord[k] = inDrop
		}
	}
	lx.alefNode = lx.next[lx.rootNode()+uint32(lx.eAlef)]
	// A proclitic adds at most two letters ("لل" for "ل" + "ال" one).
	lx.maxLen = maxLen + 2
	return lx
}

// runeAt returns the info and width of the rune at text[i] (i < len(text)).
// Invalid bytes decode as utf8.RuneError, a separator, as in fold.
func (lx *lexicon) runeAt(text string, i int) (runeInfo, int) {
	b := text[i]
	if b < utf8.RuneSelf {
		return lx.ascii[b], 1
	}
	if b-0xD8 < 4 && i+1 < len(text) {
		if c := text[i+1]; c&0xC0 == 0x80 {
			return lx.arabic[int(b-0xD8)<<6|int(c&0x3F)], 2
		}
	}
	return lx.slowRuneAt(text, i)
}

func (lx *lexicon) slowRuneAt(text string, i int) (runeInfo, int) {
	c, w := utf8.DecodeRuneInString(text[i:])
	switch {
	case c < 0x800:
		return lx.twoByte[c], w
	case c >= 0x2000 && c < 0x2070:
		return lx.genPunct[c-0x2000], w
	}
	return lx.infoOf(c), w
}

// infoOf is infoOf with the lexicon's edge for a letter.
func (lx *lexicon) infoOf(c rune) runeInfo {
	ri := infoOf(c)
	if ri.class == cLetter {
		ri.val = lx.remap[ri.val]
	}
	return ri
}

// scanWord reads the word whose first letter, of edge e, is text[i:i+w],
// walking the trie as the letters come. It returns the word's end and, when
// the word is known, its index in words and its proclitic, else -1.
//
// The inner loop takes the runes of the Arabic block by inWord, without a
// call, so that its variables stay in registers, and with few branches: a
// dead walk goes on in the dead row. Other runes go the slow way.
func (lx *lexicon) scanWord(text string, i, w int, e uint8) (end, id int, clitic string) {
	next := lx.next
	node := next[lx.rootNode()+uint32(e)]
	var es [32]uint8 // the first letters' edges: maxWord <= len(es)
	es[0] = e
	n := 1
	inWord := &lx.inWord
	for i += w; ; i += w {
		for last := len(text) - 1; i < last; i += 2 {
			b := text[i]
			if b-0xD8 >= 4 {
				if b < utf8.RuneSelf && lx.ascii[b].class != cLetter {
					goto done // a space or a mark of punctuation, mostly
				}
				break
			}
			v := inWord[int(b&3)<<8|int(text[i+1])]
			if v == 0 {
				goto done
			}
			if v != inDrop {
				es[n&(len(es)-1)] = v - 1 // wraps only past lx.maxLen
				n++
				node = next[node+uint32(v-1)]
			}
		}
		if i >= len(text) {
			break
		}
		var ri runeInfo
		ri, w = lx.runeAt(text, i)
		if ri.class == cLetter {
			es[n&(len(es)-1)] = ri.val
			n++
			node = next[node+uint32(ri.val)]
		} else if ri.class != cDrop {
			break
		}
	}
done:
	if id := int(next[node]) - 1; id >= 0 || n > lx.maxLen || !lx.procFirst[e] {
		return i, id, ""
	}
	id, clitic = lx.splitClitic(es[:n])
	return i, id, clitic
}

// find returns the index of the word spelt by node n followed by the edges
// es, or -1.
func (lx *lexicon) find(n uint32, es []uint8) int {
	next := lx.next
	for _, e := range es {
		if n = next[n+uint32(e)]; n == 0 {
			return -1
		}
	}
	return int(next[n]) - 1
}

// Proclitics of two letters by their letters' order in "بلك", after و and
// after ف.
var (
	procWaw = [3]string{"وب", "ول", "وك"}
	procFa  = [3]string{"فب", "فل", "فك"}
)

// splitClitic looks up the word of letter edges es, which is not known as
// it is, without a proclitic: removing one must leave a known word
// ("بالأمس" → "الامس", "ب"; "للأسبوع" → "الاسبوع", "ل"). The proclitics,
// longest first, are وب، فب، ول، فل، وك، فك، و، ف، ب، ل، ك; after one that
// ends with ل, "لل..." may also be "ال...". id is the known word's index in
// words, or -1.
func (lx *lexicon) splitClitic(es []uint8) (id int, clitic string) {
	var two *[3]string
	one := ""
	switch es[0] {
	case lx.eWaw:
		two, one = &procWaw, "و"
	case lx.eFa:
		two, one = &procFa, "ف"
	case lx.eBa:
		return lx.afterClitic(es[1:], "ب", false)
	case lx.eLam:
		return lx.afterClitic(es[1:], "ل", true)
	case lx.eKaf:
		return lx.afterClitic(es[1:], "ك", false)
	default:
		return -1, ""
	}
	if len(es) > 1 {
		var id int
		var c string
		switch es[1] {
		case lx.eBa:
			id, c = lx.afterClitic(es[2:], two[0], false)
		case lx.eLam:
			id, c = lx.afterClitic(es[2:], two[1], true)
		case lx.eKaf:
			id, c = lx.afterClitic(es[2:], two[2], false)
		default:
			id = -1
		}
		if id >= 0 {
			return id, c
		}
	}
	return lx.afterClitic(es[1:], one, false)
}

// afterClitic looks up rest, what follows the proclitic p: as it is, or,
// when p ends with ل (lam) and rest begins with ل, as "ا" + rest.
func (lx *lexicon) afterClitic(rest []uint8, p string, lam bool) (int, string) {
	if len(rest) == 0 {
		return -1, ""
	}
	if id := lx.find(lx.rootNode(), rest); id >= 0 {
		return id, p
	}
	if lam && rest[0] == lx.eLam && lx.alefNode != 0 {
		if id := lx.find(lx.alefNode, rest); id >= 0 {
			return id, p
		}
	}
	return -1, ""
}

// more tokenizes the next token into the window; false at the end of the
// text. A run of unknown words becomes one token, the run's first word: no
// rule looks past an unknown word, nor tells one from several (see Find).
func (s *scan) more() bool {
	s.toks = append(s.toks, token{})
	switch s.lex(&s.toks[len(s.toks)-1]) {
	case lexEnd:
		s.toks = s.toks[:len(s.toks)-1]
		return false
	case lexUnknown:
		// s.tmp stays zero while skip passes words by.
		if !s.thorough && s.skip(&s.tmp) {
			s.toks = append(s.toks, s.tmp)
			s.tmp = token{}
		}
	}
	return true
}

// skip passes the unknown words and the spaces after an unknown word. It
// stops before anything else, or makes the known word it stops at the
// token t, which is zero, and reports whether it did.
func (s *scan) skip(t *token) bool {
	lx, text, i := s.lx, s.text, s.pos
	space, line := s.space, s.line
	for i < len(text) {
		var ri runeInfo
		w := 1
		if b := text[i]; b == ' ' { // the commonest
			space = true
			i++
			continue
		} else if b < utf8.RuneSelf {
			ri = lx.ascii[b]
		} else if b-0xD8 < 4 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			ri, w = lx.arabic[int(b-0xD8)<<6|int(text[i+1]&0x3F)], 2
		} else {
			ri, w = lx.slowRuneAt(text, i)
		}
		switch ri.class {
		case cDrop:
		case cSpace:
			space = true
		case cNewline:
			space, line = true, true
		case cLetter:
			end, id, clitic := lx.scanWord(text, i, w, ri.val)
			if id >= 0 {
				s.wordToken(t, i, end, id, clitic)
				t.space, t.line = space, line
				s.space, s.line = false, false
				s.pos = end
				return true
			}
			space, line = false, false
			i = end
			continue
		default:
			s.space, s.line = space, line
			s.pos = i
			return false
		}
		i += w
	}
	s.space, s.line = space, line
	s.pos = i
	return false
}

// wordToken makes t the known word text[start:end], the word of index id in
// the lexicon after the proclitic clitic.
func (s *scan) wordToken(t *token, start, end, id int, clitic string) {
	t.kind, t.base, t.clitic, t.known, t.w = tWord, s.lx.words[id], clitic, true, &s.lx.info[id]
	t.norm = unknownWord
	if clitic == "" {
		t.norm = t.base
	}
	t.num, t.start, t.end = -1, start, end
}

// What lex found.
const (
	lexEnd     = iota // the end of the text
	lexToken          // a token, not an unknown word
	lexUnknown        // an unknown word
)

// lex tokenizes the next token into t, which is zero.
func (s *scan) lex(t *token) int {
	lx, text, i := s.lx, s.text, s.pos
	for i < len(text) {
		var ri runeInfo
		w := 1
		if b := text[i]; b < utf8.RuneSelf {
			ri = lx.ascii[b]
		} else if b-0xD8 < 4 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			ri, w = lx.arabic[int(b-0xD8)<<6|int(text[i+1]&0x3F)], 2
		} else {
			ri, w = lx.slowRuneAt(text, i)
		}
		res := lexToken
		switch ri.class {
		case cDrop:
			i += w
			continue
		case cSpace:
			s.space = true
			i += w
			continue
		case cNewline:
			s.space, s.line = true, true
			i += w
			continue
		case cPunct:
			t.kind, t.norm, t.w, t.num, t.start, t.end = tPunct, text[i:i+w], &noInfo, -1, i, i+w
			i += w
		case cDigit:
			start, n, nd := i, int(ri.val), 1
			for i += w; i < len(text); i += w {
				ri, w = lx.runeAt(text, i)
				if ri.class == cDigit {
					n = n*10 + int(ri.val)
					nd++
				} else if ri.class != cDrop {
					break
				}
			}
			if nd > 9 {
				n = -1
			}
			t.kind, t.w, t.num, t.ndig, t.start, t.end = tNum, &noInfo, n, nd, start, i
		default: // cLetter
			start := i
			var id int
			var clitic string
			i, id, clitic = lx.scanWord(text, i, w, ri.val)
			if id >= 0 {
				s.wordToken(t, start, i, id, clitic)
			} else {
				t.kind, t.norm, t.base, t.w, t.num, t.start, t.end = tWord, unknownWord, unknownWord, &noInfo, -1, start, i
				res = lexUnknown
			}
		}
		t.space, t.line = s.space, s.line
		s.space, s.line = false, false
		s.pos = i
		return res
	}
	s.pos = i
	return lexEnd
}

// tok returns token i, or the sentinel when i is out of range, making tokens
// as needed. The tokens before the window (see slide) are gone.
func (s *scan) tok(i int) *token {
	if k, toks := i-s.first, s.toks; uint(k) < uint(len(toks)) {
		return &toks[k]
	}
	return s.tokMore(i)
}

func (s *scan) tokMore(i int) *token {
	if i < 0 {
		return &s.end
	}
	k := i - s.first
	for k >= len(s.toks) {
		if !s.more() {
			return &s.end
		}
	}
	return &s.toks[k]
}

// keepBefore is how many tokens before the current one the rules look at.
const keepBefore = 3

// slide drops the tokens the rules can no longer look at once Find is at
// token i. It must not run while a rule holds token pointers.
func (s *scan) slide(i int) {
	if drop := i - keepBefore - s.first; drop >= 16 && drop >= len(s.toks)/2 {
		n := copy(s.toks, s.toks[drop:])
		s.toks = s.toks[:n]
		s.first += drop
	}
}

// nisba reports whether the word t, without a proclitic, is longer than
// "ال" and four bytes, begins with "ال" and ends with "ي" ("العالمي"): an
// adjective of relation.
func (s *scan) nisba(t *token) bool {
	b := t.base
	if b == unknownWord {
		var buf [64]byte
		nb := buf[:0]
		for _, c := range s.text[t.start:t.end] {
			if f, class := fold(c); class == cLetter {
				nb = utf8.AppendRune(nb, f)
			}
		}
		return len(nb) > len("ال")+4 && string(nb[:len("ال")]) == "ال" && string(nb[len(nb)-len("ي"):]) == "ي"
	}
	return len(b) > len("ال")+4 && b[:len("ال")] == "ال" && b[len(b)-len("ي"):] == "ي"
}
