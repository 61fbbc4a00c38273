package arabic

import (
	"strings"
	"testing"
)

// stemByLoop is Stem as it was written first, trying each prefix in turn:
// FuzzStem holds Stem to it.
func stemByLoop(norm string) string {
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
		if hasSuffix(s, suf) && atLeastThreeLetters(s[:len(s)-len(suf)]) {
			s = s[:len(s)-len(suf)]
		}
	}
	return s
}

func FuzzStem(f *testing.F) {
	for _, w := range strings.Fields("والوزير بالمدينة كالعادة فالأمر للشعب الرئيس وللمرة ووزير لل ال بال ب ل ا و ولد البيت كتابها") {
		f.Add(w)
	}
	f.Add("\xd8")
	f.Add("\xd9\x84\xff\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Stem(s), stemByLoop(s); got != want {
			t.Fatalf("Stem(%q) = %q, want %q", s, got, want)
		}
	})
}
