package jsonl

import (
	"encoding/binary"
	"unicode/utf8"
)

// plainRun skips from i the bytes a JSON string holds as they are (not '"',
// '\\' nor a control character), eight at a time while it can: the text
// of an article is most of a line.
func plainRun(s []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(s[i:])
		q := x ^ ('"' * ones)
		b := x ^ ('\\' * ones)
		// A byte is flagged when it is below 0x20 or, after the xor, zero;
		// bytes of 0x80 and up are never flagged.
		special := ((x - 0x20*ones) | (q - ones) | (b - ones)) &^ x & highs
		if special != 0 {
			break
		}
	}
	for i < len(s) {
		if c := s[i]; c == '"' || c == '\\' || c < ' ' {
			return i
		}
		i++
	}
	return i
}

// validUTF8 is utf8.Valid, faster on Arabic: a word of eight bytes that
// holds only ASCII and two-byte sequences (all of Arabic's letters, marks
// and digits) is checked at once; anything else goes rune by rune. utf8.Valid
// alone was a third of reading a line.
func validUTF8(s []byte) bool {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		top   = 0x80 << 56 // the high bit of the word's last byte
	)
	i := 0
	for {
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64(s[i:])
			hi := x & highs
			if hi == 0 {
				i += 8
				continue
			}
			// Each byte's bits 6 and 5, moved to its bit 7, tell its kind.
			b6 := x << 1 & highs
			b5 := x << 2 & highs
			cont := hi &^ b6      // 10xxxxxx
			lead := hi & b6 &^ b5 // 110xxxxx
			long := hi & b6 & b5  // 111xxxxx: a rune of three or four bytes
			// A lead with bits 1-4 clear (C0, C1) would be overlong.
			low4 := ((x & (0x1e * ones)) + 0x7f*ones) & highs
			if long != 0 || lead&^low4 != 0 {
				break
			}
			// Every continuation follows a lead, and every lead but one in
			// the last byte (left for the next word) precedes one.
			if cont != (lead&^top)<<8 {
				break
			}
			if lead&top != 0 {
				i += 7
			} else {
				i += 8
			}
		}
		if i >= len(s) {
			return true
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
}
