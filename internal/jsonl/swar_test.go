package jsonl

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"

	"rasid/internal/corpus"
)

// TestPlainRunFindsEveryStop: the eight-at-a-time skip stops at the same
// byte as a byte-by-byte one, wherever the byte is and whatever surrounds it.
func TestPlainRunFindsEveryStop(t *testing.T) {
	fills := []byte{'a', 0x80, 0xd8, 0xff, 0x20, 0x7f, '!', '#', '[', ']'}
	stops := []byte{'"', '\\', 0, 0x01, 0x1f, '\n'}
	for _, fill := range fills {
		for n := 0; n <= 24; n++ {
			for at := -1; at < n; at++ {
				for _, stop := range stops {
					s := bytes.Repeat([]byte{fill}, n)
					if at >= 0 {
						s[at] = stop
					}
					for from := 0; from <= n; from++ {
						want := from
						for want < n && s[want] != '"' && s[want] != '\\' && s[want] >= ' ' {
							want++
						}
						if got := plainRun(s, from); got != want {
							t.Fatalf("plainRun(%q, %d) = %d, want %d", s, from, got, want)
						}
					}
				}
			}
		}
	}
}

// TestValidUTF8AgreesWithTheStandardLibrary on every string of up to
// three bytes drawn from the bytes that matter, each put at every offset
// of an ASCII, an Arabic and a mixed background.
func TestValidUTF8AgreesWithTheStandardLibrary(t *testing.T) {
	alphabet := []byte{'a', 0x7f, 0x80, 0xa8, 0xbf, 0xc0, 0xc1, 0xc2, 0xd8, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	backgrounds := []string{"abcdefghijklmnopqr", "مصر والأردن", "a مصر… b“c”\u200f d"}
	var pieces [][]byte
	for _, a := range alphabet {
		pieces = append(pieces, []byte{a})
		for _, b := range alphabet {
			pieces = append(pieces, []byte{a, b})
			for _, c := range alphabet {
				pieces = append(pieces, []byte{a, b, c})
			}
		}
	}
	for _, bg := range backgrounds {
		for at := 0; at <= len(bg); at++ {
			for _, p := range pieces {
				s := append(append([]byte(bg[:at]), p...), bg[at:]...)
				for _, cut := range []int{0, 1, 7} {
					if cut > len(s) {
						continue
					}
					if got, want := validUTF8(s[cut:]), utf8.Valid(s[cut:]); got != want {
						t.Fatalf("validUTF8(%q) = %v, want %v", s[cut:], got, want)
					}
				}
			}
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	f.Add([]byte("مصر والأردن\xd8"))
	f.Add([]byte("abc\xe2\x80\xa8مصر\xc0\x80"))
	f.Fuzz(func(t *testing.T, s []byte) {
		if got, want := validUTF8(s), utf8.Valid(s); got != want {
			t.Errorf("validUTF8(%q) = %v, want %v", s, got, want)
		}
	})
}

// BenchmarkValidUTF8 checks 4 MB of SaudiNewsNet with validUTF8 and, as the
// baseline in the same run (the machine's speed drifts), utf8.Valid: MB/s
// of each and ours/std.
func BenchmarkValidUTF8(b *testing.B) {
	texts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
	var size int64
	bs := make([][]byte, len(texts))
	for i, s := range texts {
		bs[i] = []byte(s)
		size += int64(len(s))
	}
	var ours, std time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, s := range bs {
			if !validUTF8(s) {
				b.Fatal("invalid")
			}
		}
		t1 := time.Now()
		for _, s := range bs {
			if !utf8.Valid(s) {
				b.Fatal("invalid")
			}
		}
		ours += t1.Sub(t0)
		std += time.Since(t1)
	}
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/ours.Seconds(), "ours-MB/s")
	b.ReportMetric(mb/std.Seconds(), "std-MB/s")
	b.ReportMetric(std.Seconds()/ours.Seconds(), "ours/std")
}
