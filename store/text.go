package store

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rasid"
)

// Fields is a plain Analyzer for stores built without one: the lower-cased
// runs of letters, marks and digits. It neither normalises nor stems
// Arabic; build the real one from rasid/arabic.
func Fields(text string) []string {
	var terms []string
	for _, w := range words(text) {
		terms = append(terms, strings.ToLower(text[w.Start:w.End]))
	}
	return terms
}

// QueryTerms returns the distinct terms of query through analyze, in
// order of first appearance.
func QueryTerms(analyze Analyzer, query string) []string {
	var terms []string
	for _, t := range analyze(query) {
		if t != "" && !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms
}

// Matches returns the words of text (runs of letters, marks and digits)
// that have one of terms among their own terms through analyze, as byte
// spans into text. It lets a store highlight the original text although
// it indexed analysed terms.
func Matches(analyze Analyzer, text string, terms []string) []rasid.Span {
	if len(terms) == 0 {
		return nil
	}
	want := make(map[string]bool, len(terms))
	for _, t := range terms {
		want[t] = true
	}
	var out []rasid.Span
	for _, w := range words(text) {
		for _, t := range analyze(text[w.Start:w.End]) {
			if want[t] {
				out = append(out, rasid.Span{Start: w.Start, End: w.End, Text: text[w.Start:w.End]})
				break
			}
		}
	}
	return out
}

// EvidenceText is the text of e's evidence: e.Evidence.Text, or the bytes
// of a's text its offsets cover when the coder gave only the offsets.
func EvidenceText(a *Article, e rasid.Event) string {
	if e.Evidence.Text == "" && e.Evidence.End > e.Evidence.Start && e.Evidence.End <= len(a.Text) {
		return a.Text[e.Evidence.Start:e.Evidence.End]
	}
	return e.Evidence.Text
}

// SnippetWidth is the length of a snippet in bytes, roughly (about 120
// Arabic letters).
const SnippetWidth = 240

// Snippet cuts an excerpt of about width bytes of text around the first of
// matches (or from the start when there are none), on word boundaries,
// with "…" where it cut and line breaks turned into spaces, and returns it
// with the matches it holds as byte spans into the excerpt.
func Snippet(text string, matches []rasid.Span, width int) (string, []rasid.Span) {
	start, end := 0, len(text)
	if len(text) > width {
		if len(matches) > 0 {
			start = max(0, matches[0].Start-width/3)
			// Never cut the first match.
			end = max(min(len(text), start+width), matches[0].End)
		} else {
			end = width
		}
		if start > 0 {
			start = nextWordStart(text, start)
		}
		if end < len(text) {
			end = prevWordEnd(text, end, start)
		}
	}
	var b strings.Builder
	offset := 0
	if start > 0 {
		b.WriteString("…")
		offset = len("…")
	}
	b.WriteString(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text[start:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	var hl []rasid.Span
	for _, m := range matches {
		if m.Start >= start && m.End <= end {
			hl = append(hl, rasid.Span{Start: m.Start - start + offset, End: m.End - start + offset, Text: m.Text})
		}
	}
	return b.String(), hl
}

// Mark returns s with each of spans (sorted, not overlapping, as Snippet
// and Matches give them) wrapped in open and close, e.g. "<mark>" and
// "</mark>" (escape the pieces first for HTML) or terminal colours.
func Mark(s string, spans []rasid.Span, open, close string) string {
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(s) || sp.End < sp.Start {
			continue
		}
		b.WriteString(s[at:sp.Start])
		b.WriteString(open)
		b.WriteString(s[sp.Start:sp.End])
		b.WriteString(close)
		at = sp.End
	}
	b.WriteString(s[at:])
	return b.String()
}

// Bands splits a SimHash into the four 16-bit bands a store indexes for
// NearDuplicates.
func Bands(h uint64) [4]uint16 {
	return [4]uint16{uint16(h >> 48), uint16(h >> 32), uint16(h >> 16), uint16(h)}
}

// Distance is the Hamming distance between two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// words returns the byte spans of the runs of word runes of text.
func words(text string) []rasid.Span {
	var out []rasid.Span
	start := -1
	for i, r := range text {
		switch {
		case isWordRune(r) && r != utf8.RuneError:
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, rasid.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, rasid.Span{Start: start, End: len(text)})
	}
	return out
}

// nextWordStart returns the start of the first word at or after i, or the
// first rune boundary at or after i if there is none before the end.
func nextWordStart(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	if i > 0 && i < len(text) {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		cur, _ := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(prev) || !isWordRune(cur) {
			return i // already on a boundary
		}
	}
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			// Skip the separators too, so the excerpt starts on a word.
			for j < len(text) {
				r, size = utf8.DecodeRuneInString(text[j:])
				if isWordRune(r) {
					return j
				}
				j += size
			}
			return i
		}
		j += size
	}
	return i
}

// prevWordEnd returns the end of the last whole word before i (but not
// before floor), or the rune boundary at or before i.
func prevWordEnd(text string, i, floor int) int {
	for i > floor && !utf8.RuneStart(text[i]) {
		i--
	}
	if i < len(text) {
		cur, _ := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(cur) {
			return i
		}
	}
	for j := i; j > floor; {
		r, size := utf8.DecodeLastRuneInString(text[floor:j])
		if !isWordRune(r) {
			return j - size
		}
		j -= size
	}
	return i
}
