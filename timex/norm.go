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
type token struct {
	kind   tokKind
	norm   string // normalised form
	base   string // norm without a proclitic, when that gives a known word
	clitic string // the proclitic removed ("و", "بال" → "ب", ...), or ""
	known  bool   // base is a word of the tables: a rule may start here
	num    int    // value of a number of up to 9 digits, else -1
	ndig   int    // digits in a number
	start  int    // byte offset of the first rune in the original text
	end    int    // byte offset after the last rune, trailing marks included
	space  bool   // separated from the previous token by space
	line   bool   // first token of the text or of a line
}

// proclitics, longest first; each is tried before the shorter ones.
var proclitics = []string{"وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك"}

// tokenize splits text into tokens on its normalised form. The returned
// slice ends with a tEnd sentinel whose start and end are len(text).
func (r *Resolver) tokenize(text string) []token {
	buf := make([]byte, 0, len(text))
	type span struct{ a, b int } // norm range in buf
	toks := make([]token, 0, len(text)/8+2)
	spans := make([]span, 0, cap(toks))
	cur := -1 // index of the open word or number token, or -1
	space, line := false, true
	for i := 0; i < len(text); {
		c, w := utf8.DecodeRuneInString(text[i:])
		if c == utf8.RuneError && w <= 1 {
			c = utf8.RuneError // invalid byte: a separator
		}
		f, class := fold(c)
		switch class {
		case cDrop:
			if cur >= 0 {
				toks[cur].end = i + w
			}
		case cSpace, cNewline:
			cur = -1
			space = true
			if class == cNewline {
				line = true
			}
		case cDigit, cLetter:
			kind := tWord
			if class == cDigit {
				kind = tNum
			}
			if cur < 0 || toks[cur].kind != kind {
				toks = append(toks, token{kind: kind, start: i, space: space, line: line})
				spans = append(spans, span{len(buf), len(buf)})
				cur = len(toks) - 1
				space, line = false, false
			}
			buf = utf8.AppendRune(buf, f)
			spans[cur].b = len(buf)
			toks[cur].end = i + w
		case cPunct:
			a := len(buf)
			buf = utf8.AppendRune(buf, f)
			toks = append(toks, token{kind: tPunct, start: i, end: i + w, space: space, line: line})
			spans = append(spans, span{a, len(buf)})
			cur = -1
			space, line = false, false
		}
		i += w
	}
	norm := string(buf)
	for k := range toks {
		t := &toks[k]
		t.norm = norm[spans[k].a:spans[k].b]
		t.num = -1
		switch t.kind {
		case tNum:
			t.ndig = len(t.norm)
			if t.ndig <= 9 {
				n := 0
				for _, d := range []byte(t.norm) {
					n = n*10 + int(d-'0')
				}
				t.num = n
			}
		case tWord:
			t.base, t.clitic, t.known = r.splitClitic(t.norm)
		}
	}
	toks = append(toks, token{kind: tEnd, start: len(text), end: len(text), space: true, line: true})
	return toks
}

// splitClitic returns w without a proclitic when w is not itself a known
// word and removing one gives a known word ("بالأمس" → "الامس", "ب";
// "للأسبوع" → "الاسبوع", "ل"). Otherwise it returns w, "". known reports
// whether base is a known word.
func (r *Resolver) splitClitic(w string) (base, clitic string, known bool) {
	if r.vocab[w] {
		return w, "", true
	}
	switch c, _ := utf8.DecodeRuneInString(w); c {
	case 'و', 'ف', 'ب', 'ل', 'ك':
	default:
		return w, "", false
	}
	for _, p := range proclitics {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || rest == "" {
			continue
		}
		if r.vocab[rest] {
			return rest, p, true
		}
		// ل + الـ is written لل: "للشهر" is ل + "الشهر".
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") {
			if al := "ا" + rest; r.vocab[al] {
				return al, p, true
			}
		}
	}
	return w, "", false
}
