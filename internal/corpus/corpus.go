// Package corpus reads the shared research corpora for benchmarks and
// tests: they live beside the project in ../shared and are never copied
// into it, so every caller skips when they are absent.
package corpus

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// SaudiNewsNet returns the contents of SaudiNewsNet articles, one string
// per article, in file order, until limit bytes; dir is the corpus folder
// (its *.zip files each hold one JSON array of articles). It returns no
// articles and no error when dir holds no zip file.
func SaudiNewsNet(dir string, limit int) ([]string, error) {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, err
	}
	var out []string
	total := 0
	for _, name := range zips {
		done, err := readZip(name, limit, &total, &out)
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
	}
	return out, nil
}

func readZip(name string, limit int, total *int, out *[]string) (bool, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false, fmt.Errorf("%s: %s: %w", name, f.Name, err)
		}
		var arts []struct {
			Content string `json:"content"`
		}
		err = json.NewDecoder(rc).Decode(&arts)
		rc.Close()
		if err != nil {
			return false, fmt.Errorf("%s: %s: %w", name, f.Name, err)
		}
		for _, a := range arts {
			if *total+len(a.Content) > limit {
				return true, nil
			}
			*out = append(*out, a.Content)
			*total += len(a.Content)
		}
	}
	return false, nil
}

// SaudiNewsNetDir is the corpus folder as seen from a package folder one
// level below the repository root, where `go test` runs.
const SaudiNewsNetDir = "../../shared/corpus/saudinewsnet"

// SaudiNewsNetOrSkip loads up to limit bytes of articles from
// SaudiNewsNetDir for a test or benchmark, skipping it when the corpus is
// absent and failing it when the corpus cannot be read.
func SaudiNewsNetOrSkip(tb testing.TB, limit int) []string {
	tb.Helper()
	arts, err := SaudiNewsNet(SaudiNewsNetDir, limit)
	if err != nil {
		tb.Fatal(err)
	}
	if len(arts) == 0 {
		tb.Skip("no SaudiNewsNet corpus at", SaudiNewsNetDir)
	}
	return arts
}
