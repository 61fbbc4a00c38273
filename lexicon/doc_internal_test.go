package lexicon

import (
	"slices"
	"strings"
	"testing"

	"rasid"
	"rasid/arabic"
	"rasid/internal/corpus"
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

// packRef is the byte by byte definition of pack.
func packRef(s string) (a, b uint64, ok bool) {
	n := len(s)
	if n > 15 {
		return 0, 0, false
	}
	for i := 0; i < n && i < 8; i++ {
		a |= uint64(s[i]) << (8 * i)
	}
	for i := 8; i < n; i++ {
		b |= uint64(s[i]) << (8 * (i - 8))
	}
	return a, b | uint64(n)<<56, true
}

// FuzzPack checks pack, which loads words, against packRef.
func FuzzPack(f *testing.F) {
	for _, s := range []string{"", "a", "abc", "abcd", "وزير", "abcdefg", "abcdefgh", "الخارجيه", "abcdefghijklmno", "abcdefghijklmnop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := pack(s)
		ra, rb, rok := packRef(s)
		if a != ra || b != rb || ok != rok {
			t.Fatalf("pack(%q) = %x %x %v, want %x %x %v", s, a, b, ok, ra, rb, rok)
		}
	})
}

// TestPairTable checks pairTable against a map, through its growths.
func TestPairTable(t *testing.T) {
	var pt pairTable
	want := map[uint32][]int32{}
	for i := range 5000 {
		k := uint32(i*7919%1237 + 1)
		pt.add(k, int32(i))
		want[k] = append(want[k], int32(i))
	}
	for k := range uint32(1300) {
		if got := pt.get(k); !slices.Equal(got, want[k]) {
			t.Fatalf("get(%d) = %v, want %v", k, got, want[k])
		}
	}
}

// TestTitleKind checks titleKind, which compares a reading with the titles
// of its first three letters, against a comparison with every title.
func TestTitleKind(t *testing.T) {
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 256<<10)
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, "وزير الرئيس رئيسا للملك والي سموه فخامته مبعوثا")
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, ts := range lx.words.titlesBy3 {
		titles = append(titles, ts...)
	}
	if len(titles) < 20 {
		t.Fatalf("%d person titles loaded", len(titles))
	}
	for _, text := range arts {
		d := NewDoc(text)
		for i := range d.Tokens {
			want := ""
			for _, c := range d.Candidates(i) {
				for _, p := range titles {
					if strings.HasPrefix(c.Form, p) {
						want = rasid.KindPerson
					}
				}
			}
			if got := lx.titleKind(d, Atom{Start: i}); got != want {
				t.Fatalf("%q: titleKind %q, want %q", d.Tokens[i].Norm, got, want)
			}
		}
	}
}

// FuzzTrimHarakat holds trimHarakat to the strings.TrimRight it replaces,
// on any bytes, valid UTF-8 or not.
func FuzzTrimHarakat(f *testing.F) {
	for _, s := range []string{"", "محافظةٌ", "ةً", "\xd9", "\x8b", "ب\xd9\x8b\xd9\x92", "\xd9\xd9\x8b", "a\u0652\u0653"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimRight(s, "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652")
		if got := trimHarakat(s); got != want {
			t.Errorf("trimHarakat(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestReaderKeys checks that a Reader's Docs, whose readings and ids are
// read in one pass with the tries each reading starts in (Lexicon.roots),
// are those read and fill make, and so are the masks of their ids. The
// texts are read twice, by the same Reader.
func TestReaderKeys(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, "", "و", "والله بالله فالله للملك لله ، . 2024 G20 ـ \xff", "للملك للملك")
	r := lx.NewReader()
	for pass := range 2 {
		for _, text := range arts {
			got := r.NewDoc(text)
			want := lx.NewDoc(text)
			if !slices.Equal(got.reads, want.reads) || !slices.Equal(got.at, want.at) {
				t.Fatalf("pass %d, %.40q: readings differ", pass, text)
			}
			gk, wk := got.keys, want.keys
			if !slices.Equal(gk.word, wk.word) || !slices.Equal(gk.pre, wk.pre) || !slices.Equal(gk.ids, wk.ids) {
				t.Fatalf("pass %d, %.40q: ids differ", pass, text)
			}
			for i := range got.Tokens {
				var union uint8
				for r := got.at[i].from; r < got.at[i].to; r++ {
					if b := lx.roots(wk, r); gk.root[r] != b {
						t.Fatalf("pass %d, %q: root bits %b, want %b", pass, got.Tokens[i].Norm, gk.root[r], b)
					}
					union |= gk.root[r]
				}
				if gk.tok[i] != union {
					t.Fatalf("pass %d, %q: token root bits %b, want %b", pass, got.Tokens[i].Norm, gk.tok[i], union)
				}
				var mask uint64
				for r := got.at[i].from; r < got.at[i].to; r++ {
					if wk.word[r] != 0 {
						mask |= wordIDBit(wk.word[r])
					}
					for _, id := range wk.ids[wk.pre[r]:wk.pre[r+1]] {
						mask |= preIDBit(id)
					}
				}
				if gk.mask[i] != mask {
					t.Fatalf("pass %d, %q: token id mask %x, want %x", pass, got.Tokens[i].Norm, gk.mask[i], mask)
				}
			}
		}
	}
}
