package lexicon_test

import (
	"testing"

	"rasid/internal/normcheck"
)

// TestWordListsNormalised checks that the word lists and tables of the
// matcher are written normalised, as the readings they are compared with.
func TestWordListsNormalised(t *testing.T) {
	bad, n, err := normcheck.Unnormalised(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
	// Most word classes are data files now (words.tsv, stopwords.tsv),
	// normalised as they load; a few lists stay with their rules.
	if n < 5 {
		t.Errorf("only %d Arabic words found in the lists: is the parse right?", n)
	}
}
