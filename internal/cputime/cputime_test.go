package cputime_test

import (
	"runtime"
	"testing"

	"rasid/internal/cputime"
)

func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("not measured on " + runtime.GOOS)
	}
	before := cputime.Process()
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	_ = x
	after := cputime.Process()
	if after <= before {
		t.Errorf("CPU time went from %v to %v over a busy loop", before, after)
	}
}
