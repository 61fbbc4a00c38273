package coder

import (
	"testing"
	"time"

	"rasid/cameo"
	"rasid/lexicon"
	"rasid/timex"
)

// TestDateOfTrigger checks which time expression dates an act: the one
// of its own clause, past its subject and the subject's relative clause,
// not one of the act's complement.
func TestDateOfTrigger(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := New(lx, cameo.Default(), timex.New())
	published := time.Date(2017, 2, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, text, code, want string
	}{
		{"TimeAfterSubject", "طالبت الخارجية المصرية أمس إيران بعدم التدخل في شؤون جيرانها.", "100", "2017-02-13"},
		{"TimeAfterSubjectRelative", "وتعهد قائد الجيش في ميانمار الذي ما زال يمسك بمفاتيح الحكم، أمس الاثنين، باحترام نتائج الانتخابات.", "030", "2017-02-13"},
		{"TimeOfComplementRelative", "وأدان الوزير الغارة التي شنتها إسرائيل أمس على غزة.", "111", "2017-02-14"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := c.analyseText(c.lx.NewDoc(tc.text), published, &scratch{})
			trigs := c.triggers(a)
			for k, tr := range trigs {
				if tr.Phrase.Code != tc.code {
					continue
				}
				d, _, _ := c.dateOf(a, trigs, k)
				if got := d.String(); got != tc.want {
					t.Errorf("%s dated %s, want %s", tc.code, got, tc.want)
				}
				return
			}
			t.Fatalf("no %s trigger in %q", tc.code, tc.text)
		})
	}
}
