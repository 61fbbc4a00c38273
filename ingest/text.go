package ingest

import (
	"bufio"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"rasid"
)

// text reads a plain text file: one article.
func (r *reader) text(s src, br *bufio.Reader) error {
	if s.size > r.opt.MaxBytes {
		return r.fail(s.name, tooLarge("document", r.opt.MaxBytes))
	}
	b, err := readCapped(br, r.opt.MaxBytes, "document")
	if err != nil {
		return r.fail(s.name, err)
	}
	txt, err := decodeText(b)
	if err != nil {
		return r.fail(s.name, err)
	}
	txt = strings.TrimPrefix(txt, "\ufeff")
	if strings.TrimSpace(txt) == "" {
		return r.fail(s.name, empty("no text (only white space)"))
	}
	return r.send(Item{Where: s.name, Doc: rasid.Document{
		ID:        s.stem,
		Source:    s.folder,
		Title:     firstLineTitle(txt),
		Published: r.opt.Published,
		Text:      txt,
	}})
}

// decodeText turns the bytes of a text into a string. UTF-8 is taken as
// it is. Bytes that are mostly not UTF-8 are tried as windows-1256, the
// legacy Arabic code page, and taken when that gives Arabic text;
// otherwise they are ErrNotText. A few invalid bytes in UTF-8 text become
// U+FFFD, so that what is valid is still read.
func decodeText(b []byte) (string, error) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	high, invalid := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		high += n
		i += n
	}
	if invalid*2 <= high {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	if s, ok := decode1256(b); ok {
		return s, nil
	}
	return "", ErrNotText
}

// decode1256 decodes b as windows-1256 and reports whether the result is
// Arabic text without control characters.
func decode1256(b []byte) (string, bool) {
	out, err := charmap.Windows1256.NewDecoder().Bytes(b)
	if err != nil || looksBinary(out) {
		return "", false
	}
	s := string(out)
	return s, Language(s) == "ar"
}

// firstLineTitle returns the first line of a plain text article when it
// looks like a headline: short (at most 150 characters), followed by more
// text, and not ending like a sentence. The text itself keeps the line.
func firstLineTitle(txt string) string {
	txt = strings.TrimLeft(txt, " \t\r\n")
	line, rest, ok := strings.Cut(txt, "\n")
	line = strings.TrimSpace(line)
	if !ok || line == "" || strings.TrimSpace(rest) == "" || utf8.RuneCountInString(line) > 150 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?؟:،,;؛", last) {
		return ""
	}
	return line
}
