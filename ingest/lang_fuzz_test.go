package ingest

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// languageByRange is Language as it was written first, decoding with for
// range: FuzzLanguage holds Language to it.
func languageByRange(text string) string {
	if len(text) > langSample {
		text = text[:langSample] // a rune cut in two is no letter
	}
	var letters, arabic, latin, arabicOnly, persian, urdu int
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if c := r | 0x20; c >= 'a' && c <= 'z' {
				letters++
				latin++
			}
			continue
		case r >= 0x600 && r <= 0x6ff:
			if !arabicLetter[r-0x600] {
				continue
			}
		case !unicode.IsLetter(r):
			continue
		}
		letters++
		switch {
		case r >= 0x600 && r <= 0x6ff || unicode.Is(unicode.Arabic, r):
			arabic++
			switch r {
			case 'ة', 'ي', 'ك':
				arabicOnly++
			case 'ک', 'ی', 'پ', 'چ', 'ژ', 'گ':
				persian++
			case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
				urdu++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case letters == 0:
		return "und"
	case arabic*2 >= letters:
		switch {
		case urdu > arabicOnly && urdu*50 > arabic:
			return "ur"
		case persian > arabicOnly:
			return "fa"
		}
		return "ar"
	case latin*2 >= letters:
		return latinLanguage(text)
	}
	return "und"
}

func FuzzLanguage(f *testing.F) {
	for _, s := range []string{"", "قال الرئيس إن", "The minister said that", "le ministre a dit que", "این کتاب", "یہ کتاب ہے", "\xd8\xd8\xa7", "\xdb", "ب\xff\x80ة", "G20 في الرياض"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Language(s), languageByRange(s); got != want {
			t.Fatalf("Language(%q) = %q, want %q", s, got, want)
		}
	})
}
