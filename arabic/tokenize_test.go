package arabic

import (
	"fmt"
	"strings"
	"testing"
)

// tok is an expected token: kind, raw text and Norm ("" when Norm is the
// raw text).
type tok struct {
	kind Kind
	raw  string
	norm string
}

func (t tok) String() string {
	if t.norm == "" {
		return fmt.Sprintf("%s:%q", t.kind, t.raw)
	}
	return fmt.Sprintf("%s:%q→%q", t.kind, t.raw, t.norm)
}

func w(raw string, norm ...string) tok  { return mk(Word, raw, norm) }
func l(raw string, norm ...string) tok  { return mk(Latin, raw, norm) }
func n(raw string, norm ...string) tok  { return mk(Number, raw, norm) }
func p(raw string, norm ...string) tok  { return mk(Punct, raw, norm) }
func sy(raw string, norm ...string) tok { return mk(Symbol, raw, norm) }

func mk(k Kind, raw string, norm []string) tok {
	t := tok{kind: k, raw: raw}
	if len(norm) > 0 && norm[0] != raw {
		t.norm = norm[0]
	}
	return t
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{"Words", "أعلن الوزير", []tok{w("أعلن", "اعلن"), w("الوزير")}},
		// Harakat and tatweel stay inside the word; Norm drops them.
		{"Tanween", "شكراً جزيلاً", []tok{w("شكراً", "شكرا"), w("جزيلاً", "جزيلا")}},
		{"Shadda", "محمّد", []tok{w("محمّد", "محمد")}},
		{"SuperscriptAlef", "هٰذا", []tok{w("هٰذا", "هذا")}},
		{"TatweelInsideWord", "كـــبير", []tok{w("كـــبير", "كبير")}},
		// A tatweel after a clitic written apart ends the clitic.
		{"TatweelArticleNumber", "الـ20", []tok{w("الـ", "ال"), n("20")}},
		{"TatweelPrepositionQuote", "بـ«غياب»", []tok{w("بـ", "ب"), p("«"), w("غياب"), p("»")}},
		// A tatweel standing alone is a dash, kept as written.
		{"TatweelDash", "القاهرة ـ استضافت", []tok{w("القاهرة", "القاهره"), p("ـ"), w("استضافت")}},
		{"TaaMarbutaAlefMaqsura", "مدرسة على", []tok{w("مدرسة", "مدرسه"), w("على", "علي")}},
		{"HamzaKept", "مؤتمر رئيس سماء", []tok{w("مؤتمر"), w("رئيس"), w("سماء")}},
		// Latin runs keep their digits and fold ASCII case.
		{"MixedArabicLatin", "قمة G20 في", []tok{w("قمة", "قمه"), l("G20", "g20"), w("في")}},
		{"LatinAgainstArabic", "G20في", []tok{l("G20", "g20"), w("في")}},
		{"LatinAccents", "Málaga", []tok{l("Málaga", "málaga")}},
		// Numbers.
		{"Decimal", "3.5", []tok{n("3.5")}},
		{"ArabicDecimal", "٣٫٥", []tok{n("٣٫٥", "3.5")}},
		{"ArabicIndicDigits", "٢٠٢٥", []tok{n("٢٠٢٥", "2025")}},
		{"PersianDigits", "۱۴۰۳", []tok{n("۱۴۰۳", "1403")}},
		{"Thousands", "1,000,000", []tok{n("1,000,000")}},
		{"DateSlash", "2025/03/04", []tok{n("2025/03/04")}},
		{"DateDash", "04-03-2025", []tok{n("04-03-2025")}},
		{"DateDots", "2025.03.04", []tok{n("2025.03.04")}},
		{"Time", "10:30", []tok{n("10:30")}},
		{"NumberThenFullStop", "عام 2016.", []tok{w("عام"), n("2016"), p(".")}},
		{"NumberThenComma", "2، 3", []tok{n("2"), p("،", ","), n("3")}},
		{"Percent", "45٪ و50%", []tok{n("45"), p("٪", "%"), w("و"), n("50"), p("%")}},
		{"DigitsAfterArticle", "ال٢٠", []tok{w("ال"), n("٢٠", "20")}},
		{"DigitsThenLatin", "5G", []tok{n("5"), l("G", "g")}},
		// Punctuation: one token per character.
		{"Guillemets", "«نعم»", []tok{p("«"), w("نعم"), p("»")}},
		{"Parentheses", "(الفيتو)", []tok{p("("), w("الفيتو"), p(")")}},
		{"Brackets", "[1]", []tok{p("["), n("1"), p("]")}},
		{"ArabicPunctuation", "نعم، لا؛ لماذا؟", []tok{w("نعم"), p("،", ","), w("لا"), p("؛", ";"), w("لماذا"), p("؟", "?")}},
		{"Ellipsis", "قال...", []tok{w("قال"), p("."), p("."), p(".")}},
		{"Colon", "وقال:", []tok{w("وقال"), p(":")}},
		// A hyphen or dash between words splits them.
		{"Hyphen", "ما-بعد", []tok{w("ما"), p("-"), w("بعد")}},
		{"EnDash", "المغربية–الروسية", []tok{w("المغربية", "المغربيه"), p("–"), w("الروسية", "الروسيه")}},
		{"EmDash", "ليبي—ليبي", []tok{w("ليبي"), p("—"), w("ليبي")}},
		// Whitespace and invisible controls separate and are never in a token.
		{"NBSP", "الأمم\u00a0المتحدة", []tok{w("الأمم", "الامم"), w("المتحدة", "المتحده")}},
		{"ZWNJ", "كتاب\u200cها", []tok{w("كتاب"), w("ها")}},
		{"ZWJ", "كتاب\u200dها", []tok{w("كتاب"), w("ها")}},
		{"BidiMarks", "\u200fكتب\u200e \u061cقرأ", []tok{w("كتب"), w("قرأ", "قرا")}},
		{"BOM", "\ufeffكتب", []tok{w("كتب")}},
		{"Newlines", "كتب\r\nقرأ\n", []tok{w("كتب"), w("قرأ", "قرا")}},
		// Presentation forms are letters, folded by NFKC.
		{"LamAlefLigature", "ﻻ", []tok{w("ﻻ", "لا")}},
		{"AllahLigature", "ﷲ", []tok{w("ﷲ", "الله")}},
		{"ShapedWord", "ﺍﻟﻌﺮﺑﻴﺔ", []tok{w("ﺍﻟﻌﺮﺑﻴﺔ", "العربيه")}},
		// Symbols; marks with no character before them.
		{"Symbols", "$5 + ©", []tok{sy("$"), n("5"), sy("+"), sy("©")}},
		{"Hashtag", "#مصر", []tok{p("#"), w("مصر")}},
		{"Emoji", "رائع👍", []tok{w("رائع"), sy("👍")}},
		{"StrayMark", "\u064e كتب", []tok{sy("\u064e"), w("كتب")}},
		// Invalid UTF-8 is skipped: never in a token, never a panic.
		{"InvalidByteInsideWord", "كتب\xffقرأ", []tok{w("كتب"), w("قرأ", "قرا")}},
		{"TruncatedArabic", "كتب\xd8", []tok{w("كتب")}},
		{"InvalidOnly", "\xff\xfe\xc0\xaf", nil},
		{"Empty", "", nil},
		{"SpacesOnly", " \t\u00a0\u200c\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text)
			var got []tok
			for _, k := range toks {
				raw := tt.text[k.Start:k.End]
				g := tok{kind: k.Kind, raw: raw}
				if k.Norm != raw {
					g.norm = k.Norm
				}
				got = append(got, g)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Tokenize(%+q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "قال د. أحمد: «وصلنا إلى G20»."
	toks := Tokenize(text)
	want := []Token{
		{Start: 0, End: 6, Norm: "قال", Kind: Word},
		{Start: 7, End: 9, Norm: "د", Kind: Word},
		{Start: 9, End: 10, Norm: ".", Kind: Punct},
		{Start: 11, End: 19, Norm: "احمد", Kind: Word},
		{Start: 19, End: 20, Norm: ":", Kind: Punct},
		{Start: 21, End: 23, Norm: "«", Kind: Punct},
		{Start: 23, End: 33, Norm: "وصلنا", Kind: Word},
		{Start: 34, End: 40, Norm: "الي", Kind: Word},
		{Start: 41, End: 44, Norm: "g20", Kind: Latin},
		{Start: 44, End: 46, Norm: "»", Kind: Punct},
		{Start: 46, End: 47, Norm: ".", Kind: Punct},
	}
	if fmt.Sprint(toks) != fmt.Sprint(want) {
		t.Errorf("Tokenize(%q)\n got %v\nwant %v", text, toks, want)
	}
}

// With no options the tokens are the same and every Norm is the raw text.
func TestAppendTokensNoOptions(t *testing.T) {
	text := sample(t)
	def := Tokenize(text)
	raw := Options(0).AppendTokens(nil, text)
	if len(def) != len(raw) {
		t.Fatalf("%d tokens with DefaultOptions, %d without", len(def), len(raw))
	}
	for i, k := range raw {
		if k.Start != def[i].Start || k.End != def[i].End || k.Kind != def[i].Kind {
			t.Fatalf("token %d differs: %v and %v", i, def[i], k)
		}
		if k.Norm != text[k.Start:k.End] {
			t.Fatalf("token %d: Norm %q, raw %q", i, k.Norm, text[k.Start:k.End])
		}
	}
}

// AppendTokens appends: earlier tokens are kept, and with room in dst the
// only allocation is the shared buffer of changed Norms.
func TestAppendTokensAllocations(t *testing.T) {
	text := sample(t)
	first := Tokenize("تمهيد")
	all := DefaultOptions.AppendTokens(first, text)
	if all[0].Norm != "تمهيد" || len(all) != 1+len(Tokenize(text)) {
		t.Fatalf("AppendTokens lost the tokens already in dst")
	}
	dst := make([]Token, 0, len(all))
	if n := testing.AllocsPerRun(20, func() { DefaultOptions.AppendTokens(dst, text) }); n > 1 {
		t.Errorf("AppendTokens: %v allocations, want at most 1", n)
	}
	unchanged := "قال الوزير في مؤتمر صحفي"
	if n := testing.AllocsPerRun(20, func() { DefaultOptions.AppendTokens(dst, unchanged) }); n != 0 {
		t.Errorf("AppendTokens of normal text: %v allocations, want 0", n)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Latin: "latin", Number: "number", Punct: "punct", Symbol: "symbol", 0: "Kind(0)", 9: "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// Every code point of the sample lands in exactly one token or is
// whitespace.
func TestTokensCoverSample(t *testing.T) {
	text := sample(t)
	var b strings.Builder
	last := 0
	for _, k := range Tokenize(text) {
		for _, r := range text[last:k.Start] {
			if classOf(r) != clsSpace {
				t.Fatalf("%q at %d is in no token", r, last)
			}
		}
		b.WriteString(text[k.Start:k.End])
		last = k.End
	}
	if strings.Join(strings.Fields(text), "") != strings.ReplaceAll(b.String(), " ", "") {
		t.Error("tokens do not cover the non-space text")
	}
}
