package lexicon

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"rasid/arabic"
	"rasid/internal/le"
)

// Gaps in event phrases: "_" after a verb may span its subject (up to
// maxGap tokens); "~" inside a noun phrase spans a few modifiers only.
const (
	maxGap   = 24
	shortGap = 4
)

// vocab numbers the literal words and the prefixes of the dictionary keys
// of a Lexicon, shared by its actor and event tries. A text's readings are
// looked up in it once (docKeys); the tries then compare small integers
// instead of hashing every reading again at every node it is tried at.
// It grows while dictionaries load and is read-only after.
type vocab struct {
	words    map[string]int32   // literal key word → id, from 1
	wordList []string           // id → word (wordList[0] is unused)
	packed   packedTable        // the words of up to 15 bytes, found faster
	prefixes map[string]int32   // prefix → id, from 1
	preList  []string           // id → prefix (preList[0] is unused)
	byLead   map[string][]int32 // prefixes of two letters or more, by their first two letters
	byPair   pairTable          // the same, when those are two-byte characters (letterPair)
	short    map[string][]int32 // one-letter prefixes, by their letter
	shortBy2 pairTable          // the same, when it is a two-byte character, by its bytes
	// Most readings of a text are no key's word and begin no key's
	// prefix; testing a bit says so for most of them, far faster than the
	// map lookup. A set bit only says "maybe".
	wordBits  [1 << (sketchBits - 6)]uint64
	leadBits  [1 << (sketchBits - 6)]uint64 // two-letter prefixes, by letterPair
	lead3Bits [1 << (sketchBits - 6)]uint64 // longer prefixes, by their first three letters (letters3)
	shortBits [1 << (sketchBits - 6)]uint64
	// firstBytes holds the first byte of every prefix: a reading that
	// starts otherwise (a number, a Latin word) starts no prefix.
	firstBytes [256]bool
	// wordFirst holds the first byte of every literal word: a reading that
	// starts with neither (most punctuation) has no id at all.
	wordFirst [256]bool
}

// sketchBits is the size of the filters: 2^17 bits each, for a dictionary
// of some ten thousand words.
const sketchBits = 17

// sketch hashes s (not empty) to a filter bit.
func sketch(s string) uint32 {
	return uint32((wordBits(s) * 0x9E3779B97F4A7C15) >> (64 - sketchBits))
}

// hashWord hashes s for a hash table.
func hashWord(s string) uint32 {
	return uint32((wordBits(s) * 0x9E3779B97F4A7C15) >> 32)
}

// wordBits folds s into an integer to hash: its length and its first and
// last eight bytes (all of a word of two to eight letters), read as two
// integers.
func wordBits(s string) uint64 {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		x = le.Load64(s, 0) ^ bits.RotateLeft64(le.Load64(s, n-8), 29)
	case n >= 4:
		x = le.Load32(s, 0) | le.Load32(s, n-4)<<32
	default:
		for i := 0; i < n; i++ {
			x |= uint64(s[i]) << (8 * i)
		}
	}
	return x ^ x>>31 ^ uint64(n)<<56
}

func setBit(bits []uint64, h uint32)      { bits[h>>6] |= 1 << (h & 63) }
func hasBit(bits []uint64, h uint32) bool { return bits[h>>6]&(1<<(h&63)) != 0 }

func newVocab() *vocab {
	return &vocab{words: map[string]int32{}, wordList: []string{""}, prefixes: map[string]int32{}, preList: []string{""},
		byLead: map[string][]int32{}, short: map[string][]int32{}}
}

// word returns the id of literal key word w, numbering it if new.
func (v *vocab) word(w string) int32 {
	id, ok := v.words[w]
	if !ok {
		id = int32(len(v.wordList))
		v.words[w] = id
		v.wordList = append(v.wordList, w)
		if a, b, ok := pack(w); ok {
			v.packed.add(a, b, id)
		}
		if w != "" {
			setBit(v.wordBits[:], sketch(w))
			v.wordFirst[w[0]] = true
		}
	}
	return id
}

// prefix returns the id of prefix key p (without its "*"), numbering it
// if new.
func (v *vocab) prefix(p string) int32 {
	id, ok := v.prefixes[p]
	if !ok {
		id = int32(len(v.preList))
		v.prefixes[p] = id
		v.preList = append(v.preList, p)
		v.firstBytes[p[0]] = true
		if isShortPrefix(p) {
			v.short[p] = []int32{id}
			if len(p) == 2 && twoByte(p[0], p[1]) {
				setBit(v.shortBits[:], hash32(uint32(p[0])<<8|uint32(p[1])))
				v.shortBy2.add(uint32(p[0])<<8|uint32(p[1]), id)
			}
		} else {
			v.byLead[leadLetters(p)] = append(v.byLead[leadLetters(p)], id)
			if pair, ok := letterPair(p); ok {
				v.byPair.add(pair, id)
				// Filtered by three letters when a prefix has them:
				// "المقبل*" must not send every word with ال to the map.
				if three, ok := letters3(p); ok {
					setBit(v.lead3Bits[:], hash64(three))
				} else {
					setBit(v.leadBits[:], hash32(pair))
				}
			}
		}
	}
	return id
}

// isShortPrefix reports whether prefix p is one letter long: it is found
// by its letter, the others by their first two letters.
func isShortPrefix(p string) bool { return utf8.RuneCountInString(p) < 2 }

// appendKeys returns the id of reading form as a literal key word (0 if no
// key has that word) and appends to dst the ids of the key prefixes form
// starts with. Only the prefixes sharing form's first two letters, or its
// first letter, can begin it.
func (v *vocab) appendKeys(dst []int32, form string) (int32, []int32) {
	n := len(form)
	if n == 0 || !v.wordFirst[form[0]] && !v.firstBytes[form[0]] {
		return 0, dst
	}
	if n >= 4 && twoByte(form[0], form[1]) && twoByte(form[2], form[3]) {
		// The common case, two Arabic letters, without decoding them.
		pair := uint32(form[0])<<24 | uint32(form[1])<<16 | uint32(form[2])<<8 | uint32(form[3])
		maybe := hasBit(v.leadBits[:], hash32(pair))
		if !maybe && n >= 6 && twoByte(form[4], form[5]) {
			maybe = hasBit(v.lead3Bits[:], hash64(uint64(pair)<<16|uint64(form[4])<<8|uint64(form[5])))
		} else if !maybe {
			maybe = true // no third letter to filter by
		}
		if maybe {
			dst = v.appendPrefixes(dst, form, v.byPair.get(pair))
		}
		if hasBit(v.shortBits[:], hash32(pair>>16)) {
			dst = v.appendPrefixes(dst, form, v.shortBy2.get(pair>>16))
		}
	} else if v.firstBytes[form[0]] {
		dst = v.appendPrefixes(dst, form, v.byLead[leadLetters(form)])
		dst = v.appendPrefixes(dst, form, v.short[firstLetter(form)])
	}
	if !hasBit(v.wordBits[:], sketch(form)) {
		return 0, dst
	}
	if a, b, ok := pack(form); ok {
		return v.packed.find(a, b), dst
	}
	return v.words[form], dst
}

// packedTable finds the id of a short word by its bytes packed in two
// integers (pack), by open addressing: a probe compares integers where a
// map lookup hashes the string and compares its bytes (some 150
// instructions each), and most words of a text are short.
type packedTable struct {
	slots []packedSlot // a power of two long, at most half full
	n     int
}

type packedSlot struct {
	a, b uint64
	id   int32 // 0: empty
}

// pack packs s, if 15 bytes long at most, into two integers that tell it
// from any other such string: its bytes and its length.
func pack(s string) (a, b uint64, ok bool) {
	n := len(s)
	switch {
	case n > 15:
		return 0, 0, false
	case n >= 8:
		// Two loads: the last eight bytes, shifted down, are the bytes
		// after the first eight (none when n is 8: a shift by 64 is 0).
		a, b = le.Load64(s, 0), le.Load64(s, n-8)>>(8*(16-n))
	case n >= 4:
		// The first four bytes and the last four, which overlap them
		// byte for byte.
		a = le.Load32(s, 0) | le.Load32(s, n-4)<<(8*(n-4))
	default:
		for i := 0; i < n; i++ {
			a |= uint64(s[i]) << (8 * i)
		}
	}
	return a, b | uint64(n)<<56, true
}

func (t *packedTable) slot(a, b uint64) uint64 {
	h := (a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F) * 0x165667B19E3779F9
	return h >> 32 & uint64(len(t.slots)-1)
}

func (t *packedTable) add(a, b uint64, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]packedSlot, max(64, 2*len(old))), 0
		for _, s := range old {
			if s.id != 0 {
				t.add(s.a, s.b, s.id)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := t.slot(a, b)
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = packedSlot{a, b, id}
	t.n++
}

// find returns the id of the word packed as a, b; 0 if it is none.
func (t *packedTable) find(a, b uint64) int32 {
	if t.n == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(a, b); ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.id == 0 || s.a == a && s.b == b {
			return s.id
		}
	}
}

// pairTable maps a non-zero integer (the bytes of one or two letters) to
// prefix ids, by open addressing: a lookup costs a fifth of a map's.
type pairTable struct {
	keys []uint32 // a power of two long, at most half full; 0: empty
	ids  [][]int32
	n    int
}

func (t *pairTable) slot(k uint32) uint32 { return k * 0x9E3779B1 >> 16 & uint32(len(t.keys)-1) }

// get returns the ids of k, nil if none.
func (t *pairTable) get(k uint32) []int32 {
	if t.n == 0 {
		return nil
	}
	mask := uint32(len(t.keys) - 1)
	for i := t.slot(k); t.keys[i] != 0; i = (i + 1) & mask {
		if t.keys[i] == k {
			return t.ids[i]
		}
	}
	return nil
}

// add appends id to the ids of k.
func (t *pairTable) add(k uint32, id int32) {
	if 2*(t.n+1) > len(t.keys) {
		keys, ids := t.keys, t.ids
		n := max(64, 2*len(keys))
		t.keys, t.ids, t.n = make([]uint32, n), make([][]int32, n), 0
		for i, k := range keys {
			if k != 0 {
				t.put(k, ids[i])
			}
		}
	}
	t.put(k, append(t.get(k), id))
}

// put sets the ids of k.
func (t *pairTable) put(k uint32, ids []int32) {
	mask := uint32(len(t.keys) - 1)
	i := t.slot(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	if t.keys[i] == 0 {
		t.keys[i] = k
		t.n++
	}
	t.ids[i] = ids
}

// appendPrefixes appends to dst those of prefixes ids that begin form.
func (v *vocab) appendPrefixes(dst []int32, form string, ids []int32) []int32 {
	for _, id := range ids {
		if strings.HasPrefix(form, v.preList[id]) {
			dst = append(dst, id)
		}
	}
	return dst
}

// letterPair packs the first four bytes of s when they are two two-byte
// UTF-8 characters, as Arabic letters are.
func letterPair(s string) (uint32, bool) {
	if len(s) < 4 || !twoByte(s[0], s[1]) || !twoByte(s[2], s[3]) {
		return 0, false
	}
	return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3]), true
}

// letters3 packs the first six bytes of s when they are three two-byte
// UTF-8 characters.
func letters3(s string) (uint64, bool) {
	pair, ok := letterPair(s)
	if !ok || len(s) < 6 || !twoByte(s[4], s[5]) {
		return 0, false
	}
	return uint64(pair)<<16 | uint64(s[4])<<8 | uint64(s[5]), true
}

// twoByte reports whether b0 b1 is a valid two-byte UTF-8 character.
func twoByte(b0, b1 byte) bool { return b0 >= 0xC2 && b0 <= 0xDF && b1&0xC0 == 0x80 }

// hash32 and hash64 map x to a filter bit.
func hash32(x uint32) uint32 { return (x * 0x9E3779B1) >> (32 - sketchBits) }
func hash64(x uint64) uint32 { return uint32((x * 0x9E3779B97F4A7C15) >> (64 - sketchBits)) }

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

// trie is keyed by sequences of normalised words. An edge may be a literal
// word, a prefix ("زيار*" matches زياره and زيارته) or a gap ("_") that
// skips up to maxGap tokens; values sit on the node that ends a key.
type trie[V any] struct {
	voc  *vocab
	root *node[V]
	// first holds the root's literal edges by word id: nearly every
	// token of a text is tried at the root, most of them in vain.
	first []*node[V]
	// rootPre[id] is set when prefix id is an edge of the root.
	rootPre []bool
	size    int
}

type node[V any] struct {
	next []edge[V] // literal words, sorted by word id
	pre  []edge[V] // prefixes, sorted by prefix id
	gap  *node[V]
	sgap *node[V]
	vals []V
	// nPre and nShort count the prefix edges of two letters or more and
	// of one letter, to rank new ones.
	nPre, nShort int32
	// mask has the wordIDBit or preIDBit of every edge's id: a token
	// none of whose readings' ids is in it (docKeys.mask) takes none.
	mask uint64
}

// wordIDBit and preIDBit map a literal word id and a prefix id to a bit of
// node.mask and docKeys.mask: the words to the low half, the prefixes to
// the high half.
func wordIDBit(id int32) uint64 { return 1 << (uint32(id) & 31) }
func preIDBit(id int32) uint64  { return 1 << (32 + uint32(id)&31) }

type edge[V any] struct {
	id int32
	// rank orders the prefix edges a reading takes at one node: those of
	// two letters or more as added, then those of one letter as added.
	rank int32
	to   *node[V]
}

func newTrie[V any](voc *vocab) *trie[V] { return &trie[V]{voc: voc, root: &node[V]{}} }

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
			id := t.voc.prefix(p)
			i, found := search(n.pre, id)
			n.mask |= preIDBit(id)
			if !found {
				e := edge[V]{id: id, rank: n.nPre, to: &node[V]{}}
				if isShortPrefix(p) {
					e.rank = 1<<30 + n.nShort
					n.nShort++
				} else {
					n.nPre++
				}
				n.pre = insertAt(n.pre, i, e)
				if n == t.root {
					for int(id) >= len(t.rootPre) {
						t.rootPre = append(t.rootPre, false)
					}
					t.rootPre[id] = true
				}
			}
			n = n.pre[i].to
		default:
			id := t.voc.word(w)
			i, found := search(n.next, id)
			n.mask |= wordIDBit(id)
			if !found {
				n.next = insertAt(n.next, i, edge[V]{id: id, to: &node[V]{}})
				if n == t.root {
					for int(id) >= len(t.first) {
						t.first = append(t.first, nil)
					}
					t.first[id] = n.next[i].to
				}
			}
			n = n.next[i].to
		}
	}
	n.vals = append(n.vals, v)
	t.size++
}

// search finds id in es, sorted by id: its index and whether it is there
// (else where it would go).
func search[V any](es []edge[V], id int32) (int, bool) {
	lo, hi := 0, len(es)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if es[m].id < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(es) && es[lo].id == id
}

func insertAt[V any](es []edge[V], i int, e edge[V]) []edge[V] {
	es = append(es, edge[V]{})
	copy(es[i+1:], es[i:])
	es[i] = e
	return es
}

// child returns the node literal word id leads to from n, or nil.
func (t *trie[V]) child(n *node[V], id int32) *node[V] {
	if n == t.root {
		if int(id) < len(t.first) {
			return t.first[id]
		}
		return nil
	}
	if i, ok := search(n.next, id); ok {
		return n.next[i].to
	}
	return nil
}

// match is one key found in a Doc: tokens [Start, End), the reading of the
// first token that matched, and the values of the key.
type match[V any] struct {
	Start, End int
	First      arabic.Candidate
	Vals       []V
}

// walk calls fn for every key that starts at token i, once per way of
// reading the tokens (a word may match whole or without its proclitics);
// k are the ids of d's readings in t's vocabulary.
//
// bit is t's bit in k.root (rootActors, rootEvents), 0 to ask t.fromRoot.
func (t *trie[V]) walk(d *Doc, k *docKeys, i int, bit uint8, fn func(m match[V])) {
	a := d.at[i] // loaded once: consume may write where d points, for all the compiler knows
	if bit == 0 || k.root == nil {
		for r := a.from; r < a.to; r++ {
			if t.fromRoot(k, r) {
				t.consume(d, k, t.root, i, i, r, d.reads[r], fn)
			}
		}
		return
	}
	for r := a.from; r < a.to; r++ {
		if k.root[r]&bit != 0 {
			t.consume(d, k, t.root, i, i, r, d.reads[r], fn)
		}
	}
}

// fromRoot reports whether reading r takes an edge from the root: whether
// a key of t may start with it. Most readings with ids have those of
// the vocabulary's other keys, or of words inside keys.
func (t *trie[V]) fromRoot(k *docKeys, r int32) bool {
	if w := k.word[r]; w != 0 && int(w) < len(t.first) && t.first[w] != nil {
		return true
	}
	for _, id := range k.ids[k.pre[r]:k.pre[r+1]] {
		if int(id) < len(t.rootPre) && t.rootPre[id] {
			return true
		}
	}
	return false
}

// startsIn reports whether some reading of token i may take an edge from
// the root of the trie of bit (docKeys.root): exactly so when k knows, else
// whether it is keyed.
func (k *docKeys) startsIn(d *Doc, i int, bit uint8) bool {
	if k.tok == nil {
		return k.keyed(d, i)
	}
	return k.tok[i]&bit != 0
}

// mayTake reports whether a reading of token i may take an edge from n:
// n has edges and, when k knows the ids of each token (mask), one of
// them is of a reading of the token.
func mayTake[V any](k *docKeys, n *node[V], i int) bool {
	if k.mask == nil {
		return len(n.next) > 0 || len(n.pre) > 0
	}
	return k.mask[i]&n.mask != 0
}

// keyed reports whether a reading of token i has a literal word or a
// prefix id: whether any key may start at the token. Most tokens have
// none, and a walk from them finds nothing.

func (k *docKeys) keyed(d *Doc, i int) bool {
	a := d.at[i]
	for r := a.from; r < a.to; r++ {
		if k.word[r] != 0 || k.pre[r] != k.pre[r+1] {
			return true
		}
	}
	return false
}

// consume tries to take token i, read as reading r, from node n.
func (t *trie[V]) consume(d *Doc, k *docKeys, n *node[V], start, i int, r int32, first arabic.Candidate, fn func(match[V])) {
	if id := k.word[r]; id != 0 {
		if m := t.child(n, id); m != nil {
			t.arrive(d, k, m, start, i+1, first, fn)
		}
	}
	if len(n.pre) > 0 && k.pre[r] < k.pre[r+1] {
		t.prefixes(d, k, n, k.ids[k.pre[r]:k.pre[r+1]], start, i, first, fn)
	}
}

// prefixes follows the prefix edges of n among ids, the prefixes the
// reading starts with, in the order of their ranks.
func (t *trie[V]) prefixes(d *Doc, k *docKeys, n *node[V], ids []int32, start, i int, first arabic.Candidate, fn func(match[V])) {
	var stack [4]edge[V]
	found := stack[:0]
	for _, id := range ids {
		if j, ok := search(n.pre, id); ok {
			e := n.pre[j]
			// Insertion by rank: a reading rarely takes more than one.
			found = append(found, e)
			for x := len(found) - 1; x > 0 && found[x].rank < found[x-1].rank; x-- {
				found[x], found[x-1] = found[x-1], found[x]
			}
		}
	}
	for _, e := range found {
		t.arrive(d, k, e.to, start, i+1, first, fn)
	}
}

// arrive reports the values of n, reached with token i next, and goes on.
func (t *trie[V]) arrive(d *Doc, k *docKeys, n *node[V], start, i int, first arabic.Candidate, fn func(match[V])) {
	if len(n.vals) > 0 {
		fn(match[V]{Start: start, End: i, First: first, Vals: n.vals})
	}
	if i < len(d.Tokens) && mayTake(k, n, i) && !d.at[i].brk {
		for r := d.at[i].from; r < d.at[i].to; r++ {
			t.consume(d, k, n, start, i, r, first, fn)
		}
	}
	t.skip(d, k, n.gap, maxGap, start, i, first, fn)
	t.skip(d, k, n.sgap, shortGap, start, i, first, fn)
}

// skip continues from gap node g (if any) after skipping 0..limit tokens.
func (t *trie[V]) skip(d *Doc, k *docKeys, g *node[V], limit, start, i int, first arabic.Candidate, fn func(match[V])) {
	if g == nil {
		return
	}
	for j := 0; j <= limit && i+j < len(d.Tokens); j++ {
		if j > 0 && d.at[i+j-1].bar || d.at[i+j].brk {
			break
		}
		if !mayTake(k, g, i+j) || k.mask == nil && !k.keyed(d, i+j) {
			continue // consume would take none of its readings
		}
		for r := d.at[i+j].from; r < d.at[i+j].to; r++ {
			t.consume(d, k, g, start, i+j, r, first, fn)
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
