package arabic

import "unicode/utf8"

// Options is a set of normalisation rules, each a named, documented bit.
// Matching wants every rule (DefaultOptions); a caller that must keep a
// distinction (say, digits as written) clears its bit.
type Options uint32

const (
	// FoldAlef writes the hamzated and other alef variants أ إ آ ٱ ٲ ٳ as a
	// bare ا, because writers drop or misplace the hamza on alef freely
	// (أحمد/احمد, إلى/الى).
	FoldAlef Options = 1 << iota
	// FoldAlefMaqsura writes ى as ي (and the Farsi yeh ی, which looks the
	// same at the end of a word), because Egyptian and many other writers
	// use them interchangeably (على/علي).
	FoldAlefMaqsura
	// FoldTaaMarbuta writes ة as ه, because a final ة is often typed as ه
	// (مدرسة/مدرسه).
	FoldTaaMarbuta
	// StripDiacritics removes the harakat and other marks: U+064B–U+065F
	// (fathatan … sukun, maddah, hamza above and below, …), the superscript
	// alef U+0670, the honorific marks U+0610–U+061A and the Quranic marks
	// U+06D6–U+06ED, because most text is unvocalised and the marks would
	// keep a vocalised word from matching. A hamza mark (U+0653–U+0655)
	// that follows ا و ي is composed with it (و+ٔ → ؤ) rather than dropped,
	// so decomposed text normalises like precomposed text.
	StripDiacritics
	// StripTatweel removes the tatweel ـ (U+0640), which only stretches a
	// word for justification or marks a clitic written apart (الـ20).
	StripTatweel
	// FoldDigits writes the Arabic-Indic ٠–٩ and Persian ۰–۹ digits as
	// ASCII 0–9, so that numbers and dates compare whatever digits they use.
	FoldDigits
	// FoldPunctuation writes the Arabic comma ، semicolon ؛ question mark ؟
	// percent sign ٪ decimal separator ٫ and thousands separator ٬ as
	// , ; ? % . , so that downstream code needs to know one set.
	FoldPunctuation
	// FoldPresentationForms applies NFKC to the Arabic presentation forms
	// (U+FB50–U+FDFF, U+FE70–U+FEFF), e.g. ﻻ → لا, ﷲ → الله, ﻫ → ه: old
	// PDFs and some sites encode the shaped glyphs instead of the letters.
	FoldPresentationForms
	// FoldLatinCase writes A–Z as a–z, so that acronyms in Arabic text match
	// whatever their case (G20/g20). Other scripts are left as they are.
	FoldLatinCase

	// DefaultOptions is every rule: what dictionary matching and search use.
	DefaultOptions = FoldAlef | FoldAlefMaqsura | FoldTaaMarbuta | StripDiacritics |
		StripTatweel | FoldDigits | FoldPunctuation | FoldPresentationForms | FoldLatinCase
)

// Named code points, as the normalisation and clitic rules speak of them.
const (
	alefMadda       = '\u0622' // آ
	alefHamzaAbove  = '\u0623' // أ
	wawHamza        = '\u0624' // ؤ
	alefHamzaBelow  = '\u0625' // إ
	yehHamza        = '\u0626' // ئ
	alef            = '\u0627' // ا
	tehMarbuta      = '\u0629' // ة
	tatweel         = '\u0640' // ـ
	heh             = '\u0647' // ه
	waw             = '\u0648' // و
	alefMaksura     = '\u0649' // ى
	yeh             = '\u064A' // ي
	maddaAbove      = '\u0653' // combining maddah
	hamzaAbove      = '\u0654' // combining hamza above
	hamzaBelow      = '\u0655' // combining hamza below
	superscriptAlef = '\u0670'
	alefWasla       = '\u0671' // ٱ
	alefWavyAbove   = '\u0672' // ٲ
	alefWavyBelow   = '\u0673' // ٳ
	farsiYeh        = '\u06CC' // ی
	arabicComma     = '\u060C' // ،
	arabicSemicolon = '\u061B' // ؛
	arabicQuestion  = '\u061F' // ؟
	arabicPercent   = '\u066A' // ٪
	arabicDecimal   = '\u066B' // ٫
	arabicThousands = '\u066C' // ٬
	arabicFullStop  = '\u06D4' // ۔
)

// isDiacritic reports whether StripDiacritics removes r.
func isDiacritic(r rune) bool {
	return '\u064B' <= r && r <= '\u065F' || r == superscriptAlef ||
		'\u0610' <= r && r <= '\u061A' || '\u06D6' <= r && r <= '\u06ED'
}

// foldRule says which option changes r, a code point of the Arabic block
// U+0600–U+06FF, and into what: 0 means r is removed. Each code point is
// changed by at most one option.
func foldRule(r rune) (Options, rune) {
	switch {
	case r == alefMadda, r == alefHamzaAbove, r == alefHamzaBelow,
		r == alefWasla, r == alefWavyAbove, r == alefWavyBelow:
		return FoldAlef, alef
	case r == alefMaksura, r == farsiYeh:
		return FoldAlefMaqsura, yeh
	case r == tehMarbuta:
		return FoldTaaMarbuta, heh
	case isDiacritic(r):
		return StripDiacritics, 0
	case r == tatweel:
		return StripTatweel, 0
	case '\u0660' <= r && r <= '\u0669':
		return FoldDigits, '0' + r - '\u0660'
	case '\u06F0' <= r && r <= '\u06F9':
		return FoldDigits, '0' + r - '\u06F0'
	case r == arabicComma, r == arabicThousands:
		return FoldPunctuation, ','
	case r == arabicSemicolon:
		return FoldPunctuation, ';'
	case r == arabicQuestion:
		return FoldPunctuation, '?'
	case r == arabicPercent:
		return FoldPunctuation, '%'
	case r == arabicDecimal:
		return FoldPunctuation, '.'
	}
	return 0, r
}

// composeHamza is the canonical composition of a letter with a following
// maddah or hamza mark (NFC), or 0 when they do not compose.
func composeHamza(letter, mark rune) rune {
	switch {
	case letter == alef && mark == maddaAbove:
		return alefMadda
	case letter == alef && mark == hamzaAbove:
		return alefHamzaAbove
	case letter == alef && mark == hamzaBelow:
		return alefHamzaBelow
	case letter == waw && mark == hamzaAbove:
		return wawHamza
	case letter == yeh && mark == hamzaAbove:
		return yehHamza
	}
	return 0
}

// Normalize returns s with the rules of o applied. It returns s itself,
// without allocating, when no rule changes it: most words of a text are
// already in normal form. Bytes that are not valid UTF-8 become U+FFFD, so
// that the result is valid UTF-8 and normalising it again changes nothing.
func (o Options) Normalize(s string) string {
	i := o.firstChange(s)
	if i == len(s) {
		return s
	}
	var stack [64]byte
	var b []byte
	if len(s) <= len(stack) {
		b = stack[:0]
	} else {
		b = make([]byte, 0, len(s)+len(s)/8)
	}
	b = append(b, s[:i]...)
	b = o.appendFrom(b, s[i:], 0)
	return string(b)
}

// AppendNormalize appends s, normalised with the rules of o, to dst and
// returns the extended buffer: the allocation-free form of Normalize.
func (o Options) AppendNormalize(dst []byte, s string) []byte {
	return o.appendFrom(dst, s, len(dst))
}

// Normalize returns s normalised with DefaultOptions.
func Normalize(s string) string { return DefaultOptions.Normalize(s) }

// firstChange returns the byte offset of the first code point of s that a
// rule of o changes (or an invalid byte), or len(s). ASCII and the Arabic
// block take a comparison or a table lookup each.
func (o Options) firstChange(s string) int {
	lower := o&FoldLatinCase != 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if lower && 'A' <= c && c <= 'Z' {
				return i
			}
			i++
		case 0xD8 <= c && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			if arabicBlock[blockIndex(c, s[i+1])].fold&o != 0 {
				return i
			}
			i += 2
		default:
			r, size, ok := decodeAt(s, i)
			if !ok || o.changes(r) {
				return i
			}
			i += size
		}
	}
	return len(s)
}

// appendFrom appends s normalised with o to dst; base is where this
// normalisation's output starts in dst, so that a hamza mark never composes
// with a letter the caller wrote before. Unchanged runs are copied whole.
func (o Options) appendFrom(dst []byte, s string, base int) []byte {
	lower := o&FoldLatinCase != 0
	pres := o&FoldPresentationForms != 0
	run := 0 // start of the bytes of s not yet copied to dst
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if lower && 'A' <= c && c <= 'Z' {
				dst = append(dst, s[run:i]...)
				dst = append(dst, c+'a'-'A')
				run = i + 1
			}
			i++
		case 0xD8 <= c && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			if arabicBlock[blockIndex(c, s[i+1])].fold&o != 0 {
				dst = append(dst, s[run:i]...)
				dst = o.appendBlock(dst, c, s[i+1], base)
				run = i + 2
			}
			i += 2
		default:
			r, size, ok := decodeAt(s, i)
			switch {
			case !ok:
				dst = append(dst, s[run:i]...)
				dst = utf8.AppendRune(dst, utf8.RuneError)
				run = i + 1
			case pres:
				if m := presentation(r); m != "" {
					dst = append(dst, s[run:i]...)
					dst = (o &^ FoldPresentationForms).appendFrom(dst, m, base)
					run = i + size
				}
			}
			i += size
		}
	}
	return append(dst, s[run:]...)
}

// appendBlock appends the normal form of the Arabic-block code point
// encoded as c0 c1.
func (o Options) appendBlock(dst []byte, c0, c1 byte, base int) []byte {
	e := arabicBlock[blockIndex(c0, c1)]
	if e.fold&o == 0 {
		return append(dst, c0, c1)
	}
	if e.fold == StripDiacritics && len(dst)-base >= 2 {
		mark := rune(0x600 + int(blockIndex(c0, c1)))
		if mark == maddaAbove || mark == hamzaAbove || mark == hamzaBelow {
			n := len(dst)
			if p0, p1 := dst[n-2], dst[n-1]; 0xD8 <= p0 && p0 <= 0xDB && p1&0xC0 == 0x80 {
				letter := rune(0x600 + int(blockIndex(p0, p1)))
				if r := composeHamza(letter, mark); r != 0 {
					if f := arabicBlock[r-0x600]; f.fold&o != 0 {
						r = rune(f.repl)
					}
					return appendBlockRune(dst[:n-2], r)
				}
			}
		}
	}
	switch {
	case e.repl == 0:
		return dst
	case e.repl < 0x80:
		return append(dst, byte(e.repl))
	}
	return appendBlockRune(dst, rune(e.repl))
}

// blockIndex is the offset from U+0600 of the code point encoded as c0 c1
// (c0 in D8–DB, c1 a continuation byte).
func blockIndex(c0, c1 byte) uint8 {
	return (c0-0xD8)<<6 | c1&0x3F
}

// appendBlockRune appends r, a code point of U+0600–U+06FF.
func appendBlockRune(dst []byte, r rune) []byte {
	return append(dst, byte(0xC0|r>>6), byte(0x80|r&0x3F))
}

// presentation is NFKC of the presentation form r (a letter or ligature
// spelled out), or "" when r is not a presentation form or NFKC keeps it.
func presentation(r rune) string {
	var k int
	switch {
	case 0xFB50 <= r && r <= 0xFDFF:
		k = int(r - 0xFB50)
	case 0xFE70 <= r && r <= 0xFEFF:
		k = int(r-0xFE70) + 0xFE00 - 0xFB50
	default:
		return ""
	}
	return presText[presOff[k]:presOff[k+1]]
}
