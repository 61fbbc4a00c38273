package timex

import (
	"strings"
	"testing"
	"time"
)

func TestScratchAdv(t *testing.T) {
	r := New()
	for _, unit := range []string{"1 و ", "1-", "الحادي و", "عام 2016 و", "يوم ", "، الأحد", "2025/", "4 من ", "أول من "} {
		text := strings.Repeat(unit, 20000)
		st := time.Now()
		n := len(r.Find(text, day(thursday)))
		t.Logf("%q x20000: %d exprs in %v", unit, n, time.Since(st))
	}
}
