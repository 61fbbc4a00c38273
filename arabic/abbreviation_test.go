package arabic

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzIsAbbreviation holds isAbbreviation, which stops at the second
// letter of a word with an Arabic letter, to isAbbreviationRef, which reads
// the word to its start.
func FuzzIsAbbreviation(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"د", "2016م", "2016 م", "Mr", "U.S", "Xعربي", "عX", "ProfX", "aب", "بـــa", "ق.م"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAbbreviation(s), isAbbreviationRef(s); got != want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", s, got, want)
		}
	})
}

// isAbbreviationRef is isAbbreviation as it was before it stopped early:
// the definition it is held to.
func isAbbreviationRef(before string) bool {
	// The word right before the full stop: letters with their marks and
	// tatweel, counting the letters.
	i, letters, arabic, upper := len(before), 0, false, false
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:i])
		c := classOf(r)
		if c != clsLetter && c != clsLatin && c != clsMark && c != clsTatweel {
			break
		}
		if c == clsLetter || c == clsLatin {
			letters++
			arabic = c == clsLetter
			upper = c == clsLatin && unicode.IsUpper(r) // only a Latin letter's case is read below
		}
		i -= size
	}
	word := before[i:]
	prev, _ := utf8.DecodeLastRuneInString(before[:i])
	switch {
	case letters == 0:
		return false
	case arabic && letters == 1:
		first, _ := utf8.DecodeRuneInString(word)
		if first == 'م' || first == 'ه' {
			// The era of a year, 2016م. or 2016 م., ends a sentence.
			p := i
			if prev == ' ' {
				p--
			}
			if d, _ := utf8.DecodeLastRuneInString(before[:p]); classOf(d) == clsDigit {
				return false
			}
		}
		return true
	case arabic:
		return false
	case letters == 1:
		return upper || prev == '.'
	}
	return isLatinTitle(word)
}
