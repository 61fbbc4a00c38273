package timex

import (
	"slices"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("أمس\xff الأربعاء\x80، 4 مارس \xe2\x80 2025")
	f.Add("\u064b\u0640أمس\u200f")
	f.Add("يوم")
	f.Add("4 و")
	f.Add("الحادي و")
	f.Add("2025/03/")
	r := New()
	pub := day(thursday)
	f.Fuzz(func(t *testing.T, text string) {
		// Offsets must fall where the decoder starts a rune (invalid bytes
		// count as one-byte runes).
		starts := make(map[int]bool, len(text)+1)
		for i := 0; i < len(text); {
			starts[i] = true
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
		}
		starts[len(text)] = true
		for _, p := range []time.Time{pub, {}} {
			end := 0
			for _, e := range r.Find(text, p) {
				if e.Start < end || e.Start >= e.End || e.End > len(text) {
					t.Fatalf("bad offsets %d:%d (previous end %d, len %d) in %q", e.Start, e.End, end, len(text), text)
				}
				if !starts[e.Start] || !starts[e.End] {
					t.Fatalf("offsets %d:%d not on rune boundaries in %q", e.Start, e.End, text)
				}
				if e.Text != text[e.Start:e.End] {
					t.Fatalf("Text %q != text[%d:%d]", e.Text, e.Start, e.End)
				}
				if e.Date.String() == "" || e.Kind == "" {
					t.Fatalf("empty date or kind: %+v", e)
				}
				end = e.End
			}
			// Find's shortcuts change nothing (see TestFindThorough).
			if got, want := r.Find(text, p), r.find(text, p, true); !slices.Equal(got, want) {
				t.Fatalf("Find(%q) = %v, but the rules as written give %v", text, got, want)
			}
		}
	})
}
