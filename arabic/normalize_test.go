package arabic

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		opts Options // 0 means DefaultOptions
	}{
		// Alef variants fold to a bare alef.
		{name: "AlefHamzaAbove", in: "أحمد", want: "احمد"},
		{name: "AlefHamzaBelow", in: "إسلام", want: "اسلام"},
		{name: "AlefMadda", in: "آمال", want: "امال"},
		{name: "AlefWasla", in: "ٱلرحمن", want: "الرحمن"},
		{name: "AlefWavyHamza", in: "\u0672\u0673", want: "اا"},
		// ى and the Farsi yeh fold to ي.
		{name: "AlefMaqsura", in: "على", want: "علي"},
		{name: "FarsiYeh", in: "ی", want: "ي"},
		{name: "TaaMarbuta", in: "مدرسة", want: "مدرسه"},
		// Tatweel stretches a word: removed.
		{name: "Tatweel", in: "كـــبير", want: "كبير"},
		{name: "TatweelAfterArticle", in: "الـ", want: "ال"},
		// Harakat are removed.
		{name: "Tanween", in: "شكراً", want: "شكرا"},
		{name: "FathaDammaKasra", in: "كَتَبَ كُتُبٌ كِتَابٍ", want: "كتب كتب كتاب"},
		{name: "Shadda", in: "محمّد", want: "محمد"},
		{name: "Sukun", in: "مِنْ", want: "من"},
		{name: "SuperscriptAlef", in: "هٰذا", want: "هذا"},
		{name: "QuranicMarks", in: "عليه\u06D6 الرحيم\u06DD", want: "عليه الرحيم"},
		{name: "HonorificMark", in: "محمد\u0610", want: "محمد"},
		// Hamza on waw and yaa and the standalone hamza distinguish words: kept.
		{name: "HamzaOnWawKept", in: "مؤتمر", want: "مؤتمر"},
		{name: "HamzaOnYaaKept", in: "رئيس", want: "رئيس"},
		{name: "StandaloneHamzaKept", in: "سماء", want: "سماء"},
		// Decomposed hamza (letter + combining mark) composes as NFC would.
		{name: "DecomposedHamzaOnWaw", in: "مو\u0654تمر", want: "مؤتمر"},
		{name: "DecomposedHamzaOnYaa", in: "ري\u0654يس", want: "رئيس"},
		{name: "DecomposedHamzaOnAlef", in: "ا\u0654حمد", want: "احمد"},
		{name: "DecomposedHamzaThroughHaraka", in: "مو\u064F\u0654تمر", want: "مؤتمر"},
		{name: "DecomposedHamzaAlefKept", in: "ا\u0654حمد", want: "أحمد", opts: StripDiacritics},
		// Digits.
		{name: "ArabicIndicDigits", in: "٢٠٢٥", want: "2025"},
		{name: "PersianDigits", in: "۱۴۰۳", want: "1403"},
		// Arabic punctuation.
		{name: "ArabicCommaSemicolonQuestion", in: "نعم، لا؛ لماذا؟", want: "نعم, لا; لماذا?"},
		{name: "ArabicPercentDecimal", in: "٣٫٥٪", want: "3.5%"},
		{name: "ArabicThousands", in: "١٬٠٠٠", want: "1,000"},
		// Presentation forms: NFKC, then the other rules.
		{name: "LamAlefLigature", in: "ﻻ", want: "لا"},
		{name: "LamAlefHamzaLigature", in: "ﻷ", want: "لا"},
		{name: "AllahLigature", in: "ﷲ", want: "الله"},
		{name: "ShapedLetters", in: "ﺍﻟﻌﺮﺑﻴﺔ", want: "العربيه"},
		{name: "IsolatedFathatanForm", in: "كتاب\uFE70", want: "كتاب"},
		{name: "PresentationKeptWithoutOption", in: "ﻻ", want: "ﻻ", opts: FoldAlef},
		// Latin: ASCII case only.
		{name: "LatinCase", in: "G20 UN", want: "g20 un"},
		{name: "NonASCIICaseKept", in: "ÉTAT", want: "État"},
		// Mixed text; invalid bytes are copied as they are.
		{name: "MixedText", in: "قمة G20 في ٢٠٢٥", want: "قمه g20 في 2025"},
		{name: "InvalidUTF8Replaced", in: "a\xffB\xd8", want: "a\ufffdb\ufffd"},
		{name: "InvalidUTF8NotJoined", in: "\xd9\u064c\xb2", want: "\ufffd\ufffd"},
		{name: "Empty", in: "", want: ""},
		// A subset of the rules.
		{name: "DigitsOnly", in: "أحمد ٣", want: "أحمد 3", opts: FoldDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opts
			if o == 0 {
				o = DefaultOptions
			}
			if got := o.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if got := string(o.AppendNormalize([]byte("«"), tt.in)); got != "«"+tt.want {
				t.Errorf("AppendNormalize(«, %+q) = %+q, want %+q", tt.in, got, "«"+tt.want)
			}
			if got := o.Normalize(o.Normalize(tt.in)); got != tt.want {
				t.Errorf("Normalize is not idempotent on %+q: %+q", tt.in, got)
			}
		})
	}
}

// A hamza mark at the start of the input never composes with what the
// caller already has in the buffer.
func TestAppendNormalizeKeepsDst(t *testing.T) {
	got := string(DefaultOptions.AppendNormalize([]byte("و"), "\u0654"))
	if got != "و" {
		t.Errorf("got %+q, want %+q", got, "و")
	}
}

func TestNormalizeUnchangedDoesNotAllocate(t *testing.T) {
	s := "قال الوزير في مؤتمر صحفي إن g20"
	s = strings.Repeat(Normalize(s)+" ", 10)
	if got := Normalize(s); got != s {
		t.Fatalf("Normalize changed a normal string: %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { Normalize(s) }); n != 0 {
		t.Errorf("Normalize of a normal string: %v allocations, want 0", n)
	}
	buf := make([]byte, 0, 4*len(s))
	changed := "أعلنت الحكومة المغربية"
	if n := testing.AllocsPerRun(100, func() { buf = DefaultOptions.AppendNormalize(buf[:0], changed) }); n != 0 {
		t.Errorf("AppendNormalize: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { Normalize(changed) }); n > 1 {
		t.Errorf("Normalize of a short string: %v allocations, want 1", n)
	}
}

func TestNormalizeSampleIdempotent(t *testing.T) {
	text := sample(t)
	once := Normalize(text)
	if twice := Normalize(once); twice != once {
		t.Error("Normalize(Normalize(sample)) != Normalize(sample)")
	}
	if string(DefaultOptions.AppendNormalize(nil, text)) != once {
		t.Error("AppendNormalize and Normalize disagree on the sample")
	}
}

// The options are independent: applying them one at a time (presentation
// forms first, since they produce letters the others fold) gives the same
// result as all of them together.
func TestOptionsCompose(t *testing.T) {
	text := sample(t) + " ﻷ ﷲ ٣٫٥٪ ۱۴ مو\u0654تمر ی G20"
	all := Normalize(text)
	s := FoldPresentationForms.Normalize(text)
	for bit := Options(1); bit <= FoldLatinCase; bit <<= 1 {
		s = bit.Normalize(s)
	}
	if s != all {
		t.Error("applying the options one at a time differs from DefaultOptions")
	}
}
