package cameo

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestDefaultRoots(t *testing.T) {
	b := Default()
	roots := b.Roots()
	if len(roots) != 20 {
		t.Fatalf("Roots() has %d entries, want 20", len(roots))
	}
	for i, r := range roots {
		want := fmt.Sprintf("%02d", i+1)
		if r.Code != want || r.Root != want {
			t.Errorf("Roots()[%d] = %q (root %q), want %q", i, r.Code, r.Root, want)
		}
		if r.QuadClass != quadOf(want) {
			t.Errorf("root %s: quad class %d, want %d", want, r.QuadClass, quadOf(want))
		}
		// The root with a zero ("040") is CAMEO's "not specified below"
		// code and must resolve, to an entry of the same root.
		c, ok := b.Lookup(want + "0")
		if !ok || c.Root != want {
			t.Errorf("Lookup(%q) = %+v, %v; want an entry of root %s", want+"0", c, ok, want)
		}
	}
}

func TestLookup(t *testing.T) {
	b := Default()
	tests := []struct {
		in        string
		code      string // Code of the entry returned
		root      string
		goldstein float64
		quad      int
		plover    string
		mode      string
	}{
		// Discuss by telephone: the canonical call.
		{"041", "041", "04", 1.0, 1, "CONSULT", "phone"},
		// A root alone.
		{"04", "04", "04", 1.0, 1, "CONSULT", ""},
		// Root with a zero: "Consult, not specified below".
		{"040", "040", "04", 1.0, 1, "CONSULT", ""},
		// 130 carries its own weight, unlike the root 13 (-6.0).
		{"130", "130", "13", -4.4, 3, "THREATEN", ""},
		// Employ aerial weapons: material conflict.
		{"195", "195", "19", -10, 4, "ASSAULT", "heavy-weapons"},
		// Sign formal agreement.
		{"057", "057", "05", 8.0, 1, "SUPPORT", ""},
		// Arrest, detain: material conflict, PLOVER COERCE/arrest.
		{"173", "173", "17", -5.0, 4, "COERCE", "arrest"},
		// A four-digit code of its own.
		{"0874", "0874", "08", 10.0, 2, "RETREAT", "disarm"},
		{"0211", "0211", "02", 3.4, 1, "REQUEST", "assist"},
		// Unknown four-digit code: falls back to its parent 041.
		{"0419", "041", "04", 1.0, 1, "CONSULT", "phone"},
		// Unknown four-digit code below a "root with a zero" code.
		{"1009", "100", "10", -5.0, 3, "REQUEST", ""},
		// Surrounding space is ignored.
		{" 111 ", "111", "11", -2.0, 3, "ACCUSE", "disapprove"},
		// Make public statement: PLOVER has no category for 01.
		{"010", "010", "01", 0.0, 1, "", ""},
		// Quad classes at the root boundaries.
		{"061", "061", "06", 6.4, 2, "COOPERATE", ""},
		{"091", "091", "09", -2.0, 3, "ACCUSE", "investigate"},
		{"141", "141", "14", -6.5, 4, "PROTEST", "demo"},
		{"202", "202", "20", -10, 4, "ASSAULT", "massacre"},
	}
	for _, tt := range tests {
		c, ok := b.Lookup(tt.in)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.in)
			continue
		}
		if c.Code != tt.code || c.Root != tt.root || c.Goldstein != tt.goldstein ||
			c.QuadClass != tt.quad || c.Plover != tt.plover || c.PloverMode != tt.mode {
			t.Errorf("Lookup(%q) = %+v; want code %s root %s goldstein %v quad %d plover %s/%s",
				tt.in, c, tt.code, tt.root, tt.goldstein, tt.quad, tt.plover, tt.mode)
		}
		if c.Name == "" {
			t.Errorf("Lookup(%q): empty name", tt.in)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	b := Default()
	for _, in := range []string{"", "4", "00", "21", "049", "99", "04a", "04111", "٠٤١", "abc", "21 "} {
		if c, ok := b.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", in, c)
		}
	}
}

func TestRootOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"04", "04"}, {"040", "04"}, {"041", "04"}, {"0411", "04"},
		{"195", "19"}, {"2042", "20"}, {"20", "20"},
		{"", ""}, {"0", ""}, {"00", ""}, {"21", ""}, {"211", ""}, {"04111", ""}, {"x41", ""},
	}
	for _, tt := range tests {
		if got := RootOf(tt.in); got != tt.want {
			t.Errorf("RootOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAllOrderAndConsistency(t *testing.T) {
	all := Default().All()
	if len(all) != 311 {
		t.Errorf("All() has %d codes, want 311 (CAMEO 1.1b3)", len(all))
	}
	for i, c := range all {
		if i > 0 && all[i-1].Code >= c.Code {
			t.Errorf("All() not in codebook order at %q after %q", c.Code, all[i-1].Code)
		}
		if c.Root != RootOf(c.Code) || c.QuadClass != quadOf(c.Root) {
			t.Errorf("%s: root %q quad %d inconsistent", c.Code, c.Root, c.QuadClass)
		}
	}
	// All and Roots return copies: changing them does not change the book.
	all[0].Name = "changed"
	if c, _ := Default().Lookup(all[0].Code); c.Name == "changed" {
		t.Error("All() shares memory with the book")
	}
	r := Default().Roots()
	r[0].Name = "changed"
	if Default().Roots()[0].Name == "changed" {
		t.Error("Roots() shares memory with the book")
	}
}

func TestLoadErrors(t *testing.T) {
	const head = "# comment\ncode\tname\tgoldstein\tquad\tplover\tplover_mode\n"
	tests := []struct {
		name, src, want string
	}{
		{"short line", head + "04\tConsult\n", "x.tsv:3: want 4 to 6 tab-separated fields"},
		{"bad code", head + "4\tConsult\t1.0\t1\n", `x.tsv:3: code "4": want 2, 3 or 4 digits`},
		{"root out of range", head + "21\tNothing\t1.0\t4\n", `x.tsv:3: code "21"`},
		{"bad goldstein", head + "04\tConsult\tone\t1\n", `x.tsv:3: code "04": Goldstein weight "one"`},
		{"goldstein out of range", head + "04\tConsult\t11\t1\n", `x.tsv:3: code "04": Goldstein weight "11"`},
		{"bad quad", head + "04\tConsult\t1.0\t5\n", `x.tsv:3: code "04": quad class "5"`},
		{"quad against root", head + "04\tConsult\t1.0\t2\n", `x.tsv:3: code "04": quad class 2, but root 04 is quad class 1`},
		{"lower-case plover", head + "04\tConsult\t1.0\t1\tconsult\n", `x.tsv:3: code "04": PLOVER type "consult"`},
		{"mode without type", head + "04\tConsult\t1.0\t1\t\tphone\n", `x.tsv:3: code "04": PLOVER mode "phone" without a PLOVER type`},
		{"empty name", head + "04\t\t1.0\t1\n", `x.tsv:3: code "04": empty name`},
		{"duplicate", head + "04\tConsult\t1.0\t1\n04\tConsult\t1.0\t1\n", `x.tsv:4: code "04": duplicate (first on line 3)`},
		{"orphan", head + "04\tConsult\t1.0\t1\n0411\tDeep\t1.0\t1\n", `x.tsv:4: code "0411": parent "041" is not defined`},
		{"empty", head, "x.tsv: no codes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.src), "x.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Load: error %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestLoadTolerates(t *testing.T) {
	// A BOM, CRLF line ends, no header, blank lines and trimmed trailing
	// empty fields are all accepted.
	src := "\uFEFF04\tConsult\t1.0\t1\tCONSULT\t\r\n\r\n041\tDiscuss by telephone\t1.0\t1\r\n"
	b, err := Load(strings.NewReader(src), "y.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := b.Lookup("041"); !ok || c.Plover != "" || c.Name != "Discuss by telephone" {
		t.Errorf("Lookup(041) = %+v, %v", c, ok)
	}
	if c, ok := b.Lookup("040"); !ok || c.Code != "04" {
		t.Errorf("Lookup(040) without a 040 row = %+v, %v; want the root 04", c, ok)
	}
	if c, ok := b.Lookup("0400"); !ok || c.Code != "04" {
		t.Errorf("Lookup(0400) = %+v, %v; want 0400 -> 040 -> 04", c, ok)
	}
	if c, ok := b.Lookup("0429"); ok {
		t.Errorf("Lookup(0429) = %+v; want not found (no 042, no fallback to the root)", c)
	}
}

func TestMustLoadPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "broken.tsv:1:") {
			t.Errorf("mustLoad on a broken file: recovered %v, want a panic naming broken.tsv:1", r)
		}
	}()
	mustLoad("04\tConsult\n", "broken.tsv")
}

func TestEmbeddedParses(t *testing.T) {
	if _, err := Load(strings.NewReader(embedded), embeddedName); err != nil {
		t.Fatal(err)
	}
}

// TestAgainstReference checks the embedded table against the reference
// facts in ../shared/ref, when they are there.
func TestAgainstReference(t *testing.T) {
	b := Default()
	t.Run("goldstein", func(t *testing.T) {
		f, err := os.Open("../../shared/ref/CAMEO.goldsteinscale.txt")
		if err != nil {
			t.Skip("reference not available:", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Scan() // header
		n := 0
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) != 2 {
				continue
			}
			w, err := strconv.ParseFloat(fs[1], 64)
			if err != nil {
				t.Fatalf("reference line %q: %v", sc.Text(), err)
			}
			c, ok := b.byCode[fs[0]]
			if !ok {
				t.Errorf("code %s missing", fs[0])
				continue
			}
			if c.Goldstein != w {
				t.Errorf("code %s: Goldstein %v, reference %v", fs[0], c.Goldstein, w)
			}
			n++
		}
		if n != len(b.all) {
			t.Errorf("reference has %d codes, book %d", n, len(b.all))
		}
	})
	t.Run("plover", func(t *testing.T) {
		data, err := os.ReadFile("../../shared/ref/CAMEO2PLOVER-2021.txt")
		if err != nil {
			t.Skip("reference not available:", err)
		}
		seen := map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			line, _, _ = strings.Cut(line, "#")
			code, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok || seen[code] {
				continue
			}
			seen[code] = true
			fs := strings.Split(rest, ",")
			typ := strings.TrimSpace(fs[0])
			mode := ""
			if len(fs) > 1 {
				mode = strings.TrimSpace(fs[1])
			}
			c, ok := b.byCode[code]
			if !ok {
				continue // 1213, 1214: PLOVER's, not CAMEO 1.1b3's
			}
			if c.Plover != typ || c.PloverMode != mode {
				t.Errorf("code %s: PLOVER %s/%s, reference %s/%s", code, c.Plover, c.PloverMode, typ, mode)
			}
		}
	})
}
