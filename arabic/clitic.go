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
		// Most words: no proclitic and no article can begin them.
		return append(dst, Candidate{Form: norm})
	}
	n0 := len(dst)
	dst = append(dst, Candidate{Form: norm, Def: hasArticle(norm)})
	for _, conj := range [...]string{"", "و", "ف"} {
		if !strings.HasPrefix(norm, conj) {
			continue
		}
		rest, p := norm[len(conj):], len(conj)
		if conj != "" {
			dst = appendReading(dst, rest, p, false)
		}
		if strings.HasPrefix(rest, "س") && isFutureStem(rest[len("س"):]) {
			dst = appendReading(dst, rest[len("س"):], p+len("س"), false)
		}
		for _, prep := range [...]string{"ب", "ك", "ل"} {
			if !strings.HasPrefix(rest, prep) {
				continue
			}
			r := rest[len(prep):]
			dst = appendReading(dst, r, p+len(prep), false)
			// ل + ال is written لل: handled below.
			if prep != "ل" && strings.HasPrefix(r, article) {
				dst = appendReading(dst, r[len(article):], p+len(prep)+len(article), true)
			}
		}
		if strings.HasPrefix(rest, article) {
			dst = appendReading(dst, rest[len(article):], p+len(article), true)
		}
		if strings.HasPrefix(rest, lamLam) {
			if stem := rest[len(lamLam):]; atLeastTwoLetters(stem) {
				dst = append(dst,
					Candidate{Form: article + stem, Prefix: p + len("ل"), Def: true},
					Candidate{Form: stem, Prefix: p + len(lamLam), Def: true})
			}
		}
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
