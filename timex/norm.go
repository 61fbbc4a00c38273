package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Arabic letters and marks the normaliser folds or drops.
const (
	alef           = '\u0627' // ا
	alefMadda      = '\u0622' // آ
	alefHamzaAbove = '\u0623' // أ
	alefHamzaBelow = '\u0625' // إ
	alefWasla      = '\u0671' // ٱ
	tehMarbuta     = '\u0629' // ة
	heh            = '\u0647' // ه
	alefMaksura    = '\u0649' // ى
	yeh            = '\u064A' // ي
	farsiYeh       = '\u06CC' // ی
	keheh          = '\u06A9' // ک
	kaf            = '\u0643' // ك
	tatweel        = '\u0640' // ـ
	fathatan       = '\u064B' // first harakah (tanween fath)
	lastMark       = '\u065F' // last of the U+064B.. block of marks
	superAlef      = '\u0670' // dagger alef
)

// runeClass is what the normaliser does with one rune.
type runeClass uint8

const (
	cDrop    runeClass = iota // diacritic, tatweel, format character: removed
	cSpace                    // separates tokens
	cNewline                  // separates tokens and starts a line
	cDigit                    // part of a number
	cLetter                   // part of a word
	cPunct                    // a token of its own
)

// fold returns the normalised form of r and its class.
func fold(r rune) (rune, runeClass) {
	switch {
	case r >= '0' && r <= '9':
		return r, cDigit
	case r >= '\u0660' && r <= '\u0669': // Arabic-Indic digits
		return '0' + r - '\u0660', cDigit
	case r >= '\u06F0' && r <= '\u06F9': // Extended Arabic-Indic (Persian) digits
		return '0' + r - '\u06F0', cDigit
	case r >= fathatan && r <= lastMark, r == superAlef, r == tatweel:
		return 0, cDrop
	case r == alefMadda, r == alefHamzaAbove, r == alefHamzaBelow, r == alefWasla:
		return alef, cLetter
	case r == tehMarbuta:
		return heh, cLetter
	case r == alefMaksura, r == farsiYeh:
		return yeh, cLetter
	case r == keheh:
		return kaf, cLetter
	case r >= '\u0621' && r <= '\u064A': // the Arabic letters (tatweel handled above)
		return r, cLetter
	case r == '\n', r == '\r', r == '\u2028', r == '\u2029', r == '\u0085':
		return r, cNewline
	case r < utf8.RuneSelf:
		switch {
		case r >= 'a' && r <= 'z':
			return r, cLetter
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', cLetter
		case r == ' ', r == '\t', r == '\v', r == '\f':
			return r, cSpace
		case r < ' ' || r == 0x7F:
			return r, cSpace
		}
		return r, cPunct
	case r == utf8.RuneError:
		return r, cSpace
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		return 0, cDrop
	case unicode.IsSpace(r):
		return r, cSpace
	case unicode.IsLetter(r):
		return unicode.ToLower(r), cLetter
	case unicode.IsDigit(r): // other scripts' digits: not ours
		return r, cPunct
	}
	return r, cPunct
}

// foldString returns the normalised form of s (for building tables).
func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		f, c := fold(r)
		if c != cDrop {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEnd   tokKind = iota // the sentinel after the last token
	tWord                 // letters
	tNum                  // ASCII digits (after folding)
	tPunct                // one punctuation rune
)

// token is one word, number or punctuation mark of the normalised text, with
// the byte range it comes from in the original text.
//
// To spare building strings for the many words no rule cares about, a word
// that is not known (no word of the tables, even without a proclitic) has
// norm and base unknownWord, and a known word with a proclitic has norm
// unknownWord: no rule needs more of them (see scan.nisba).
type token struct {
	kind   tokKind
	known  bool      // base is a word of the tables
	space  bool      // separated from the previous token by space
	line   bool      // first token of the text or of a line
	norm   string    // normalised form: a punctuation mark, or a known word without proclitic
	base   string    // norm without a proclitic, when that gives a known word
	clitic string    // the proclitic removed ("و", "بال" → "ب", ...), or ""
	w      *wordInfo // what the tables say of base; never nil
	num    int       // value of a number of up to 9 digits, else -1
	ndig   int       // digits in a number
	start  int       // byte offset of the first rune in the original text
	end    int       // byte offset after the last rune, trailing marks included
}
