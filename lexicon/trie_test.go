package lexicon

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"rasid/arabic"
)

// TestTriePrefixEdges checks prefix keys of every length against words
// shorter, equal to and longer than them: edges are indexed by their first
// two letters, with one-letter prefixes kept apart.
func TestTriePrefixEdges(t *testing.T) {
	tr := newTrie[string]()
	for _, k := range []string{"ب*", "بر*", "برق*", "اشاد*", "اشاد", "زيار* الى"} {
		tr.add(strings.Fields(arabic.Normalize(k)), k)
	}
	tests := []struct {
		text string
		want []string // keys found at token 0, sorted
	}{
		{"ب", []string{"ب*"}}, // a prefix matches the bare word too
		{"بر", []string{"ب*", "بر*"}},
		{"برق", []string{"ب*", "بر*", "برق*"}},
		{"برقية", []string{"ب*", "بر*", "برق*"}},
		{"أشاد", []string{"اشاد", "اشاد*"}},
		{"أشادت", []string{"اشاد*"}},
		{"تشاد", nil},
		{"زيارته إلى", []string{"زيار* الى"}},
		{"زيارته من", nil},
		{"سافر", nil},
	}
	for _, tc := range tests {
		var got []string
		tr.walk(NewDoc(tc.text), 0, func(m match[string]) {
			got = append(got, m.Vals...)
		})
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
