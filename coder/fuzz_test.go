package coder_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzCode: arbitrary text never panics the coder, and every event's
// evidence and every mention point at bytes of the text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		sample,
		"استقبل الملك محمد السادس، أمس، الرئيس الموريتاني.",
		"\xff\xfe نفى أن يكون قد التقى «نظيره» (بوريطة)",
		"قصف\nالجيش\n\nغارة 2025/03/04 في 15 رمضان 1446 هـ",
		"",
		// phrases cut off at the end of the text, where the rules that
		// read past an act stop
		"وتأتي زيارة وفد من",
		"واتهمتهم الحكومة التونسية بـ",
		"تم قصف مقرات قيادة ل",
		"واس- الرياض:",
		"وتوجه الرئيس صوب وساطة",
		"وتم توقيع الاتفاق بين",
		"وعدت الحكومة غداة هجوم",
		"في 29 الحالي",
		"وكان الرئيس قد",
		"وأوقفت الشرطة",
		"قتلت الجماعة منذ",
		"وقتلت منذ عام",
		"خلال",
		"حيث وصلت -بحفظ الله",
		"نحن نتحدث عن",
		"وتحدث عن",
		"بدراسة",
		"كانت تقود سيارة مفخخة",
		"استقبل الأمير (",
		"رفضها القاطع",
		"ورحبت السعودية بالاتفاق",
		"ترحيب القاهرة بتوقيع",
	} {
		f.Add(s)
	}
	c := newCoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := c.Code(text, day("2024-01-01"))
		for _, e := range r.Events {
			if e.Evidence.Start < 0 || e.Evidence.End > len(text) || e.Evidence.Start > e.Evidence.End {
				t.Fatalf("evidence [%d,%d) out of %d bytes", e.Evidence.Start, e.Evidence.End, len(text))
			}
			if text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
				t.Fatalf("evidence text does not match its span")
			}
			if err := e.Validate(); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range r.Actors {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %q [%d,%d) does not hold its text", m.Text, m.Start, m.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention %q splits a character", m.Text)
			}
		}
	})
}
