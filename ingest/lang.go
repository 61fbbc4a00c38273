package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// langSample is how much of a text Language looks at: enough to be sure,
// little enough that a 10 MB document costs nothing.
const langSample = 64 << 10

// Language returns "ar" when Arabic letters dominate the letters of text,
// that is when they are at least half of them: Arabic news quotes Latin
// names and acronyms (G20, Reuters) but never outweighs itself with them.
// Text in the Arabic script that writes Persian or Urdu letters (ک ی پ چ
// ژ گ, ٹ ڈ ڑ ں ے) more than the Arabic-only ones (ة ي ك) is "fa" or "ur",
// not Arabic. Text in the Latin script is "en" or "fr" by its commonest
// words; anything else, or no letters at all, is "und". Only the first
// 64 KB are read.
//
// Read sets Doc.Lang with it; skipping documents that are not Arabic is
// the caller's decision.
func Language(text string) string {
	if len(text) > langSample {
		text = text[:langSample] // a rune cut in two is no letter
	}
	var letters, arabic, latin, arabicOnly, persian, urdu int
	for i := 0; i < len(text); {
		// As for range does, with the letters of the Arabic block
		// (U+0600–U+06FF, lead bytes D8–DB), the runes of almost every
		// Arabic text, counted in place.
		c := text[i]
		if c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			i += 2
			switch arabicBlock[int(c&3)<<6|int(text[i-1]&0x3F)] {
			case blockLetter:
				letters++
				arabic++
			case blockArabicOnly:
				letters++
				arabic++
				arabicOnly++
			case blockPersian:
				letters++
				arabic++
				persian++
			case blockUrdu:
				letters++
				arabic++
				urdu++
			}
			continue
		}
		r := rune(c)
		if c < utf8.RuneSelf {
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
		}
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

// arabicLetter tells the letters of the Arabic block U+0600–U+06FF, the
// runes of almost every Arabic text, without a table search each.
var arabicLetter = func() (t [256]bool) {
	for i := range t {
		t[i] = unicode.IsLetter(rune(0x600 + i))
	}
	return t
}()

// What Language counts a rune of the Arabic block as.
const (
	blockOther      = iota // no letter
	blockLetter            // a letter
	blockArabicOnly        // ة ي ك
	blockPersian           // ک ی پ چ ژ گ
	blockUrdu              // ٹ ڈ ڑ ں ے
)

// arabicBlock is what Language counts each rune of U+0600–U+06FF as.
var arabicBlock = func() (t [256]uint8) {
	for i := range t {
		r := rune(0x600 + i)
		switch {
		case !arabicLetter[i]:
			t[i] = blockOther
		case strings.ContainsRune("ةيك", r):
			t[i] = blockArabicOnly
		case strings.ContainsRune("کیپچژگ", r):
			t[i] = blockPersian
		case strings.ContainsRune("ٹڈڑںے", r):
			t[i] = blockUrdu
		default:
			t[i] = blockLetter
		}
	}
	return t
}()

// Common words of English and French that the other language does not
// use as words.
var (
	englishWords = wordSet("the and of to is that for with was said on it by from has have are were this which")
	frenchWords  = wordSet("le la les des et est du une que dans pour au aux qui sur par pas ont ce cette il elle sont été")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// latinLanguage guesses English or French by counting their common words;
// "und" when neither shows.
func latinLanguage(text string) string {
	en, fr := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > 6 {
			continue
		}
		w = strings.ToLower(w)
		if englishWords[w] {
			en++
		}
		if frenchWords[w] {
			fr++
		}
	}
	switch {
	case fr > en:
		return "fr"
	case en > fr:
		return "en"
	}
	return "und"
}
