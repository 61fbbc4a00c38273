package corpus

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeZip(t *testing.T, path, member, body string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create(member)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(body)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSaudiNewsNet(t *testing.T) {
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "a.zip"), "a.json",
		`[{"content":"استقبل الوزير"},{"content":"نظيره"}]`)
	writeZip(t, filepath.Join(dir, "b.zip"), "b.json", `[{"content":"زار"}]`)

	tests := []struct {
		limit int
		want  []string
	}{
		{1 << 20, []string{"استقبل الوزير", "نظيره", "زار"}},
		{len("استقبل الوزير") + len("نظيره"), []string{"استقبل الوزير", "نظيره"}},
		{3, nil},
	}
	for _, tc := range tests {
		got, err := SaudiNewsNet(dir, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("limit %d: got %q, want %q", tc.limit, got, tc.want)
		}
	}
}

func TestSaudiNewsNetErrors(t *testing.T) {
	empty, err := SaudiNewsNet(t.TempDir(), 100)
	if err != nil || len(empty) != 0 {
		t.Errorf("empty dir: got %q, %v; want nothing", empty, err)
	}
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "bad.zip"), "bad.json", `{not json`)
	if _, err := SaudiNewsNet(dir, 100); err == nil {
		t.Error("malformed JSON: want an error naming the file")
	}
}
