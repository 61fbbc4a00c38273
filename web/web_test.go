package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// TestAssets checks that the page and everything it loads are embedded,
// that it loads nothing from elsewhere, and that the vendored libraries
// keep their licence headers.
func TestAssets(t *testing.T) {
	fsys := Assets()
	read := func(name string) string {
		t.Helper()
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	index := read("index.html")
	if !strings.Contains(index, `<html lang="ar" dir="rtl">`) {
		t.Error("index.html is not an Arabic right-to-left page")
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"#]+)"`).FindAllStringSubmatch(index, -1)
	if len(refs) < 5 {
		t.Fatalf("index.html refers to %d files", len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if strings.Contains(ref, "//") {
			t.Errorf("index.html loads %s from elsewhere", ref)
			continue
		}
		if strings.HasPrefix(ref, "api/") {
			continue // served by the API, not an asset
		}
		if _, err := fs.Stat(fsys, ref); err != nil {
			t.Errorf("index.html refers to %s, which is not embedded", ref)
		}
	}
	for _, name := range []string{"app.js", "app.css"} {
		if s := read(name); regexp.MustCompile(`https?://`).MatchString(s) {
			t.Errorf("%s names an address on another site", name)
		}
	}
	for name, header := range map[string]string{
		"vendor/echarts.min.js":   "Licensed to the Apache Software Foundation",
		"vendor/cytoscape.min.js": "Copyright (c) 2016-2024, The Cytoscape Consortium",
	} {
		if s := read(name); !strings.Contains(s[:min(len(s), 2000)], header) {
			t.Errorf("%s lost its licence header", name)
		}
	}
	for _, name := range []string{"vendor/LICENSE.echarts", "vendor/NOTICE.echarts", "vendor/LICENSE-d3.echarts", "vendor/LICENSE.cytoscape"} {
		read(name)
	}
}
