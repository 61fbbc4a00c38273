package lexicon

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"rasid/arabic"
	"rasid/internal/corpus"
)

// TestTriePrefixEdges checks prefix keys of every length against words
// shorter, equal to and longer than them: edges are indexed by their first
// two letters, with one-letter prefixes kept apart.
func TestTriePrefixEdges(t *testing.T) {
	tr := newTrie[string](newVocab())
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
		d := NewDoc(tc.text)
		k := &docKeys{}
		k.fill(tr.voc, d.reads)
		tr.walk(d, k, 0, 0, func(m match[string]) {
			got = append(got, m.Vals...)
		})
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestVocabKeys checks the filtered lookup of a reading's ids against a
// plain one: every key word is found, and exactly the prefixes that begin
// the reading, for the dictionary's own words and prefixes, for words
// made from them and for the readings of real text.
func TestVocabKeys(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	v := lx.voc
	var forms []string
	for _, w := range v.wordList[1:] {
		forms = append(forms, w, w+"ها", "ال"+w, w[:len(w)/2])
	}
	for _, p := range v.preList[1:] {
		forms = append(forms, p, p+"ه", p+"ات", "و"+p)
	}
	forms = append(forms, "ب", "بر", "a", "G20", "٣٫٥", "\xff\xfe", "ـ")
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 256<<10)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		d := NewDoc(a)
		for _, c := range d.reads {
			forms = append(forms, c.Form)
		}
	}
	for _, f := range forms {
		word, ids := v.appendKeys(nil, f)
		if want := v.words[f]; word != want {
			t.Errorf("%q: word id %d, want %d", f, word, want)
		}
		got := map[int32]bool{}
		for _, id := range ids {
			got[id] = true
		}
		for id, p := range v.preList[1:] {
			if strings.HasPrefix(f, p) != got[int32(id+1)] {
				t.Errorf("%q: prefix %q found %v", f, p, got[int32(id+1)])
			}
		}
		if len(got) != len(ids) {
			t.Errorf("%q: prefix ids %v repeat", f, ids)
		}
	}
}
