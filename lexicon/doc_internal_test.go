package lexicon

import (
	"testing"

	"rasid/arabic"
)

// lineBreakRef is the definition markLineBreaks implements: a line break
// lies in the gap between token i-1 and token i.
func lineBreakRef(text string, toks []arabic.Token, i int) bool {
	if i == 0 {
		return false
	}
	for j := toks[i-1].End; j < toks[i].Start; j++ {
		if text[j] == '\n' {
			return true
		}
	}
	return false
}

// FuzzLineBreaks checks markLineBreaks against the gap by gap definition.
func FuzzLineBreaks(f *testing.F) {
	for _, s := range []string{"", "\n", "\nكلمة\n", "أ\n\nب ج\r\nد", "x\u200c\ny", "«\n»", "١\n٢ .\n.", "ـــ\nـ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDoc(text)
		for i := range d.Tokens {
			if got, want := d.at[i].brk, lineBreakRef(text, d.Tokens, i); got != want {
				t.Fatalf("%q: token %d (%q): brk %v, want %v", text, i, d.Tokens[i].Norm, got, want)
			}
		}
	})
}
