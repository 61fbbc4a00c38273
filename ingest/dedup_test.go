package ingest

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"rasid"
)

func doc(id, text string) rasid.Document { return rasid.Document{ID: id, Text: text} }

// TestDedupWire: the same wire story lightly edited (another dateline, a
// sentence added at the end) is a near-duplicate of the first; a
// different story on the same topic is not.
func TestDedupWire(t *testing.T) {
	wire := string(readFile(t, "testdata/dedup/wire.txt"))
	edited := string(readFile(t, "testdata/dedup/wire_edited.txt"))
	other := string(readFile(t, "testdata/dedup/same_topic.txt"))
	t.Logf("Hamming distances: wire–edited %d, wire–same topic %d",
		bits.OnesCount64(SimHash(wire)^SimHash(edited)), bits.OnesCount64(SimHash(wire)^SimHash(other)))

	d := NewDedup(0)
	for _, c := range []struct {
		id, text string
		dupOf    string
		exact    bool
	}{
		{"wire", wire, "", false},
		{"edited", edited, "wire", false},
		{"other", other, "", false},
		// The same text with harakat, another hamza spelling, other line
		// breaks and Arabic-Indic digits: the same normalised text.
		{"respelled", respell(wire), "wire", true},
		{"again", other, "other", true},
		{"edited again", edited, "wire", false}, // duplicates are not remembered
	} {
		dupOf, exact, ok := d.Check(doc(c.id, c.text))
		if dupOf != c.dupOf || exact != c.exact || ok != (c.dupOf != "") {
			t.Errorf("%s: Check = %q, %v, %v; want %q, %v", c.id, dupOf, exact, ok, c.dupOf, c.exact)
		}
	}
}

// respell writes text as another outlet might: a fatha here, a bare alef
// for a hamzated one, digits in Arabic-Indic, paragraphs joined.
func respell(s string) string {
	return strings.NewReplacer("أجرى", "اجرى", "وزير", "وَزير", "\n\n", "\n", "  ", " ", "3", "٣").Replace(s)
}

func TestContentHash(t *testing.T) {
	base := "أعلنت الحكومة، يوم الإثنين، عن خطة جديدة بقيمة 3 مليارات."
	for _, c := range []struct {
		text string
		same bool
	}{
		{base, true},
		{"  أعلنت  الحكومة،\nيوم الإثنين،\tعن خطة جديدة بقيمة 3 مليارات.  ", true}, // white space
		{"أَعْلَنَت الحكومة، يوم الإثنين، عن خطة جديدة بقيمة 3 مليارات.", true},    // harakat
		{"اعلنت الحكومة، يوم الاثنين، عن خطة جديدة بقيمة ٣ مليارات.", true},        // hamza, digits
		{"أعلنت الحكومـــة، يوم الإثنين، عن خطة جديدة بقيمة 3 مليارات.", true},     // tatweel
		{"أعلنت الحكومة، يوم الإثنين، عن خطة جديدة بقيمة 4 مليارات.", false},
		{"أعلنت الحكومة يوم الإثنين عن خطة جديدة بقيمة 3 مليارات", false}, // punctuation counts
	} {
		if got := ContentHash(c.text) == ContentHash(base); got != c.same {
			t.Errorf("ContentHash(%q) same as base: %v, want %v", c.text, got, c.same)
		}
	}
	// The store keeps these hashes: they must not change between versions.
	if got, want := ContentHash("  مرحبا   بالعالم \n"), ContentHash("مرحبا بالعالم"); got != want {
		t.Errorf("white space changes the hash")
	}
	if got := ContentHash(""); got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("ContentHash(\"\") = %s, want the SHA-256 of nothing", got)
	}
}

func TestSimHash(t *testing.T) {
	wire := string(readFile(t, "testdata/dedup/wire.txt"))
	// Stored by the store: a change of the algorithm must be deliberate
	// (and the stored hashes recomputed).
	if got, want := SimHash(wire), uint64(0x04c0_247b_6ca2_2d14); got != want {
		t.Errorf("SimHash(wire.txt) = %#x, want %#x", got, want)
	}
	for _, c := range []struct {
		name string
		a, b string
		max  int // the most bits they may differ in; -1: must differ by more than 10
	}{
		{"numbers do not count", "زار الرئيس المدينة يوم 3 مارس 2025 والتقى المسؤولين المحليين هناك", "زار الرئيس المدينة يوم 14 مارس 2024 والتقى المسؤولين المحليين هناك", 0},
		{"punctuation does not count", "قال الوزير: إن المفاوضات ستستمر، وإن الحل قريب.", "قال الوزير إن المفاوضات ستستمر وإن الحل قريب", 0},
		{"harakat do not count", "قال الوزير إن المفاوضات ستستمر", "قَالَ الوَزِيرُ إِنَّ المُفَاوَضَاتِ سَتَسْتَمِرُّ", 0},
		{"different texts", "قال الوزير إن المفاوضات ستستمر", "هطلت أمطار غزيرة على العاصمة", -1},
	} {
		d := bits.OnesCount64(SimHash(c.a) ^ SimHash(c.b))
		if c.max >= 0 && d > c.max || c.max < 0 && d <= 10 {
			t.Errorf("%s: distance %d", c.name, d)
		}
	}
	if SimHash("") != 0 || SimHash("2025 - 3.5 %") != 0 {
		t.Error("a text without words does not hash to 0")
	}
	if SimHash("Reuters reported the talks") == 0 || SimHash("كلمة") == 0 {
		t.Error("a text with words hashes to 0")
	}
}

// TestDedupIndex checks the banded index against brute force: every
// stored hash within the threshold is found, none beyond it.
func TestDedupIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, threshold := range []int{-1, 0, 1, 3, 4, 7, 8, 11, 15} {
		d := NewDedup(threshold)
		var stored []uint64
		for i := range 3000 {
			sim := rng.Uint64() | 1
			if i%3 == 1 && len(stored) > 0 { // near an earlier one
				sim = stored[rng.IntN(len(stored))]
				for range rng.IntN(20) {
					sim ^= 1 << rng.IntN(64)
				}
			}
			want, wantDist := -1, d.threshold+1
			for j, s := range stored {
				if dist := bits.OnesCount64(s ^ sim); dist < wantDist {
					want, wantDist = j, dist
				}
			}
			dupOf, exact, ok := d.CheckHashes(itoa(len(stored)), "h"+itoa(i), sim)
			if exact || ok != (want >= 0) || ok && dupOf != itoa(want) {
				t.Fatalf("threshold %d: CheckHashes = %q, %v, %v; want %d at distance %d", threshold, dupOf, exact, ok, want, wantDist)
			}
			if !ok {
				stored = append(stored, sim)
			}
		}
	}
}

func TestNewDedup(t *testing.T) {
	for _, c := range []struct{ threshold, want, bands, width, radius int }{
		{0, DefaultThreshold, 5, 13, 1}, {-1, -1, 0, 0, 0}, {1, 1, 4, 16, 0}, {3, 3, 4, 16, 0},
		{4, 4, 4, 16, 1}, {7, 7, 4, 16, 1}, {8, 8, 5, 13, 1}, {11, 11, 6, 11, 1}, {15, 15, 8, 8, 1}, {100, 15, 8, 8, 1},
	} {
		d := NewDedup(c.threshold)
		total := 0
		for _, b := range d.bands {
			total += int(b.width)
		}
		if d.threshold != c.want || len(d.bands) != c.bands || d.radius != c.radius || c.bands > 0 && (int(d.bands[0].width) != c.width || total != 64) {
			t.Errorf("NewDedup(%d): threshold %d, %d bands, radius %d, %d bits in all", c.threshold, d.threshold, len(d.bands), d.radius, total)
		}
	}
	// Exact duplicates only.
	d := NewDedup(-1)
	d.Check(doc("a", "قال الوزير إن المفاوضات ستستمر حتى التوصل إلى اتفاق"))
	if _, _, ok := d.Check(doc("b", "قال الوزير إن المفاوضات ستستمر حتى التوصل إلى اتفاق نهائي")); ok {
		t.Error("NewDedup(-1) finds near-duplicates")
	}
	if dup, exact, ok := d.Check(doc("c", "قال الوزير إن المفاوضات ستستمر حتى التوصل إلى اتفاق")); dup != "a" || !exact || !ok {
		t.Error("NewDedup(-1) misses an exact duplicate")
	}
}
