package arabic

import "unicode/utf8"

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
	// The first of بال كال فال لل ال that s starts with: they start with
	// five different letters, so its first letter names the one to try.
	if len(s) >= 2 {
		var p string
		switch s[:2] {
		case "ب":
			p = "بال"
		case "ك":
			p = "كال"
		case "ف":
			p = "فال"
		case "ل":
			p = "لل"
		case "ا":
			p = "ال"
		}
		if p != "" {
			s = trimPrefix3(s, p)
		}
	}
	s = trimPrefix3(s, "و")
	if !suffixEnd(s) {
		return s
	}
	for _, suf := range [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"} {
		if hasSuffix(s, suf) && atLeastThreeLetters(s[:len(s)-len(suf)]) {
			s = s[:len(s)-len(suf)]
			if !suffixEnd(s) {
				break
			}
		}
	}
	return s
}

// suffixEnd reports whether s ends in a letter that ends a suffix of Stem
// (ا ن ت ه ة ي): when it does not, no suffix is stripped.
func suffixEnd(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[len(s)-2:] {
	case "ا", "ن", "ت", "ه", "ة", "ي":
		return true
	}
	return false
}

// trimPrefix3 removes prefix from s if at least three letters remain.
func trimPrefix3(s, prefix string) string {
	if hasPrefix(s, prefix) && atLeastThreeLetters(s[len(prefix):]) {
		return s[len(prefix):]
	}
	return s
}

// hasPrefix and hasSuffix are strings.HasPrefix and HasSuffix compared
// byte by byte: for affixes of two to six bytes, the call to the general
// comparison cost more than the comparison (Stem took 130 ns a word, a
// third of it there).
func hasPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}

func hasSuffix(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(suffix); i++ {
		if s[i] != suffix[i] {
			return false
		}
	}
	return true
}

func atLeastThreeLetters(s string) bool {
	// No code point takes more than four bytes: a long s needs no counting.
	if len(s) >= 12 {
		return true
	}
	// Every byte that does not continue a UTF-8 sequence starts a code
	// point (or an invalid byte, which counts as one), so three of them
	// are enough; else count as utf8 does, invalid bytes and all.
	starts := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			starts++
		}
	}
	return starts >= 3 || utf8.RuneCountInString(s) >= 3
}
