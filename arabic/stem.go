package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stem is a light Lucene/ISRI-style stemmer FOR SEARCH ONLY (never used for
// dictionary matching): strips ال، وال، بال، كال، فال، لل، و prefixes and ها
// ان ات ون ين يه ية ه ة ي suffixes keeping at least 3 letters, on a
// normalised word.
//
// Steps, each removal only if at least three letters remain:
//  1. a conjunction و;
//  2. one of بال كال فال لل ال (وال is steps 1 and 2);
//  3. a و again, so that وزير, الوزير, ووزير and والوزير all stem alike;
//  4. each suffix of ها ان ات ون ين يه ية ه ة ي in that order, at most once.
//
// It over-stems (وزير → زير), as light stemmers do; what search needs is
// that a word and its prefixed forms meet on the same stem, and they do.
// The result is a substring of norm.
func Stem(norm string) string {
	s := norm
	s = trimPrefix3(s, "و")
	for _, p := range [...]string{"بال", "كال", "فال", "لل", "ال"} {
		if t := trimPrefix3(s, p); len(t) != len(s) {
			s = t
			break
		}
	}
	s = trimPrefix3(s, "و")
	for _, suf := range [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"} {
		if strings.HasSuffix(s, suf) && atLeastThreeLetters(s[:len(s)-len(suf)]) {
			s = s[:len(s)-len(suf)]
		}
	}
	return s
}

// trimPrefix3 removes prefix from s if at least three letters remain.
func trimPrefix3(s, prefix string) string {
	if strings.HasPrefix(s, prefix) && atLeastThreeLetters(s[len(prefix):]) {
		return s[len(prefix):]
	}
	return s
}

func atLeastThreeLetters(s string) bool {
	// No code point takes more than four bytes: a long s needs no counting.
	return len(s) >= 12 || utf8.RuneCountInString(s) >= 3
}
