package arabic

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The generated presentation table agrees with x/text's NFKC (run
// `go generate` after a Unicode upgrade if it does not).
func TestPresentationTable(t *testing.T) {
	for _, block := range []struct{ lo, hi rune }{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}} {
		for r := block.lo; r <= block.hi; r++ {
			want := norm.NFKC.String(string(r))
			if want == string(r) {
				want = ""
			}
			want = strings.TrimPrefix(want, " ")
			if got := presentation(r); got != want {
				t.Errorf("presentation(%U) = %+q, want %+q", r, got, want)
			}
		}
	}
	if presentation('ا') != "" || presentation(0xFF00) != "" {
		t.Error("presentation of a code point outside the blocks is not empty")
	}
}

// The tables give the same class as the Unicode rules they are built from.
func TestClassTables(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		want := classOfSlow(r)
		if m := presentation(r); m != "" && want == clsLetter {
			continue // decided by the mapping, checked below
		}
		if got := classOf(r); got != want {
			t.Errorf("classOf(%U) = %d, want %d", r, got, want)
		}
	}
	for _, tt := range []struct {
		r    rune
		want class
	}{
		{'ا', clsLetter}, {'ـ', clsTatweel}, {'\u064B', clsMark}, {'\u0670', clsMark},
		{'\u06DD', clsMark}, {'\u06E5', clsMark}, {'٣', clsDigit}, {'۳', clsDigit},
		{'،', clsPunct}, {'؟', clsPunct}, {'«', clsPunct}, {'\u00a0', clsSpace},
		{'\u200c', clsSpace}, {'\u200f', clsSpace}, {'\ufeff', clsSpace}, {'\u061c', clsSpace},
		{'ﻻ', clsLetter}, {'ﷲ', clsLetter}, {'\uFE70', clsMark}, {'\uFE71', clsMark},
		{'﴾', clsPunct}, {'﷼', clsSymbol}, {'G', clsLatin}, {'é', clsLatin}, {'$', clsSymbol},
	} {
		if got := classOf(tt.r); got != tt.want {
			t.Errorf("classOf(%U %q) = %d, want %d", tt.r, tt.r, got, tt.want)
		}
	}
}

// Each code point of the Arabic block is changed by the option its
// documentation names, and by no other.
func TestFoldRules(t *testing.T) {
	for r := rune(0x600); r < 0x700; r++ {
		opt, repl := foldRule(r)
		switch {
		case opt == 0:
			if repl != r {
				t.Errorf("%U: no option but replaced by %U", r, repl)
			}
		case opt == StripDiacritics || opt == StripTatweel:
			if repl != 0 {
				t.Errorf("%U: stripped but replaced by %U", r, repl)
			}
			if classOf(r) != clsMark && classOf(r) != clsTatweel {
				t.Errorf("%U: stripped but a %d", r, classOf(r))
			}
		case unicode.IsLetter(r):
			if !unicode.IsLetter(repl) {
				t.Errorf("%U: a letter folded into %U", r, repl)
			}
		}
	}
}
