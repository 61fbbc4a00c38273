package timex

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	in := os.Getenv("TX")
	if in == "" {
		t.Skip()
	}
	pub, _ := time.Parse("2006-01-02", os.Getenv("PUB"))
	r := New()
	for _, a := range strings.Split(in, "\n") {
		fmt.Println(a)
		for _, e := range r.Find(a, pub) {
			fmt.Printf("   %v [%d:%d]\n", e, e.Start, e.End)
		}
	}
}
