package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestLanguage(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"أجرى وزير الخارجية اتصالا هاتفيا مع نظيره الروسي.", "ar"},
		{"قالت وكالة Reuters إن قمة G20 ستعقد في New Delhi بحضور الرئيس.", "ar"},           // Latin names, Arabic dominates
		{"قال Reuters Associated Press AFP", "und"},                                        // Latin dominates, no word tells which language
		{"The foreign minister held talks with his Russian counterpart on Tuesday.", "en"}, // English words
		{"Le ministre des affaires étrangères a reçu son homologue à Rabat.", "fr"},
		{"وزیر امور خارجه ایران با همتای روسی خود گفتگو کرد.", "fa"},
		{"پاکستان کے وزیر خارجہ نے روسی ہم منصب سے ملاقات کی۔", "ur"},
		{"Министр иностранных дел провёл переговоры.", "und"},
		{"2025-03-04 12:00 — 3.5%", "und"},
		{"", "und"},
		{"G20 COP28", "und"}, // Latin letters, no word to tell the language
	} {
		if got := Language(c.text); got != c.want {
			t.Errorf("Language(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// Only the first 64 KB count.
	long := strings.Repeat("أعلنت الحكومة خطة جديدة. ", 4000) + strings.Repeat("The government announced a plan. ", 20000)
	if got := Language(long); got != "ar" {
		t.Errorf("Language(Arabic then much English) = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"2025-03-04", day(2025, 3, 4)},
		{"2025-03-04T10:30:00+02:00", time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC)},
		{"2025-03-04T10:30:00.123Z", time.Date(2025, 3, 4, 10, 30, 0, 123e6, time.UTC)},
		{"2025-03-04T10:30:00+0200", time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC)},
		{"2025-03-04T10:30:00", time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC)},
		{"2017-01-22T171800", time.Date(2017, 1, 22, 17, 18, 0, 0, time.UTC)}, // ANT corpus
		{"18/12/2016", day(2016, 12, 18)},                                     // ANT corpus: day first
		{"1/7/2016", day(2016, 7, 1)},
		{"2025-03-04 10:30:00", time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC)},
		{"Tue, 04 Mar 2025 10:30:00 +0000", time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC)},
		{"٢٠٢٥-٠٣-٠٤", day(2025, 3, 4)},
		{" 2025-03-04 ", day(2025, 3, 4)},
	} {
		got, err := parseDate(c.in)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "أمس", "2025/13/45", "12/25/2025", "0000-00-00", "0001-01-01", "2025-02-30", "9999-01-01"} {
		if got, err := parseDate(bad); err == nil {
			t.Errorf("parseDate(%q) = %v, want an error", bad, got)
		}
	}
}

func TestDecodeText(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      error
	}{
		{"نص سليم", "نص سليم", nil},
		{"نص \xff سليم تقريبا", "نص \uFFFD سليم تقريبا", nil},
		{"\xc3\xe5\xe1\xc7 \xc8\xdf\xe3", "أهلا بكم", nil}, // windows-1256
		{"caf\xe9 cr\xe8me", "", ErrNotText},               // Latin-1: not Arabic in 1256
	} {
		got, err := decodeText([]byte(c.in))
		if got != c.want || err != c.err {
			t.Errorf("decodeText(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestFirstLineTitle(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"المغرب وروسيا يبحثان التعاون\n\nأجرى وزير الخارجية اتصالا.", "المغرب وروسيا يبحثان التعاون"},
		{"أجرى وزير الخارجية اتصالا هاتفيا.\nوأكد الوزيران حرصهما.", ""}, // a sentence, not a headline
		{"سطر وحيد", ""},
		{strings.Repeat("كلمة ", 40) + "\nنص", ""}, // too long
	} {
		if got := firstLineTitle(c.text); got != c.want {
			t.Errorf("firstLineTitle(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
