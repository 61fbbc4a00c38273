package arabic

import (
	"slices"
	"strconv"
	"strings"

	"rasid/internal/le"
)

// Kind is what a token is made of.
type Kind uint8

const (
	// Word is a run of Arabic letters with their marks and tatweel: كتب،
	// الـ (of الـ20). A letter of another kind (a digit, a Latin letter)
	// ends it.
	Word Kind = iota + 1
	// Latin is a run of letters of another script, mostly Latin, with the
	// digits that follow them: G20, COP28, Reuters.
	Latin
	// Number is a run of digits of any script, with . , ٫ ٬ / - : between
	// two digits kept inside: 3.5, ٣٫٥, 1,000, 2025/03/04, 04-03-2025, 10:30.
	Number
	// Punct is one punctuation character: . ، « » ( ) - … ; also a run of
	// tatweel standing alone, which news writers use as a dash.
	Punct
	// Symbol is one other character: $ + © an emoji; also combining marks
	// with no character before them.
	Symbol
)

var kindNames = [...]string{Word: "word", Latin: "latin", Number: "number", Punct: "punct", Symbol: "symbol"}

// String returns the lower-case name of k ("word", "number", …), as the
// CLI and JSON output show it.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Start, End int // byte offsets into the ORIGINAL text; text[Start:End] is the raw token
	// Norm is the token normalised with the tokenizer's Options; it never
	// alters the source. For a Word, Latin or Number token it equals
	// Options.Normalize(text[Start:End]). A Punct or Symbol token whose
	// normal form would be empty (a lone tatweel dash, stray harakat) keeps
	// its raw text, so that no token has an empty Norm.
	Norm string
	Kind Kind
}

// Tokenize splits text into tokens normalised with DefaultOptions.
func Tokenize(text string) []Token { return DefaultOptions.AppendTokens(nil, text) }

// classSet is a set of classes, for the scanners.
type classSet uint16

func (s classSet) has(c class) bool { return s&(1<<c) != 0 }

const (
	wordSet  classSet = 1<<clsLetter | 1<<clsTatweel | 1<<clsMark
	latinSet classSet = 1<<clsLatin | 1<<clsDigit | 1<<clsMark
	digitSet classSet = 1 << clsDigit
	markSet  classSet = 1 << clsMark
	dashSet  classSet = 1<<clsTatweel | 1<<clsMark
)

// AppendTokens appends the tokens of text, normalised with o, to dst.
//
// Whitespace (including NBSP, ZWNJ, ZWJ, LRM/RLM and BOM) separates tokens
// and belongs to none; so do bytes that are not valid UTF-8, which are
// skipped. A combining mark belongs to the token of the character before
// it. See Kind for what each kind of token holds.
//
// A token's Norm is a substring of text when normalising does not change
// it; the others share a few buffers allocated per call, so tokenising
// allocates little beyond the returned slice.
func (o Options) AppendTokens(dst []Token, text string) []Token {
	if cap(dst) == len(dst) {
		// One allocation instead of a dozen for growing the slice. In
		// news prose a token is a word after a space or a line break, or
		// one of the punctuation marks, about one per 50 bytes; counting
		// spaces runs at memory speed and comes within 10% of the count.
		dst = slices.Grow(dst, strings.Count(text, " ")+strings.Count(text, "\n")+len(text)/48+1)
	}
	var (
		arena strings.Builder // holds the Norm of changed tokens
		stack [128]byte
	)
	scratch := stack[:0]
	chunk := min(max(len(text)/2, 256), 64<<10)
	// seen holds, by a hash of its raw text, 1 + the index in dst of a
	// token this call normalised: a word repeated with the same letters
	// takes its Norm rather than normalising it again.
	var seen [512]int32
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++ // the commonest space, between nearly every two tokens
			continue
		}
		var (
			r    rune
			cls  class
			size int
		)
		// Decoding is written out here and in Sentences on purpose: as a
		// function (too costly to inline) it made both 5–30% slower.
		if c := text[i]; c < 0x80 {
			r, cls, size = rune(c), latin1Class[c], 1
		} else if 0xD8 <= c && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			k := blockIndex(c, text[i+1])
			r, cls, size = 0x600+rune(k), arabicBlock[k].cls, 2
		} else {
			r, cls, size = nextRune(text, i)
		}

		var (
			kind    Kind
			end     int
			changed bool
		)
		switch cls {
		case clsSpace, clsInvalid:
			i += size
			continue
		case clsLetter:
			kind = Word
			end, changed = o.scan(text, i, wordSet)
		case clsLatin:
			kind = Latin
			end, changed = o.scan(text, i, latinSet)
		case clsDigit:
			kind = Number
			end, changed = o.scanNumber(text, i)
		case clsTatweel:
			kind = Punct
			end, changed = o.scan(text, i, dashSet)
		case clsMark:
			kind = Symbol
			end, changed = o.scan(text, i, markSet)
		default: // clsPunct, clsSymbol
			kind = Punct
			if cls == clsSymbol {
				kind = Symbol
			}
			end, changed = o.scan(text, i+size, markSet)
			changed = changed || o.changes(r)
		}

		raw := text[i:end]
		norm := raw
		if changed {
			h := rawHash(raw) % uint32(len(seen))
			if j := seen[h] - 1; j >= 0 && text[dst[j].Start:dst[j].End] == raw {
				dst = append(dst, Token{Start: i, End: end, Norm: dst[j].Norm, Kind: kind})
				i = end
				continue
			}
			seen[h] = int32(len(dst)) + 1
			scratch = o.appendFrom(scratch[:0], raw, 0)
			if len(scratch) > 0 {
				if arena.Cap()-arena.Len() < len(scratch) {
					// A new buffer rather than a grown one: the Norm
					// strings already made keep the old one alive, and
					// nothing is copied.
					arena = strings.Builder{}
					arena.Grow(max(chunk, len(scratch)))
				}
				n := arena.Len()
				arena.Write(scratch)
				norm = arena.String()[n:]
			}
		}
		dst = append(dst, Token{Start: i, End: end, Norm: norm, Kind: kind})
		i = end
	}
	return dst
}

// rawHash hashes a token's raw text by its length and its first and last
// eight bytes (or four), read as integers.
func rawHash(s string) uint32 {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		x = le.Load64(s, 0) ^ le.Load64(s, n-8)<<7
	case n >= 4:
		x = le.Load32(s, 0) | le.Load32(s, n-4)<<32
	default:
		for i := 0; i < n; i++ {
			x |= uint64(s[i]) << (8 * i)
		}
	}
	return uint32(((x ^ x>>29 ^ uint64(n)) * 0x9E3779B97F4A7C15) >> 40)
}

// scan returns the end of the run of code points of the classes in set
// that starts at text[i], and whether normalising the run with o changes
// it. ASCII and the Arabic block take a table lookup each.
func (o Options) scan(text string, i int, set classSet) (end int, changed bool) {
	lower := o&FoldLatinCase != 0
	for i < len(text) {
		// A run of the Arabic block, most of a word, in a loop of its
		// own: one table lookup per code point, and the options that
		// would change its letters gathered and tested once.
		var folds Options
		for n := len(text) - 1; i < n && text[i]-0xD8 < 4; i += 2 {
			e := &pairEntry[int(text[i]&3)<<8|int(text[i+1])]
			if !set.has(e.cls) {
				return i, changed || folds&o != 0
			}
			folds |= e.fold
		}
		if folds&o != 0 {
			changed = true
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		switch {
		case c < 0x80:
			if !set.has(latin1Class[c]) {
				return i, changed
			}
			if lower && 'A' <= c && c <= 'Z' {
				changed = true
			}
			i++
		default: // not the Arabic block, or invalid UTF-8
			r, size, ok := decodeAt(text, i)
			if !ok || !set.has(classOf(r)) {
				return i, changed
			}
			if o.changes(r) {
				changed = true
			}
			i += size
		}
	}
	return i, changed
}

// scanNumber is scan for a Number: digits, with a separator kept when a
// digit follows it (3.5, 2025/03/04), then any marks.
func (o Options) scanNumber(text string, i int) (end int, changed bool) {
	end, changed = o.scan(text, i, digitSet)
	for end < len(text) {
		r, size, _ := decodeAt(text, end)
		if !isNumberSeparator(r) || end+size >= len(text) {
			break
		}
		if d, _, ok := decodeAt(text, end+size); !ok || classOf(d) != clsDigit {
			break
		}
		var more bool
		end, more = o.scan(text, end+size, digitSet)
		changed = changed || more || o.changes(r)
	}
	end, more := o.scan(text, end, markSet)
	return end, changed || more
}

// isNumberSeparator reports whether r, between two digits, stays inside a
// Number: decimal and thousands separators, and the separators of dates,
// ranges and times.
func isNumberSeparator(r rune) bool {
	switch r {
	case '.', ',', '/', '-', ':', arabicDecimal, arabicThousands:
		return true
	}
	return false
}
