package arabic

import (
	"fmt"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"FullStops", "وصل الوزير. بدأ الاجتماع.", []string{"وصل الوزير.", "بدأ الاجتماع."}},
		{"ArabicQuestionMark", "هل انتهى الاجتماع؟ نعم.", []string{"هل انتهى الاجتماع؟", "نعم."}},
		{"Exclamation", "يا له من يوم! ثم عاد.", []string{"يا له من يوم!", "ثم عاد."}},
		{"TerminatorRun", "حقاً؟! لا أصدق.", []string{"حقاً؟!", "لا أصدق."}},
		{"UrduFullStop", "جملة۔ أخرى", []string{"جملة۔", "أخرى"}},
		// A line break is a paragraph: a title without punctuation is a sentence.
		{"TitleLine", "الوزير يستقبل نظيره\nاستقبل الوزير نظيره أمس.", []string{"الوزير يستقبل نظيره", "استقبل الوزير نظيره أمس."}},
		{"BylineAndCRLF", "الرباط – خاص\r\nقال المتحدث إن.", []string{"الرباط – خاص", "قال المتحدث إن."}},
		{"ParagraphSeparator", "أولى\u2029ثانية", []string{"أولى", "ثانية"}},
		// Closing quotes and brackets after the end stay in the sentence.
		{"ClosingGuillemet", "قال: «وصلنا.» ثم غادر.", []string{"قال: «وصلنا.»", "ثم غادر."}},
		{"ClosingGuillemetAfterSpace", "قال: «وصلنا. » ثم غادر.", []string{"قال: «وصلنا. »", "ثم غادر."}},
		{"ClosingParenthesis", "(انتهى الاجتماع.) ثم غادر.", []string{"(انتهى الاجتماع.)", "ثم غادر."}},
		{"ClosingStraightQuote", "قال: \"لن نقبل.\" وأضاف.", []string{"قال: \"لن نقبل.\"", "وأضاف."}},
		{"OpeningStraightQuoteNotClosing", "انتهى. \"جملة\" جديدة.", []string{"انتهى.", "\"جملة\" جديدة."}},
		{"FullStopAfterGuillemet", "قال إن «الوضع صعب». وأضاف.", []string{"قال إن «الوضع صعب».", "وأضاف."}},
		// Numbers.
		{"Decimal", "بلغ النمو 3.5 في المئة. ثم تراجع.", []string{"بلغ النمو 3.5 في المئة.", "ثم تراجع."}},
		{"DateWithDots", "وقع في 2025.03.04 صباحاً.", []string{"وقع في 2025.03.04 صباحاً."}},
		{"YearAtEnd", "وقع عام 2016. ثم عاد.", []string{"وقع عام 2016.", "ثم عاد."}},
		// Abbreviations.
		{"Doctor", "قال د. محمد العلوي إن الوضع صعب.", []string{"قال د. محمد العلوي إن الوضع صعب."}},
		{"DoctorNoSpace", "قال د.محمد إن الوضع صعب.", []string{"قال د.محمد إن الوضع صعب."}},
		{"Engineer", "أكد م. أحمد ذلك.", []string{"أكد م. أحمد ذلك."}},
		{"Page", "انظر ص. 12 من التقرير.", []string{"انظر ص. 12 من التقرير."}},
		{"Professor", "أ. د. سامي يتحدث.", []string{"أ. د. سامي يتحدث."}},
		{"BeforeChrist", "في القرن الثالث ق.م كانت المدينة مزدهرة.", []string{"في القرن الثالث ق.م كانت المدينة مزدهرة."}},
		{"EraAfterYear", "ولد عام 1950م. ثم هاجر.", []string{"ولد عام 1950م.", "ثم هاجر."}},
		{"HijriEraAfterYear", "في عام 1446 هـ. بدأ العمل.", []string{"في عام 1446 هـ.", "بدأ العمل."}},
		{"LatinInitial", "قال J. Smith إن الأمر انتهى.", []string{"قال J. Smith إن الأمر انتهى."}},
		{"USInitials", "أعلنت U.S. Army ذلك.", []string{"أعلنت U.S. Army ذلك."}},
		{"Mister", "Mr. Smith left. He came back.", []string{"Mr. Smith left.", "He came back."}},
		{"EG", "Some, e.g. these, stay.", []string{"Some, e.g. these, stay."}},
		{"URL", "زوروا www.example.com للمزيد.", []string{"زوروا www.example.com للمزيد."}},
		// A full stop with no space before the next Arabic sentence.
		{"MissingSpace", "انتهى الاجتماع.وقال الوزير.", []string{"انتهى الاجتماع.", "وقال الوزير."}},
		// Ellipsis.
		{"EllipsisEnds", "وانتظر الجميع... ثم جاء الخبر.", []string{"وانتظر الجميع...", "ثم جاء الخبر."}},
		{"EllipsisCharEnds", "وانتظر الجميع… ثم جاء.", []string{"وانتظر الجميع…", "ثم جاء."}},
		{"EllipsisAttached", "قال...إن الوضع صعب.", []string{"قال...إن الوضع صعب."}},
		{"EllipsisLowercaseLatin", "He paused... and went on.", []string{"He paused... and went on."}},
		{"EllipsisComma", "الاقتصاد... ، والتعليم.", []string{"الاقتصاد... ، والتعليم."}},
		{"EllipsisAtLineEnd", "وبعد...\nجاء الخبر", []string{"وبعد...", "جاء الخبر"}},
		// Whitespace and invalid bytes are trimmed.
		{"Trimmed", "  \u200f جملة.  \n\t ", []string{"جملة."}},
		{"InvalidBytesTrimmed", "\xff جملة \xfe\nأخرى", []string{"جملة", "أخرى"}},
		{"InvalidBytesInside", "جملة\xffثانية.", []string{"جملة\xffثانية."}},
		{"Empty", "", nil},
		{"SpacesOnly", " \n\u00a0\r\n", nil},
		{"InvalidOnly", "\xff\n\xfe", nil},
		{"PunctuationOnly", "...", []string{"..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentenceIndex(t *testing.T) {
	text := "أولى. ثانية.\nثالثة"
	sents := Sentences(text)
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	for _, tt := range []struct{ offset, want int }{
		{-1, -1},
		{0, 0},
		{sents[0].End - 1, 0},
		{sents[0].End, -1}, // the space between
		{sents[1].Start, 1},
		{sents[2].Start, 2},
		{sents[2].End - 1, 2},
		{len(text), -1},
		{len(text) + 10, -1},
	} {
		if got := SentenceIndex(sents, tt.offset); got != tt.want {
			t.Errorf("SentenceIndex(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
	if got := SentenceIndex(nil, 0); got != -1 {
		t.Errorf("SentenceIndex(nil, 0) = %d, want -1", got)
	}
}

// Every token of the sample lies inside one sentence.
func TestSentencesHoldTokens(t *testing.T) {
	text := sample(t)
	sents := Sentences(text)
	for _, k := range Tokenize(text) {
		i := SentenceIndex(sents, k.Start)
		if i < 0 || k.End > sents[i].End {
			t.Fatalf("token %q at %d is not inside a sentence", text[k.Start:k.End], k.Start)
		}
	}
}
