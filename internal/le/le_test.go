package le

import (
	"encoding/binary"
	"testing"
)

func TestLoad(t *testing.T) {
	s := "المغرب وروسيا"
	for i := 0; i+8 <= len(s); i++ {
		if got, want := Load64(s, i), binary.LittleEndian.Uint64([]byte(s[i:])); got != want {
			t.Fatalf("Load64(%d) = %x, want %x", i, got, want)
		}
		if got, want := Load32(s, i), uint64(binary.LittleEndian.Uint32([]byte(s[i:]))); got != want {
			t.Fatalf("Load32(%d) = %x, want %x", i, got, want)
		}
	}
}
