package coder

import (
	"testing"

	"rasid/internal/normcheck"
)

// TestWordListsNormalised checks that the words the rules compare with a
// token's normalised readings (hasForm, isWord, the word lists) are
// written normalised: "الموالية" would never match "المواليه".
func TestWordListsNormalised(t *testing.T) {
	bad, n, err := normcheck.Unnormalised(".", "hasForm", "isWord")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
	if n < 1000 {
		t.Errorf("only %d Arabic words found in the rules: is the parse right?", n)
	}
}
