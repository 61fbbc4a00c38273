package lexicon_test

import (
	"reflect"
	"testing"

	"rasid/internal/corpus"
	"rasid/lexicon"
)

// TestReaderDocs checks that a Reader, reusing its buffers from text to
// text, finds what fresh Docs find: the same mentions and the same event
// phrases, whether the text before was longer or shorter.
func TestReaderDocs(t *testing.T) {
	lx := load(t)
	texts := []string{
		"استقبل الرئيس عبد المجيد تبون نظيره التونسي، وبحث الجانبان تطورات الأوضاع في المنطقة.\nوأشاد الوزيران بمستوى التنسيق بين البلدين.",
		"زيارته إلى الرباط",
		"",
		"نددت وزارة الخارجية المصرية بالغارات التي شنها الجيش الإسرائيلي على قطاع غزة، وطالبت المجتمع الدولي بالتحرك العاجل.",
		"للرباط وللأمم المتحدة G20 2025/03/04 ـــ",
	}
	arts, err := corpus.SaudiNewsNet(corpus.SaudiNewsNetDir, 256<<10)
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, arts...)
	texts = append(texts, texts[1], texts[0]) // short after long, long after short
	r := lx.NewReader()
	published := day("2024-04-22")
	for _, text := range texts {
		fresh, own := lexicon.NewDoc(text), lx.NewDoc(text)
		reused := r.NewDoc(text)
		want := lx.Recognise(fresh, published)
		if got := lx.Recognise(own, published); !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q: Lexicon.NewDoc mentions differ:\n got %+v\nwant %+v", text, got, want)
		}
		if got := lx.Recognise(reused, published); !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q: Reader mentions differ:\n got %+v\nwant %+v", text, got, want)
		}
		wantP := lx.Phrases(fresh)
		if got := lx.Phrases(reused); !reflect.DeepEqual(got, wantP) {
			t.Errorf("%.40q: Reader phrases differ:\n got %+v\nwant %+v", text, got, wantP)
		}
		if !reflect.DeepEqual(reused.Tokens, fresh.Tokens) {
			t.Errorf("%.40q: Reader tokens differ", text)
		}
		for i := range fresh.Tokens {
			if !reflect.DeepEqual(reused.Candidates(i), fresh.Candidates(i)) {
				t.Errorf("%.40q: token %d: Reader readings differ", text, i)
			}
		}
	}
}
