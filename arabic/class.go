package arabic

import (
	"unicode"
	"unicode/utf8"
)

// class is what a code point can do in a token.
type class uint8

const (
	clsSpace   class = iota // separates tokens, never part of one: spaces, line breaks, format controls (ZWNJ, RLM, BOM)
	clsLetter               // an Arabic letter: starts or continues a Word
	clsTatweel              // ـ: continues a Word; alone it is a dash
	clsMark                 // a combining mark (harakat): belongs to the character before it
	clsLatin                // a letter of another script, mostly Latin
	clsDigit                // a decimal digit of any script
	clsPunct                // punctuation: a token of its own
	clsSymbol               // anything else: a token of its own
	clsInvalid              // a byte that does not start valid UTF-8 (never in the tables)
)

// classOfSlow classifies r from the Unicode tables. The rule order matters:
// tatweel is a letter (Lm) and the Quranic marks include letters (U+06E5)
// and format characters (U+06DD), but all of them behave as word-internal
// marks here because StripDiacritics removes them.
func classOfSlow(r rune) class {
	switch {
	case r == tatweel:
		return clsTatweel
	case isDiacritic(r):
		return clsMark
	case unicode.IsSpace(r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
		return clsSpace
	case unicode.IsLetter(r):
		if unicode.Is(unicode.Arabic, r) {
			return clsLetter
		}
		return clsLatin
	case unicode.IsMark(r):
		return clsMark
	case unicode.Is(unicode.Nd, r):
		return clsDigit
	case unicode.IsPunct(r):
		return clsPunct
	}
	return clsSymbol
}

// blockEntry describes a code point of the Arabic block U+0600–U+06FF.
type blockEntry struct {
	cls  class
	fold Options // the option that changes this code point, 0 if none
	repl uint16  // what it becomes: 0 removed, < 0x80 an ASCII byte, else a code point of the block
}

// Read-only tables, built once at initialisation from classOfSlow,
// foldRule and the generated presentation table: they turn the common
// code points (ASCII, Latin-1, the Arabic block, general punctuation,
// presentation forms) into one array index.
var (
	latin1Class = func() (t [0x100]class) {
		for i := range t {
			t[i] = classOfSlow(rune(i))
		}
		return t
	}()
	generalPunct = func() (t [0x70]class) {
		for i := range t {
			t[i] = classOfSlow(rune(0x2000 + i))
		}
		return t
	}()
	arabicBlock = func() (t [256]blockEntry) {
		for i := range t {
			r := rune(0x600 + i)
			fold, repl := foldRule(r)
			if fold == 0 {
				repl = 0
			}
			t[i] = blockEntry{cls: classOfSlow(r), fold: fold, repl: uint16(repl)}
		}
		return t
	}()
	// pairEntry is arabicBlock by the two bytes of a code point, indexed
	// by (lead-0xD8)<<8 | second byte; an invalid second byte gives
	// clsInvalid, which is in no class set.
	pairEntry = func() (t [4 << 8]blockEntry) {
		for k := range t {
			lead, second := byte(0xD8+k>>8), byte(k)
			if second&0xC0 != 0x80 {
				t[k] = blockEntry{cls: clsInvalid}
				continue
			}
			t[k] = arabicBlock[blockIndex(lead, second)]
		}
		return t
	}()
	presClass = func() (t [len(presOff) - 1]class) {
		for k := range t {
			r := rune(0xFB50 + k)
			if k >= 0xFE00-0xFB50 {
				r = rune(0xFE70 + k - (0xFE00 - 0xFB50))
			}
			t[k] = classOfSlow(r)
			if m := presentation(r); m != "" && t[k] == clsLetter {
				// A shaped letter is a letter; a shaped harakah
				// (U+FE70 ً, U+FE71 ـً) only marks one.
				t[k] = clsMark
				for _, c := range m {
					// The mappings stay in the Arabic block and ASCII.
					if 0x600 <= c && c < 0x700 && arabicBlock[c-0x600].cls == clsLetter {
						t[k] = clsLetter
						break
					}
				}
			}
		}
		return t
	}()
)

// classOf classifies r, through the tables where they reach.
func classOf(r rune) class {
	switch {
	case r < 0x100:
		return latin1Class[r]
	case r < 0x600:
	case r < 0x700:
		return arabicBlock[r-0x600].cls
	case 0x2000 <= r && r < 0x2070:
		return generalPunct[r-0x2000]
	case 0xFB50 <= r && r < 0xFE00:
		return presClass[r-0xFB50]
	case 0xFE70 <= r && r < 0xFF00:
		return presClass[r-0xFE70+0xFE00-0xFB50]
	}
	return classOfSlow(r)
}

// changes reports whether a rule of o changes the code point r.
func (o Options) changes(r rune) bool {
	switch {
	case r < 0x80:
		return o&FoldLatinCase != 0 && 'A' <= r && r <= 'Z'
	case 0x600 <= r && r < 0x700:
		return arabicBlock[r-0x600].fold&o != 0
	}
	return o&FoldPresentationForms != 0 && presentation(r) != ""
}

// decodeAt decodes the code point at text[i]; size is 1 and ok false for
// a byte that does not start valid UTF-8. Two-byte sequences (Latin-1,
// Arabic) are decoded inline.
func decodeAt(text string, i int) (r rune, size int, ok bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1, true
	}
	if 0xC2 <= c && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2, true
	}
	r, size = utf8.DecodeRuneInString(text[i:])
	return r, size, r != utf8.RuneError || size > 1
}

// nextRune decodes and classifies the code point at text[i]; an invalid
// byte is clsInvalid with size 1.
func nextRune(text string, i int) (r rune, cls class, size int) {
	r, size, ok := decodeAt(text, i)
	if !ok {
		return r, clsInvalid, 1
	}
	return r, classOf(r), size
}
