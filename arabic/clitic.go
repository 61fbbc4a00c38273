package arabic

import (
	"strings"
	"unicode/utf8"
)

// Candidate is one reading of a normalised word with proclitics removed.
type Candidate struct {
	Form   string // the word without the proclitics (may start with ال)
	Prefix int    // bytes of the normalised word removed from the front (0 for the whole word)
	// Def reports that the reading carries the definite article: Form
	// starts with ال (followed by at least two letters), or the reading
	// removed an ال from the front of Form, or a ل+ل contraction supplied
	// it. Both الجزائر and جزائر from بالجزائر are definite readings.
	Def bool
}

// The proclitics, as they appear in a normalised word.
const (
	article = "ال"
	lamLam  = "لل" // ل + ال: the preposition swallows the article's alef
)

// AppendCandidates appends to dst the readings of norm, a word normalised
// with DefaultOptions, and returns the extended slice.
//
// The whole word comes first, then the readings with proclitics removed in
// the pattern (و|ف)? (ب|ك|ل)? (ال)?, or (و|ف)? س before ي ت ن ا (the
// future of a verb), plus the contraction لل+X read as ل + الX (للرباط →
// الرباط, رباط). The readings are ordered by bytes removed, fewest first,
// and for the same bytes removed the form with ال before the one without.
// No reading leaves fewer than two letters. A lexicon tries them in order
// and keeps the first it knows, which is how بريطانيا and لبنان stay whole
// while بالجزائر is found as الجزائر.
//
// The forms are substrings of norm, except those of the contraction,
// which are built (one allocation per word that starts with لل).
func AppendCandidates(dst []Candidate, norm string) []Candidate {
	if norm == "" {
		return dst
	}
	if !procliticStart(norm) {
		// No proclitic and no article can begin the word: it is its
		// only reading.
		return append(dst, Candidate{Form: norm})
	}
	n0 := len(dst)
	dst = append(dst, Candidate{Form: norm, Def: hasArticle(norm)})
	dst = appendAfterConj(dst, norm, 0)
	if len(norm) >= 2 && (norm[:2] == "و" || norm[:2] == "ف") {
		rest := norm[2:]
		dst = appendReading(dst, rest, 2, false)
		dst = appendAfterConj(dst, rest, 2)
	}
	// Insertion sort: a handful of readings, and it keeps the slice
	// allocation-free and stable.
	c := dst[n0:]
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && before(c[j], c[j-1]); j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return dst
}

// appendAfterConj appends the readings of rest, what follows the
// conjunction (if any) of a word, p bytes in: the future س, a preposition
// with or without the article, the article, or ل+ال written لل. Each
// begins with its own letter, so the first letter of rest picks one.
func appendAfterConj(dst []Candidate, rest string, p int) []Candidate {
	if len(rest) < 2 {
		return dst
	}
	switch rest[:2] {
	case "س":
		if isFutureStem(rest[2:]) {
			dst = appendReading(dst, rest[2:], p+2, false)
		}
	case "ب", "ك":
		r := rest[2:]
		dst = appendReading(dst, r, p+2, false)
		if strings.HasPrefix(r, article) {
			dst = appendReading(dst, r[len(article):], p+2+len(article), true)
		}
	case "ل":
		dst = appendReading(dst, rest[2:], p+2, false)
		// ل + ال is written لل.
		if strings.HasPrefix(rest, lamLam) {
			if stem := rest[len(lamLam):]; atLeastTwoLetters(stem) {
				dst = append(dst,
					Candidate{Form: article + stem, Prefix: p + len("ل"), Def: true},
					Candidate{Form: stem, Prefix: p + len(lamLam), Def: true})
			}
		}
	case "ا":
		if strings.HasPrefix(rest, article) {
			dst = appendReading(dst, rest[len(article):], p+len(article), true)
		}
	}
	return dst
}

// procliticStart reports whether norm starts with a letter that begins a
// proclitic or the article: و ف ب ك ل س ا.
func procliticStart(norm string) bool {
	if len(norm) < 2 {
		return false
	}
	switch norm[:2] {
	case "و", "ف", "ب", "ك", "ل", "س", "ا":
		return true
	}
	return false
}

// before orders readings: fewer bytes removed first, then the form with
// ال first.
func before(a, b Candidate) bool {
	if a.Prefix != b.Prefix {
		return a.Prefix < b.Prefix
	}
	return strings.HasPrefix(a.Form, article) && !strings.HasPrefix(b.Form, article)
}

// appendReading appends the reading form (norm with prefix bytes removed)
// if it keeps at least two letters; stripped reports that an ال was
// removed to make it.
func appendReading(dst []Candidate, form string, prefix int, stripped bool) []Candidate {
	if !atLeastTwoLetters(form) {
		return dst
	}
	return append(dst, Candidate{Form: form, Prefix: prefix, Def: stripped || hasArticle(form)})
}

// hasArticle reports whether form is ال followed by at least two letters.
func hasArticle(form string) bool {
	return strings.HasPrefix(form, article) && atLeastTwoLetters(form[len(article):])
}

// atLeastTwoLetters reports whether s holds two code points or more.
func atLeastTwoLetters(s string) bool {
	if len(s) >= 3 && 0xC2 <= s[0] && s[0] <= 0xDF && s[1]&0xC0 == 0x80 {
		// A two-byte code point (Arabic letters are) and more: decided
		// without DecodeRuneInString, which is a call for any non-ASCII.
		return true
	}
	if s == "" {
		return false
	}
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s)
}

// isFutureStem reports whether s can follow the future prefix س: an
// imperfect verb, which starts with ي ت ن or ا (أ after normalisation).
func isFutureStem(s string) bool {
	if !atLeastTwoLetters(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case 'ي', 'ت', 'ن', alef:
		return true
	}
	return false
}
