package lexicon_test

import (
	"testing"

	"rasid/internal/normcheck"
)

// TestWordListsNormalised checks that the word lists and tables of the
// matcher are written normalised, as the readings they are compared with.
func TestWordListsNormalised(t *testing.T) {
	// Most word classes are data files now (words.tsv, stopwords.tsv),
	// normalised as they load; a few lists stay with their rules.
	normcheck.Check(t, ".", 5)
}
