package arabic

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are Arabic, mixed and broken texts for both fuzz tests.
var fuzzSeeds = []string{
	"",
	"أجرى وزير الخارجية اتصالاً هاتفياً مع نظيره الروسي يوم الثلاثاء.",
	"قمة G20 في 2025/03/04، بنسبة ٣٫٥٪ و«الـ20» (الفيتو) المغربية–الروسية ما-بعد.",
	"كَتَبَ محمّد هٰذا الكـــتاب! هل قرأته؟ نعم... \n عنوان\r\nقال د. أحمد: \"لا.\" ثم غادر.",
	"ﻻ ﷲ ﷺ ﺍﻟﻌﺮﺑﻴﺔ \uFE70 \uFE71 ﴾ ﴿ ﷼",
	"\u200f\u200e\ufeff\u200c\u200d\u00a0\u061c\u0600١٢٣ ۱۴۰۳",
	"مو\u0654تمر ا\u0653 \u0654\u0655 \u064e\u064e ـــ ـ",
	"U.S. e.g. Mr. J. Smith 2016م. 1446 هـ. ق.م www.example.com",
	"\xff\xfe\xd8\xd8\xa7\xef\xbb\xe2\x80 \xc0\xaf\xed\xa0\x80 نص\xff",
	"«». .. … ؟! ۔ \" ' ) ]",
	"👍🏽 Ünal ÉTAT café\u0301 α β",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		bounds := runeBoundaries(text)
		last := 0
		for i, k := range toks {
			if k.Start < last || k.Start >= k.End || k.End > len(text) {
				t.Fatalf("token %d [%d:%d] out of order or bounds (previous end %d, len %d)", i, k.Start, k.End, last, len(text))
			}
			if !utf8.RuneStart(text[k.Start]) || !bounds[k.Start] || !bounds[k.End] {
				t.Fatalf("token %d [%d:%d] not on rune boundaries", i, k.Start, k.End)
			}
			raw := text[k.Start:k.End]
			if !utf8.ValidString(raw) {
				t.Fatalf("token %d %+q holds invalid UTF-8", i, raw)
			}
			if k.Kind < Word || k.Kind > Symbol {
				t.Fatalf("token %d has kind %d", i, k.Kind)
			}
			if k.Norm == "" {
				t.Fatalf("token %d %+q has an empty Norm", i, raw)
			}
			if n := Normalize(raw); k.Kind != Punct && k.Kind != Symbol && n != k.Norm {
				t.Fatalf("token %d %+q: Norm %+q, Normalize %+q", i, raw, k.Norm, n)
			}
			if k.Kind == Word {
				if r, _ := utf8.DecodeRuneInString(raw); classOf(r) != clsLetter {
					t.Fatalf("word %d %+q does not start with a letter", i, raw)
				}
			}
			last = k.End
		}
		// Any subset of the options splits the text the same way, and
		// each Norm is still that subset's normal form.
		o := Options(len(text)*2654435761) & DefaultOptions
		for i, k := range o.AppendTokens(nil, text) {
			if i >= len(toks) || k.Start != toks[i].Start || k.End != toks[i].End || k.Kind != toks[i].Kind {
				t.Fatalf("options %b: token %d %+v differs from DefaultOptions' tokens", o, i, k)
			}
			if raw := text[k.Start:k.End]; k.Kind != Punct && k.Kind != Symbol && k.Norm != o.Normalize(raw) {
				t.Fatalf("options %b: token %d %+q: Norm %+q, Normalize %+q", o, i, raw, k.Norm, o.Normalize(raw))
			}
		}
		// Normalisation is idempotent and AppendNormalize agrees.
		n := Normalize(text)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %+q", text)
		}
		if string(DefaultOptions.AppendNormalize([]byte("x"), text)) != "x"+n {
			t.Fatalf("AppendNormalize and Normalize disagree on %+q", text)
		}
		// Candidates and stems of the words stay inside the word.
		for _, k := range toks {
			if k.Kind != Word {
				continue
			}
			for _, c := range AppendCandidates(nil, k.Norm) {
				if c.Prefix < 0 || c.Prefix >= len(k.Norm) || c.Form == "" {
					t.Fatalf("candidate %+v of %+q", c, k.Norm)
				}
			}
			if s := Stem(k.Norm); len(s) > len(k.Norm) || s == "" {
				t.Fatalf("Stem(%+q) = %+q", k.Norm, s)
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := Sentences(text)
		bounds := runeBoundaries(text)
		last := 0
		for i, s := range sents {
			if s.Start < last || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("sentence %d [%d:%d] out of order or bounds (previous end %d, len %d)", i, s.Start, s.End, last, len(text))
			}
			if !utf8.RuneStart(text[s.Start]) || !bounds[s.Start] || !bounds[s.End] {
				t.Fatalf("sentence %d [%d:%d] not on rune boundaries", i, s.Start, s.End)
			}
			first, _, ok := decodeAt(text, s.Start)
			lastRune, _ := utf8.DecodeLastRuneInString(text[:s.End])
			if !ok || classOf(first) == clsSpace || lastRune == utf8.RuneError || classOf(lastRune) == clsSpace {
				t.Fatalf("sentence %d %+q is not trimmed", i, text[s.Start:s.End])
			}
			if got := SentenceIndex(sents, s.Start); got != i {
				t.Fatalf("SentenceIndex(%d) = %d, want %d", s.Start, got, i)
			}
			last = s.End
		}
		// Every token lies inside a sentence; tokens may only straddle a
		// boundary through a mark attached to a terminator.
		for _, k := range Tokenize(text) {
			if SentenceIndex(sents, k.Start) < 0 {
				t.Fatalf("token %+q at %d is in no sentence", text[k.Start:k.End], k.Start)
			}
		}
	})
}

// runeBoundaries marks the offsets of text where decoding it rune by rune
// stops (an invalid byte counting as one rune), len(text) included.
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b[len(text)] = true
	return b
}
