// Package cameo is the CAMEO 1.1b3 event codebook: every code with its
// English name, root, Goldstein weight, quad class and PLOVER mapping.
//
// The codebook is data, not code: it is the tab-separated file
// data/cameo.tsv, embedded in the binary and parsed once by Default. Load
// reads a codebook in the same format from anywhere else (see
// data/README.md), with "name:line: what is wrong" errors.
//
// A Book is immutable after loading and safe for concurrent use.
package cameo

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Quad classes, the four-way summary of a code's root (GDELT's QuadClass).
const (
	VerbalCooperation   = 1 // roots 01-05
	MaterialCooperation = 2 // roots 06-08
	VerbalConflict      = 3 // roots 09-13
	MaterialConflict    = 4 // roots 14-20
)

// Code is one entry of the codebook.
type Code struct {
	Code       string  // "041": two digits for a root, three or four below it
	Name       string  // "Discuss by telephone"
	Root       string  // "04", the first two digits
	Goldstein  float64 // conflict-cooperation weight, -10 .. +10
	QuadClass  int     // 1..4, see VerbalCooperation .. MaterialConflict
	Plover     string  // PLOVER event type ("CONSULT"); empty where PLOVER has none
	PloverMode string  // PLOVER mode ("phone"); often empty
}

// String returns the code and its name: "041 Discuss by telephone".
func (c Code) String() string { return c.Code + " " + c.Name }

// Book is a loaded codebook. It is immutable after Load.
type Book struct {
	byCode map[string]Code
	all    []Code // sorted by code, which is codebook order
	roots  []Code
}

//go:embed data/cameo.tsv
var embedded string

const embeddedName = "cameo/data/cameo.tsv"

var defaultBook = sync.OnceValue(func() *Book {
	return mustLoad(embedded, embeddedName)
})

// Default returns the embedded CAMEO 1.1b3 codebook, parsed on first use.
// It panics only if the embedded file is broken, which the package's tests
// rule out.
func Default() *Book { return defaultBook() }

// mustLoad parses src and panics on error.
func mustLoad(src, name string) *Book {
	b, err := Load(strings.NewReader(src), name)
	if err != nil {
		panic("cameo: embedded codebook: " + err.Error())
	}
	return b
}

// Lookup returns the entry for code. It accepts roots ("04"), three-digit
// codes ("041"), the root with a zero ("040", CAMEO's "not specified below"
// code) and four-digit codes ("0411"). Surrounding spaces are ignored.
//
// An unknown four-digit code falls back to its three-digit parent, and an
// unknown "root with a zero" code falls back to the root; the entry returned
// is then the parent's, with the parent's Code. The second result is false
// when neither the code nor a parent it falls back to is in the book.
func (b *Book) Lookup(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if !isCode(code) {
		return Code{}, false
	}
	if c, ok := b.byCode[code]; ok {
		return c, true
	}
	if len(code) == 4 {
		code = code[:3]
		if c, ok := b.byCode[code]; ok {
			return c, true
		}
	}
	if len(code) == 3 && code[2] == '0' {
		if c, ok := b.byCode[code[:2]]; ok {
			return c, true
		}
	}
	return Code{}, false
}

// Roots returns the root entries ("01".."20") in order. The slice is a copy.
func (b *Book) Roots() []Code { return slices.Clone(b.roots) }

// All returns every entry in codebook order (each root followed by its
// codes: "01", "010", "011", ..., "02", "020", "021", "0211", ...). The
// slice is a copy.
func (b *Book) All() []Code { return slices.Clone(b.all) }

// RootOf returns the root of a CAMEO code: "04" for "04", "040", "041" and
// "0411". It returns "" when code is not 2 to 4 digits with a root from 01
// to 20.
func RootOf(code string) string {
	code = strings.TrimSpace(code)
	if !isCode(code) {
		return ""
	}
	return code[:2]
}

// isCode reports whether s is 2 to 4 ASCII digits whose first two make a
// root from 01 to 20.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	r := int(s[0]-'0')*10 + int(s[1]-'0')
	return r >= 1 && r <= 20
}

// quadOf returns the quad class of a root ("01".."20").
func quadOf(root string) int {
	r, _ := strconv.Atoi(root)
	switch {
	case r <= 5:
		return VerbalCooperation
	case r <= 8:
		return MaterialCooperation
	case r <= 13:
		return VerbalConflict
	default:
		return MaterialConflict
	}
}

// Load reads a codebook in the data/cameo.tsv format (see data/README.md)
// from r. name is used in error messages, which read "name:line: what is
// wrong".
func Load(r io.Reader, name string) (*Book, error) {
	b := &Book{byCode: make(map[string]Code)}
	lineOf := make(map[string]int)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	header := false
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header && len(b.byCode) == 0 && strings.TrimSpace(fields[0]) == "code" {
			header = true
			continue
		}
		c, err := parseLine(fields)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s", name, n, err)
		}
		if first, dup := lineOf[c.Code]; dup {
			return nil, fmt.Errorf("%s:%d: code %q: duplicate (first on line %d)", name, n, c.Code, first)
		}
		lineOf[c.Code] = n
		b.byCode[c.Code] = c
		b.all = append(b.all, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	if len(b.all) == 0 {
		return nil, fmt.Errorf("%s: no codes", name)
	}
	// Every code below a root needs its parent: "0411" needs "041", "041"
	// needs "04". Report the first orphan in file order.
	slices.SortFunc(b.all, func(x, y Code) int { return lineOf[x.Code] - lineOf[y.Code] })
	for _, c := range b.all {
		if len(c.Code) == 2 {
			continue
		}
		parent := c.Code[:len(c.Code)-1]
		if _, ok := b.byCode[parent]; !ok {
			return nil, fmt.Errorf("%s:%d: code %q: parent %q is not defined", name, lineOf[c.Code], c.Code, parent)
		}
	}
	slices.SortFunc(b.all, func(x, y Code) int { return strings.Compare(x.Code, y.Code) })
	for _, c := range b.all {
		if len(c.Code) == 2 {
			b.roots = append(b.roots, c)
		}
	}
	return b, nil
}

// parseLine parses the fields of one data line.
func parseLine(f []string) (Code, error) {
	if len(f) < 4 || len(f) > 6 {
		return Code{}, fmt.Errorf("want 4 to 6 tab-separated fields (code, name, goldstein, quad[, plover[, plover_mode]]), got %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	for len(f) < 6 {
		f = append(f, "")
	}
	c := Code{Code: f[0], Name: f[1], Plover: f[4], PloverMode: f[5]}
	if !isCode(c.Code) {
		return Code{}, fmt.Errorf("code %q: want 2, 3 or 4 digits with a root from 01 to 20", c.Code)
	}
	c.Root = c.Code[:2]
	if c.Name == "" {
		return Code{}, fmt.Errorf("code %q: empty name", c.Code)
	}
	g, err := strconv.ParseFloat(f[2], 64)
	if err != nil || math.IsNaN(g) || g < -10 || g > 10 {
		return Code{}, fmt.Errorf("code %q: Goldstein weight %q: want a number from -10 to 10", c.Code, f[2])
	}
	c.Goldstein = g
	q, err := strconv.Atoi(f[3])
	if err != nil || q < 1 || q > 4 {
		return Code{}, fmt.Errorf("code %q: quad class %q: want 1, 2, 3 or 4", c.Code, f[3])
	}
	if want := quadOf(c.Root); q != want {
		return Code{}, fmt.Errorf("code %q: quad class %d, but root %s is quad class %d", c.Code, q, c.Root, want)
	}
	c.QuadClass = q
	for _, r := range c.Plover {
		if (r < 'A' || r > 'Z') && r != '_' {
			return Code{}, fmt.Errorf("code %q: PLOVER type %q: want upper-case letters", c.Code, c.Plover)
		}
	}
	if c.Plover == "" && c.PloverMode != "" {
		return Code{}, fmt.Errorf("code %q: PLOVER mode %q without a PLOVER type", c.Code, c.PloverMode)
	}
	return c, nil
}
