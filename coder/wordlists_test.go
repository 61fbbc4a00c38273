package coder

import (
	"testing"

	"rasid/internal/normcheck"
)

// TestWordListsNormalised checks that the words the rules compare with a
// token's normalised readings (hasForm, isWord, the word lists) are
// written normalised: "الموالية" would never match "المواليه".
func TestWordListsNormalised(t *testing.T) {
	normcheck.Check(t, ".", 1000, "hasForm", "isWord")
}
