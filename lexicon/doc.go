package lexicon

import (
	"slices"
	"strings"

	"rasid/arabic"
)

// Doc is a text prepared for matching: its tokens and, for each word, the
// readings with proclitics removed (arabic.AppendCandidates), computed once.
type Doc struct {
	Text   string
	Tokens []arabic.Token
	reads  []arabic.Candidate // token i's readings are reads[at[i].from:at[i].to]
	at     []tokenReads
	keys   *docKeys // the readings' ids, set by Lexicon.NewDoc and Reader.NewDoc
	words  wordIndex
	sc     *scratch // a Reader's, for its Docs; nil: each use makes its own
}

// scratch holds the tables Recognise fills for a Doc and drops after,
// and its result: a Reader keeps one, so that coding article after
// article does not allocate them again (and the collector has less to
// do).
type scratch struct {
	atoms                    []Atom
	mentions                 []Mention // Recognise's result
	noTitle, covered, noHead []bool
}

// scratch returns the scratch of d: its Reader's, else a new one.
func (d *Doc) scratch() *scratch {
	if d.sc != nil {
		return d.sc
	}
	return &scratch{}
}

// bools returns *b resized to n elements, all false, reusing its array.
func bools(b *[]bool, n int) []bool {
	if cap(*b) < n {
		*b = make([]bool, n+n/4)
	}
	*b = (*b)[:n]
	clear(*b)
	return *b
}

type tokenReads struct {
	from, to int32
	brk      bool // a line break separates the token from the one before
	bar      bool // the token ends a sentence or clause (isBarrier)
}

// docKeys are the ids of a Doc's readings in one vocabulary, indexed like
// them.
type docKeys struct {
	voc  *vocab
	word []int32 // reading r's literal word id, 0 if none
	pre  []int32 // reading r's prefix ids are ids[pre[r]:pre[r+1]]
	ids  []int32
	// root[r] tells which tries reading r takes an edge from the root of
	// (rootActors, rootEvents: trie.fromRoot), and tok[i] the same of any
	// reading of token i. Only a Reader sets them; nil, the tries are
	// asked.
	root, tok []uint8
	// mask[i] has the wordIDBit and preIDBit of the ids of token i's
	// readings, to tell most tokens a node takes none of (node.mask) at
	// one test. Only a Reader sets it.
	mask []uint64
}

// The tries, as bits of docKeys.root.
const (
	rootActors uint8 = 1 << iota
	rootEvents
)

// roots returns the bits of the tries of lx whose root reading r of k
// takes an edge from.
func (lx *Lexicon) roots(k *docKeys, r int32) uint8 {
	if k.word[r] == 0 && k.pre[r] == k.pre[r+1] {
		return 0 // no ids, as most punctuation and many words
	}
	var b uint8
	if lx.actors.fromRoot(k, r) {
		b |= rootActors
	}
	if lx.events.fromRoot(k, r) {
		b |= rootEvents
	}
	return b
}

// NewDoc tokenises text for matching.
func NewDoc(text string) *Doc {
	d := &Doc{}
	d.read(text)
	return d
}

// begin tokenizes text into d's buffers, emptied for its readings, and
// returns the number of tokens.
func (d *Doc) begin(text string) int {
	d.Text, d.keys = text, nil
	d.Tokens = arabic.DefaultOptions.AppendTokens(d.Tokens[:0], text)
	n := len(d.Tokens)
	d.at = slices.Grow(d.at[:0], n)[:n]
	if d.reads == nil {
		// News words have one or two readings: one allocation for them all.
		d.reads = make([]arabic.Candidate, 0, 2*n+8)
	}
	d.reads = d.reads[:0]
	d.words.reset(n)
	return n
}

// read makes d the Doc of text, reusing its buffers.
func (d *Doc) read(text string) {
	d.begin(text)
	for i := range d.Tokens {
		t := &d.Tokens[i] // not a copy: a token is six words
		from := int32(len(d.reads))
		if t.Kind != arabic.Word {
			d.reads = append(d.reads, arabic.Candidate{Form: t.Norm})
		} else if j := d.words.first(d.Tokens, i); j >= 0 {
			// A word read before: its readings, and their ids, are those
			// of its first occurrence, which it shares. Nearly half the
			// words of an article are such.
			d.at[i] = tokenReads{from: d.at[j].from, to: d.at[j].to}
			continue
		} else {
			d.reads = arabic.AppendCandidates(d.reads, t.Norm)
		}
		d.at[i] = tokenReads{from: from, to: int32(len(d.reads)), bar: isBarrier(*t)}
	}
	markLineBreaks(text, d.Tokens, d.at)
}

// wordIndex finds the first token of a Doc that is a given word, by open
// addressing: it is reset for each text, and small enough to stay in the
// processor's cache.
type wordIndex struct {
	slots []wordSlot // a power of two long, at least twice the tokens
}

type wordSlot struct {
	hash uint32 // of the word (hashWord)
	tok  int32  // 1 + the index of its first token; 0: an empty slot
}

// reset empties x for a text of n tokens.
func (x *wordIndex) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(x.slots) >= size {
		x.slots = x.slots[:size]
		clear(x.slots)
	} else {
		x.slots = make([]wordSlot, size)
	}
}

// first returns the first token before token i whose Norm is that of
// token i; if there is none, it returns -1 and token i is the first.
func (x *wordIndex) first(toks []arabic.Token, i int) int {
	w := toks[i].Norm
	h := hashWord(w)
	mask := uint32(len(x.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := &x.slots[j]
		if s.tok == 0 {
			*s = wordSlot{h, int32(i) + 1}
			return -1
		}
		if s.hash == h && toks[s.tok-1].Norm == w {
			return int(s.tok - 1)
		}
	}
}

// markLineBreaks sets the brk of each token that a line break separates
// from the one before: no dictionary key runs across it. It looks for the
// line breaks of text, a few, rather than into every gap between tokens.
func markLineBreaks(text string, toks []arabic.Token, at []tokenReads) {
	j := 0 // the first token that starts after the line break
	for p := strings.IndexByte(text, '\n'); p >= 0; {
		for j < len(toks) && toks[j].Start <= p {
			j++
		}
		if j == len(toks) {
			return
		}
		if j > 0 && toks[j-1].End <= p {
			at[j].brk = true
		}
		q := strings.IndexByte(text[p+1:], '\n')
		if q < 0 {
			return
		}
		p += 1 + q
	}
}

// NewDoc tokenises text for matching against lx: each reading is looked
// up in the lexicon's vocabulary once, for both Recognise and Phrases.
func (lx *Lexicon) NewDoc(text string) *Doc {
	d := NewDoc(text)
	d.keys = &docKeys{}
	d.keys.fill(lx.voc, d.reads)
	return d
}

// Reader makes Docs for one Lexicon as Lexicon.NewDoc does, in one set of
// buffers that it reuses: a coder that reads article after article then
// allocates almost nothing for them. Each Doc a Reader makes is valid
// until its next NewDoc only, and so are the mentions Recognise finds in
// it (until the next Recognise of the Reader's Docs, too). A Reader is
// not safe for concurrent use; keep one per goroutine (a sync.Pool of
// them serves a concurrent coder).
type Reader struct {
	lx   *Lexicon
	voc  *vocab
	doc  Doc
	keys docKeys
	sc   scratch
}

// NewReader returns a Reader for lx.
func (lx *Lexicon) NewReader() *Reader { return &Reader{lx: lx, voc: lx.voc} }

// NewDoc tokenises text for matching against the Reader's lexicon, in
// place of the Doc it made before.
func (r *Reader) NewDoc(text string) *Doc {
	r.doc.readKeyed(text, r.lx, &r.keys)
	r.doc.keys = &r.keys
	r.doc.sc = &r.sc
	return &r.doc
}

// readKeyed is read followed by k.fill(lx.voc, d.reads), in one pass that
// also sets k.root and k.tok: which tries a word's readings start in is
// found once per word of the text, not at each of its tokens by each pass
// that walks a trie. (A cache of the readings of the words of earlier
// texts cut a fifth more of the instructions, but made coding slower: its
// megabytes, read at random, missed the processor's caches. Finding, for
// each word, whether it may be a pronoun title or a head noun cost more
// than the passes asking it saved.)
func (d *Doc) readKeyed(text string, lx *Lexicon, k *docKeys) {
	v := lx.voc
	n := d.begin(text)
	k.voc = v
	k.word = k.word[:0]
	k.pre = append(k.pre[:0], 0)
	k.ids = k.ids[:0]
	k.root = k.root[:0]
	k.tok = slices.Grow(k.tok[:0], n)[:n]
	k.mask = slices.Grow(k.mask[:0], n)[:n]
	for i := range d.Tokens {
		t := &d.Tokens[i]
		from := int32(len(d.reads))
		if t.Kind != arabic.Word {
			d.reads = append(d.reads, arabic.Candidate{Form: t.Norm})
		} else if j := d.words.first(d.Tokens, i); j >= 0 {
			d.at[i] = tokenReads{from: d.at[j].from, to: d.at[j].to}
			k.tok[i] = k.tok[j]
			k.mask[i] = k.mask[j]
			continue
		} else {
			d.reads = arabic.AppendCandidates(d.reads, t.Norm)
		}
		var union uint8
		var mask uint64
		for r := from; r < int32(len(d.reads)); r++ {
			var w int32
			p := len(k.ids)
			w, k.ids = v.appendKeys(k.ids, d.reads[r].Form)
			k.word = append(k.word, w)
			k.pre = append(k.pre, int32(len(k.ids)))
			if w != 0 {
				mask |= wordIDBit(w)
			}
			for _, id := range k.ids[p:] {
				mask |= preIDBit(id)
			}
			b := lx.roots(k, r)
			k.root = append(k.root, b)
			union |= b
		}
		k.tok[i] = union
		k.mask[i] = mask
		d.at[i] = tokenReads{from: from, to: int32(len(d.reads)), bar: isBarrier(*t)}
	}
	markLineBreaks(text, d.Tokens, d.at)
}

// fill sets k to the ids of reads in v, reusing its buffers.
func (k *docKeys) fill(v *vocab, reads []arabic.Candidate) {
	k.voc = v
	k.word = slices.Grow(k.word[:0], len(reads))
	k.pre = append(slices.Grow(k.pre[:0], len(reads)+1), 0)
	k.ids = k.ids[:0]
	for _, c := range reads {
		var w int32
		w, k.ids = v.appendKeys(k.ids, c.Form)
		k.word = append(k.word, w)
		k.pre = append(k.pre, int32(len(k.ids)))
	}
}

// keys returns the ids of d's readings in lx's vocabulary: those computed
// with d, else new ones.
func (lx *Lexicon) keys(d *Doc) *docKeys {
	if d.keys != nil && d.keys.voc == lx.voc {
		return d.keys
	}
	k := &docKeys{}
	k.fill(lx.voc, d.reads)
	return k
}

// Candidates returns the readings of token i, whole word first.
func (d *Doc) Candidates(i int) []arabic.Candidate {
	a := d.at[i]
	return d.reads[a.from:a.to:a.to]
}
