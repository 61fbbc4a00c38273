package normcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnnormalised(t *testing.T) {
	dir := t.TempDir()
	src := `package p

var list = []string{"المواليه", "الموالية"}
var table = map[string]bool{"لدي": true, "لدى": true}

func f() bool { return hasForm("إلى", "الي") || other("إلى") }

func hasForm(forms ...string) bool { return false }
func other(s string) bool         { return false }
`
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// A test file is not looked at.
	if err := os.WriteFile(filepath.Join(dir, "p_test.go"), []byte("package p\n\nvar x = []string{\"الموالية\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad, n, err := Unnormalised(dir, "hasForm")
	if err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Errorf("looked at %d words, want 6", n)
	}
	want := []string{`"الموالية"`, `"لدى"`, `"إلى"`}
	if len(bad) != len(want) {
		t.Fatalf("got %d bad words, want %d: %q", len(bad), len(want), bad)
	}
	for i, w := range want {
		if !strings.Contains(bad[i], w) || !strings.Contains(bad[i], "p.go:") {
			t.Errorf("bad[%d] = %q, want it to name p.go and %s", i, bad[i], w)
		}
	}
}
