package arabic

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"rasid/internal/corpus"
)

// cands formats candidates as "form/prefix" with "+def" for definite
// readings.
func cands(cs []Candidate) string {
	var parts []string
	for _, c := range cs {
		s := fmt.Sprintf("%s/%d", c.Form, c.Prefix)
		if c.Def {
			s += "+def"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestAppendCandidates(t *testing.T) {
	tests := []struct {
		name string
		word string // normalised
		want string
	}{
		// Conjunction + preposition.
		{"WawBaa", "وبموسكو", "وبموسكو/0 بموسكو/2 موسكو/4"},
		// ل + ال is written لل: read as ال + the rest, and the bare rest;
		// the literal ل reading comes after the ال one for the same prefix.
		{"LamLamContraction", "للرباط", "للرباط/0 الرباط/2+def لرباط/2 رباط/4+def"},
		{"LamLamContractionUmam", "للامم", "للامم/0 الامم/2+def لامم/2 امم/4+def"},
		{"WawLamLam", "وللامم", "وللامم/0 للامم/2 الامم/4+def لامم/4 امم/6+def"},
		// Preposition + article: the form with ال first.
		{"BaaArticle", "بالجزائر", "بالجزائر/0 الجزائر/2+def جزائر/6+def"},
		{"FaaArticle", "فالبنك", "فالبنك/0 البنك/2+def بنك/6+def"},
		{"KafArticle", "كالعاده", "كالعاده/0 العاده/2+def عاده/6+def"},
		// Conjunction + article.
		{"WawArticle", "والمغرب", "والمغرب/0 المغرب/2+def مغرب/6+def"},
		// The article alone: the whole word is definite.
		{"Article", "الجزائر", "الجزائر/0+def جزائر/4+def"},
		// Names that look prefixed stay whole first: the lexicon stops there.
		{"FranceWholeFirst", "فرنسا", "فرنسا/0 رنسا/2"},
		{"BritainWholeFirst", "بريطانيا", "بريطانيا/0 ريطانيا/2"},
		{"LebanonWholeFirst", "لبنان", "لبنان/0 بنان/2"},
		{"CanadaWholeFirst", "كندا", "كندا/0 ندا/2"},
		{"ToLebanon", "للبنان", "للبنان/0 البنان/2+def لبنان/2 بنان/4+def"},
		// Future س only before ي ت ن ا.
		{"WawFuture", "وسيزور", "وسيزور/0 سيزور/2 يزور/4"},
		{"SeenNotFuture", "سلام", "سلام/0"},
		// No remainder shorter than two letters.
		{"ShortRemainder", "بك", "بك/0"},
		{"ArticleAlone", "وال", "وال/0 ال/2"},
		{"TwoLetterRemainder", "ولد", "ولد/0 لد/2"},
		{"NotAProclitic", "موسكو", "موسكو/0"},
		{"AlefNoArticle", "امريكا", "امريكا/0"},
		{"Latin", "g20", "g20/0"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cands(AppendCandidates(nil, tt.word)); got != tt.want {
				t.Errorf("AppendCandidates(%q)\n got %s\nwant %s", tt.word, got, tt.want)
			}
		})
	}
}

// Every form but the contraction's is the normalised word minus Prefix
// bytes; the contraction's is ال + the word minus Prefix+2 bytes.
func TestCandidatesPrefix(t *testing.T) {
	for _, k := range Tokenize(sample(t)) {
		if k.Kind != Word {
			continue
		}
		last := -1
		for _, c := range AppendCandidates(nil, k.Norm) {
			if c.Prefix < last {
				t.Fatalf("%q: candidates out of order", k.Norm)
			}
			last = c.Prefix
			rest := k.Norm[c.Prefix:]
			if c.Form != rest && c.Form != "ال"+rest[len("ل"):] {
				t.Fatalf("%q: form %q does not match prefix %d", k.Norm, c.Form, c.Prefix)
			}
		}
	}
}

func TestCandidatesAllocations(t *testing.T) {
	dst := make([]Candidate, 0, 16)
	if n := testing.AllocsPerRun(100, func() { AppendCandidates(dst, "وبالمغرب") }); n != 0 {
		t.Errorf("AppendCandidates: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { AppendCandidates(dst, "وللامم") }); n > 1 {
		t.Errorf("AppendCandidates with لل: %v allocations, want 1", n)
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ name, word, want string }{
		{"Article", "الكتاب", "كتاب"},
		{"WawArticle", "والكتاب", "كتاب"},
		{"BaaArticle", "بالجزائر", "جزائر"},
		{"KafArticle", "كالعاده", "عاد"},
		{"FaaArticle", "فالبنك", "بنك"},
		{"LamLam", "للرباط", "رباط"},
		{"NisbaFeminine", "الروسيه", "روس"},
		{"NisbaFeminineTaa", "الروسية", "روس"},
		{"Plural", "المؤتمرات", "مؤتمر"},
		{"SoundPluralWaw", "المعلمون", "معلم"},
		{"SoundPluralYaa", "المعلمين", "معلم"},
		{"Dual", "الوزيران", "زير"},
		{"PossessiveHa", "سياستها", "سياست"},
		{"KeepsThreeLetters", "كتب", "كتب"},
		{"WawNeedsThreeLetters", "وطن", "وطن"},
		// وزير and its prefixed forms meet on one stem.
		{"Waw", "وزير", "زير"},
		{"ArticleWaw", "الوزير", "زير"},
		{"WawWaw", "ووزير", "زير"},
		{"WawArticleWaw", "والوزير", "زير"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(tt.word); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

// stemByRule is Stem as first written, with the strings functions: the
// reference that the byte-by-byte comparisons of Stem must agree with.
func stemByRule(norm string) string {
	atLeastThree := func(s string) bool { return utf8.RuneCountInString(s) >= 3 }
	trim := func(s, prefix string) string {
		if strings.HasPrefix(s, prefix) && atLeastThree(s[len(prefix):]) {
			return s[len(prefix):]
		}
		return s
	}
	s := trim(norm, "و")
	for _, p := range []string{"بال", "كال", "فال", "لل", "ال"} {
		if t := trim(s, p); len(t) != len(s) {
			s = t
			break
		}
	}
	s = trim(s, "و")
	for _, suf := range []string{"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"} {
		if strings.HasSuffix(s, suf) && atLeastThree(s[:len(s)-len(suf)]) {
			s = s[:len(s)-len(suf)]
		}
	}
	return s
}

// TestStemByRule checks Stem against stemByRule on every combination of
// its affixes around short stems (valid UTF-8 or not) and on the words
// of real text.
func TestStemByRule(t *testing.T) {
	var words []string
	for _, pre := range []string{"", "و", "وو", "ال", "وال", "بال", "كال", "فال", "لل", "ولل", "والو", "\x80", "\xd9"} {
		for _, stem := range []string{"", "م", "مغ", "مغر", "مغرب", "ab", "abc", "\x88", "\x88\x88", "م\x88", "ا\xd9", "وزير"} {
			for _, suf := range []string{"", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي", "اتها", "يها", "تيه", "\x87", "\xd9"} {
				words = append(words, pre+stem+suf)
			}
		}
	}
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range arts {
		for _, tok := range Tokenize(text) {
			words = append(words, tok.Norm)
		}
	}
	for _, w := range words {
		if got, want := Stem(w), stemByRule(w); got != want {
			t.Errorf("Stem(%+q) = %+q, want %+q", w, got, want)
		}
	}
}

// TestCandidatesByRule checks AppendCandidates against its rules written
// out plainly, one proclitic at a time, on every combination of
// proclitics before a few stems and on the words of real text.
func TestCandidatesByRule(t *testing.T) {
	var words []string
	for _, conj := range []string{"", "و", "ف"} {
		for _, mid := range []string{"", "س", "ب", "ك", "ل", "ال", "بال", "كال", "لل", "سي", "ست"} {
			for _, stem := range []string{"", "ا", "م", "مغرب", "امم", "يزور", "لبنان", "الامم", "ي", "g20", "ـ"} {
				words = append(words, conj+mid+stem)
			}
		}
	}
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 256<<10)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, tk := range Tokenize(a) {
			words = append(words, tk.Norm)
		}
	}
	for _, w := range words {
		if got, want := cands(AppendCandidates(nil, w)), cands(candidatesByRule(w)); got != want {
			t.Errorf("AppendCandidates(%q)\n got %s\nwant %s", w, got, want)
		}
	}
}

// candidatesByRule is AppendCandidates as its documentation states it:
// every conjunction, then every other proclitic, tried in turn.
func candidatesByRule(norm string) []Candidate {
	if norm == "" {
		return nil
	}
	dst := []Candidate{{Form: norm, Def: hasArticle(norm)}}
	for _, conj := range []string{"", "و", "ف"} {
		if !strings.HasPrefix(norm, conj) {
			continue
		}
		rest, p := norm[len(conj):], len(conj)
		if conj != "" {
			dst = appendReading(dst, rest, p, false)
		}
		if strings.HasPrefix(rest, "س") && isFutureStem(rest[len("س"):]) {
			dst = appendReading(dst, rest[len("س"):], p+len("س"), false)
		}
		for _, prep := range []string{"ب", "ك", "ل"} {
			if !strings.HasPrefix(rest, prep) {
				continue
			}
			r := rest[len(prep):]
			dst = appendReading(dst, r, p+len(prep), false)
			if prep != "ل" && strings.HasPrefix(r, article) {
				dst = appendReading(dst, r[len(article):], p+len(prep)+len(article), true)
			}
		}
		if strings.HasPrefix(rest, article) {
			dst = appendReading(dst, rest[len(article):], p+len(article), true)
		}
		if strings.HasPrefix(rest, lamLam) {
			if stem := rest[len(lamLam):]; atLeastTwoLetters(stem) {
				dst = append(dst,
					Candidate{Form: article + stem, Prefix: p + len("ل"), Def: true},
					Candidate{Form: stem, Prefix: p + len(lamLam), Def: true})
			}
		}
	}
	sort.SliceStable(dst, func(i, j int) bool { return before(dst[i], dst[j]) })
	return dst
}

func TestAtLeastTwoLetters(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"a", false},
		{"ab", true},
		{"ب", false},
		{"بي", true},
		{"بa", true},
		{"é", false},
		{"éa", true},
		{"\xd8", false},
		{"\xd8\xd8", true},  // two invalid bytes: two code points
		{"\xc0\x80a", true}, // an overlong lead is one invalid byte
		{"\xd8\x41\x41", true},
		{"€", false}, // three bytes, one code point
		{"€a", true},
	} {
		if got := atLeastTwoLetters(tc.s); got != tc.want {
			t.Errorf("atLeastTwoLetters(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
