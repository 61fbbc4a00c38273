// Package le reads little-endian integers out of strings without
// converting them to byte slices: the hashing of the tokenizer and of the
// lexicon's tables loads words eight or four bytes at a time.
package le

// Load64 reads the eight bytes of s at i as a little-endian integer: the
// compiler makes it one load.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Load32 reads the four bytes of s at i as a little-endian integer.
func Load32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}
