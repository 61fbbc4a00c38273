package lexicon

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"rasid/arabic"
)

// wordSets are the word classes of words*.tsv that the actor rules ask
// about; each is a set of normalised words (data/README.md says how each
// is matched).
type wordSets struct {
	head, mission, residence, locative, inName, notSurname, complement map[string]bool
	// titlesBy3 holds the person titles by their first six bytes (three
	// letters, the fewest a title has): a reading is compared with the
	// titles that share its own, a handful, rather than with all.
	titlesBy3 map[uint64][]string
	// headFilter holds the heads, to skip the lookups of most words;
	// minHead and maxHead are the bytes of the shortest and longest.
	headFilter       fewWords
	minHead, maxHead int
}

func newWordSets() *wordSets {
	return &wordSets{head: map[string]bool{}, mission: map[string]bool{}, residence: map[string]bool{},
		locative: map[string]bool{}, inName: map[string]bool{}, notSurname: map[string]bool{},
		complement: map[string]bool{}, titlesBy3: map[uint64][]string{}}
}

// sets maps each class of words.tsv but persontitle to its set.
func (ws *wordSets) sets() map[string]map[string]bool {
	return map[string]map[string]bool{"head": ws.head, "mission": ws.mission, "residence": ws.residence, "locative": ws.locative,
		"inname": ws.inName, "notsurname": ws.notSurname, "complement": ws.complement}
}

// wordClasses lists the classes of words.tsv by name.
var wordClasses = []string{"head", "mission", "residence", "locative", "inname", "notsurname", "complement", "persontitle"}

// loadWords reads CLASS WORD [NOTE] lines.
func (b *builder) loadWords(r io.Reader, name string) error {
	ws := b.lx.words
	sets := ws.sets()
	return readTSV(r, name, 2, 3, func(_ int, c []string) error {
		w := arabic.Normalize(c[1])
		if w == "" || strings.ContainsAny(w, " \t") {
			return fmt.Errorf("word %q: want one word", c[1])
		}
		switch c[0] {
		case "head":
			if strings.HasPrefix(w, "ال") {
				return fmt.Errorf("head %q: write it without ال (it is matched with it)", c[1])
			}
			ws.headFilter.add(w)
			if ws.minHead == 0 || len(w) < ws.minHead {
				ws.minHead = len(w)
			}
			ws.maxHead = max(ws.maxHead, len(w))
		case "persontitle":
			if utf8.RuneCountInString(w) < 3 || len(w) < 6 {
				return fmt.Errorf("person title %q: want three letters or more", c[1])
			}
			k := first6(w)
			ws.titlesBy3[k] = append(ws.titlesBy3[k], w)
			return nil
		}
		set, ok := sets[c[0]]
		if !ok {
			return fmt.Errorf("unknown class %q (want one of %s)", c[0], strings.Join(wordClasses, ", "))
		}
		set[w] = true
		return nil
	})
}
