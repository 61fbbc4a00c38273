package arabic

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a text: the byte range text[Start:End], trimmed
// of the whitespace around it and never empty.
type Sentence struct{ Start, End int }

// Sentences splits Arabic news prose into sentences.
//
// A sentence ends:
//   - at a line break: in news every line is a paragraph, and a title or
//     byline without final punctuation is a sentence of its own;
//   - at ! ? ؟ ۔, and at a full stop that is not one of the cases below;
//   - at an ellipsis (… or ..), unless it runs straight into the next word
//     (قال...إن) or is followed by a lower-case Latin letter or by
//     continuing punctuation (, ، ؛ :), in which case it is a pause.
//
// A full stop does not end a sentence:
//   - between digits (3.5, 2025.03.04);
//   - when a Latin letter or a digit follows it at once (U.S, e.g, www.x.com);
//   - after an abbreviation: a single Arabic letter (د. م. ص. أ. ق.م), a
//     single Latin capital (J. Smith), a single Latin letter after a dot
//     (U.S., e.g.), or a title (Mr. Mrs. Ms. Dr. Prof. St. Gen. No. vs.) —
//     except that م. and هـ. right after a number are the era of a year
//     (2016م.) and do end the sentence.
//
// Closing quotes and brackets after the end (. » ) ” ’, and " when the
// sentence has an unclosed ") stay in the sentence, even across spaces
// (". »"), and so does a run of terminators (؟!).
func Sentences(text string) []Sentence { return sentences(text, nil, false) }

// SentencesOf is Sentences for a text already tokenised: toks are the
// tokens of text (AppendTokens, with any Options). It returns the same
// sentences in a fraction of the time, passing a token at a time the
// tokens that cannot end a sentence and the gaps without a line break.
func SentencesOf(text string, toks []Token) []Sentence { return sentences(text, toks, true) }

// sentences is Sentences, passing plain characters by toks if byTokens.
func sentences(text string, toks []Token, byTokens bool) []Sentence {
	out := make([]Sentence, 0, len(text)/128+1)
	start, last := -1, -1 // the open sentence: its start and the end of its last non-space character
	quotes := 0           // " seen in the open sentence
	k := 0                // with byTokens, the first token that ends after i
	for i := 0; i < len(text); {
		if start >= 0 {
			// Most of a sentence is letters and spaces, which only move
			// its end on: pass them by table, without decoding, or by
			// token.
			if byTokens {
				i, last, k = tokenRun(text, toks, k, i, last)
			} else {
				i, last = plainRun(text, i, last)
			}
			if i >= len(text) {
				break
			}
		}
		var (
			r    rune
			cls  class
			size int
		)
		// Decoding is written out here and in Tokenize on purpose: as a
		// function (too costly to inline) it made both 5–30% slower.
		if c := text[i]; c < 0x80 {
			r, cls, size = rune(c), latin1Class[c], 1
		} else if 0xD8 <= c && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			k := blockIndex(c, text[i+1])
			r, cls, size = 0x600+rune(k), arabicBlock[k].cls, 2
		} else {
			r, cls, size = nextRune(text, i)
		}
		if cls == clsSpace || cls == clsInvalid {
			if cls == clsSpace && isLineBreak(r) && start >= 0 {
				out = append(out, Sentence{start, last})
				start = -1
			}
			i += size
			continue
		}
		if start < 0 {
			start, quotes = i, 0
		}
		last = i + size
		if r == '"' {
			quotes++
		}
		if isTerminator(r) {
			end, ok := sentenceEnd(text, i, quotes)
			if ok {
				out = append(out, Sentence{start, end})
				start = -1
			}
			i, last = end, end
			continue
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Sentence{start, last})
	}
	return out
}

// asciiInSentence and pairInSentence tell, for an ASCII byte and for the
// two bytes of a code point of the Arabic block, whether it is a character
// that only continues the open sentence: neither a space, a terminator nor
// ". pairInSentence is indexed by (lead-0xD8)<<8 | second byte, and is
// false where the second byte is not a continuation byte.
var (
	asciiInSentence = func() (t [0x80]bool) {
		for c := range t {
			t[c] = plainInSentence(rune(c), latin1Class[c])
		}
		return t
	}()
	pairInSentence = func() (t [4 << 8]bool) {
		for k := range t {
			lead, second := byte(0xD8+k>>8), byte(k)
			if second&0xC0 != 0x80 {
				continue
			}
			b := blockIndex(lead, second)
			t[k] = plainInSentence(0x600+rune(b), arabicBlock[b].cls)
		}
		return t
	}()
)

func plainInSentence(r rune, cls class) bool {
	return cls != clsSpace && cls != clsInvalid && r != '"' && !isTerminator(r)
}

// plainRun passes, from text[i] in an open sentence, the ASCII spaces and
// the characters that only continue the sentence (see Sentences). It
// returns where it stopped and the end of the last non-space character.
// Arabic letters come first, and in one table lookup each: they are most
// of the text.
func plainRun(text string, i, last int) (int, int) {
	for n := len(text) - 1; i < n; {
		c := text[i]
		if c-0xD8 < 4 {
			if !pairInSentence[int(c&3)<<8|int(text[i+1])] {
				return i, last
			}
			i += 2
			last = i
			continue
		}
		if c == ' ' {
			i++
			continue
		}
		if c >= 0x80 || !asciiInSentence[c] {
			return i, last
		}
		i++
		last = i
	}
	return i, last
}

// tokenRun is plainRun by tokens, k being the first of toks that ends
// after text[i]: it passes the gaps between tokens, which hold spaces and
// invalid bytes only, up to a line break, and the tokens that hold no
// terminator and no ", which only move the sentence's end on; in a token
// that may hold one it passes what plainRun does, up to the token's end.
// It returns where it stopped, the end of the last non-space character
// and the new k.
func tokenRun(text string, toks []Token, k, i, last int) (int, int, int) {
	for k < len(toks) && toks[k].End <= i {
		k++
	}
	for ; k < len(toks); k++ {
		t := &toks[k]
		if i < t.Start {
			// One space, the commonest gap, tested here: lineBreakAt is
			// a call.
			if t.Start-i > 1 || text[i] != ' ' {
				if j := lineBreakAt(text, i, t.Start); j < t.Start {
					return j, last, k
				}
			}
			i = t.Start
		}
		// i is in token k, at its start or after the characters the
		// main loop took.
		if t.Kind != Word && t.Kind != Latin && !plainToken(text[t.Start:t.End]) {
			i, last = plainRun(text[:t.End], i, last)
			return i, last, k
		}
		i, last = t.End, t.End
	}
	return lineBreakAt(text, i, len(text)), last, k
}

// lineBreakAt returns the offset of the first line break in text[i:j], a
// gap between tokens, or j if there is none.
func lineBreakAt(text string, i, j int) int {
	for i < j {
		r, size := utf8.DecodeRuneInString(text[i:j])
		if isLineBreak(r) {
			return i
		}
		i += size
	}
	return j
}

// plainToken reports whether raw, a token's text, holds no terminator and
// no ", the characters that may end a sentence or bear on its end (a Word
// or Latin token, of letters, marks and digits, holds none).
func plainToken(raw string) bool {
	for _, r := range raw {
		if r == '"' || isTerminator(r) {
			return false
		}
	}
	return true
}

// SentenceIndex returns the index of the sentence of sents (as returned by
// Sentences, in order) that contains the byte offset, or -1 if the offset
// falls between sentences or outside them all.
func SentenceIndex(sents []Sentence, offset int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > offset })
	if i < len(sents) && sents[i].Start <= offset {
		return i
	}
	return -1
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', arabicQuestion, '…', arabicFullStop:
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or a bracket (the ambiguous
// " and ' are decided by the caller).
func isCloser(r rune) bool {
	switch r {
	case '»', '”', '’', '›', ')', ']', '}':
		return true
	}
	return false
}

// sentenceEnd decides whether the run of terminators at text[i] ends the
// open sentence, in which quotes " have been seen. If it does, it returns
// the sentence's end, after the closing quotes and brackets; if not, the
// end of the run, so that its other dots are not looked at again.
func sentenceEnd(text string, i, quotes int) (int, bool) {
	// The run of terminators.
	j, dots, strong := i, 0, false
	for j < len(text) {
		r, size, ok := decodeAt(text, j)
		if !ok || !isTerminator(r) {
			break
		}
		switch r {
		case '.':
			dots++
		case '…':
			dots += 3
		default:
			strong = true
		}
		j += size
	}
	next, _, _ := decodeAt2(text, j)
	switch {
	case strong:
	case dots >= 2: // an ellipsis
		if isWordChar(next) {
			return j, false
		}
		k := skipSpaces(text, j)
		if k < len(text) {
			after, _, _ := decodeAt2(text, k)
			if !isLineBreak(after) && (unicode.IsLower(after) || isContinuing(after)) {
				return j, false
			}
		}
	case text[i] == '.':
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if classOf(prev) == clsDigit && classOf(next) == clsDigit {
			return j, false
		}
		if c := classOf(next); c == clsLatin || c == clsDigit {
			return j, false
		}
		if isAbbreviation(text[:i]) {
			return j, false
		}
	}
	// Closing quotes and brackets, spaces allowed before them; more
	// terminators right after them.
	end := j
	for end < len(text) {
		k := skipSpaces(text, end)
		r, size, ok := decodeAt2(text, k)
		if !ok {
			break
		}
		switch {
		case isCloser(r), r == '"' && (k == end || quotes%2 == 1), r == '\'' && k == end:
			if r == '"' {
				quotes++
			}
		case k == end && isTerminator(r):
		default:
			return end, true
		}
		end = k + size
	}
	return end, true
}

// decodeAt2 is decodeAt that tolerates i == len(text) (returning 0, 0, false).
func decodeAt2(text string, i int) (rune, int, bool) {
	if i >= len(text) {
		return 0, 0, false
	}
	return decodeAt(text, i)
}

// skipSpaces returns the offset of the first code point at or after i that
// is not a space within the line (a line break stops it).
func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, size, ok := decodeAt(text, i)
		if !ok || isLineBreak(r) || classOf(r) != clsSpace {
			return i
		}
		i += size
	}
	return i
}

func isWordChar(r rune) bool {
	switch classOf(r) {
	case clsLetter, clsLatin, clsDigit, clsTatweel:
		return true
	}
	return false
}

// isContinuing reports whether r shows that the sentence goes on after an
// ellipsis.
func isContinuing(r rune) bool {
	switch r {
	case ',', ';', ':', arabicComma, arabicSemicolon:
		return true
	}
	return false
}

// isLatinTitle reports whether word is a Latin title or abbreviation that
// a full stop follows without ending the sentence.
func isLatinTitle(word string) bool {
	switch word {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt",
		"Capt", "Sen", "Rep", "Gov", "No", "vs":
		return true
	}
	return false
}

// isAbbreviation reports whether before, the text up to a full stop, ends
// with an abbreviation (see Sentences).
func isAbbreviation(before string) bool {
	// The word right before the full stop: letters with their marks and
	// tatweel, counting the letters.
	i, letters, arabic, upper, sawArabic := len(before), 0, false, false, false
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:i])
		c := classOf(r)
		if c != clsLetter && c != clsLatin && c != clsMark && c != clsTatweel {
			break
		}
		if c == clsLetter || c == clsLatin {
			letters++
			arabic = c == clsLetter
			sawArabic = sawArabic || arabic
			if letters >= 2 && sawArabic {
				// No abbreviation: an Arabic word of two letters or more,
				// or a Latin one holding an Arabic letter, which no Latin
				// title does. Most full stops follow such a word, which
				// need not be read to its start.
				return false
			}
			upper = c == clsLatin && unicode.IsUpper(r) // only a Latin letter's case is read below
		}
		i -= size
	}
	word := before[i:]
	prev, _ := utf8.DecodeLastRuneInString(before[:i])
	switch {
	case letters == 0:
		return false
	case arabic && letters == 1:
		first, _ := utf8.DecodeRuneInString(word)
		if first == 'م' || first == 'ه' {
			// The era of a year, 2016م. or 2016 م., ends a sentence.
			p := i
			if prev == ' ' {
				p--
			}
			if d, _ := utf8.DecodeLastRuneInString(before[:p]); classOf(d) == clsDigit {
				return false
			}
		}
		return true
	case arabic:
		return false
	case letters == 1:
		return upper || prev == '.'
	}
	return isLatinTitle(word)
}
