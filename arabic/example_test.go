package arabic_test

import (
	"fmt"

	"rasid/arabic"
)

func ExampleNormalize() {
	fmt.Println(arabic.Normalize("أكّد الرئيسُ على أهمية قمة G20 عام ٢٠٢٥؟"))
	// Output: اكد الرئيس علي اهميه قمه g20 عام 2025?
}

func ExampleTokenize() {
	text := "التقى بوريطة ولافروف في «الـ20»."
	for _, t := range arabic.Tokenize(text) {
		fmt.Printf("%-6s [%d:%d] %s → %s\n", t.Kind, t.Start, t.End, text[t.Start:t.End], t.Norm)
	}
	// Output:
	// word   [0:10] التقى → التقي
	// word   [11:23] بوريطة → بوريطه
	// word   [24:38] ولافروف → ولافروف
	// word   [39:43] في → في
	// punct  [44:46] « → «
	// word   [46:52] الـ → ال
	// number [52:54] 20 → 20
	// punct  [54:56] » → »
	// punct  [56:57] . → .
}

func ExampleSentences() {
	text := "الوزير يستقبل نظيره\nقال د. محمد إن النمو بلغ 3.5 في المئة. «هل يكفي ذلك؟» سأل."
	for _, s := range arabic.Sentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// الوزير يستقبل نظيره
	// قال د. محمد إن النمو بلغ 3.5 في المئة.
	// «هل يكفي ذلك؟»
	// سأل.
}

func ExampleAppendCandidates() {
	for _, c := range arabic.AppendCandidates(nil, arabic.Normalize("بالجزائر")) {
		fmt.Println(c.Form, c.Prefix, c.Def)
	}
	// Output:
	// بالجزائر 0 false
	// الجزائر 2 true
	// جزائر 6 true
}

func ExampleStem() {
	fmt.Println(arabic.Stem(arabic.Normalize("والمؤتمرات")))
	// Output: مؤتمر
}
