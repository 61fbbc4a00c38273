package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

func TestScratchDev(t *testing.T) {
	if os.Getenv("DEV") == "" {
		t.Skip()
	}
	f, _ := os.Open("../../shared/eval/dev.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	r := New()
	for sc.Scan() {
		var it struct {
			ID, Published, Text string
			Events            []struct{ Code, Date string }
		}
		json.Unmarshal(sc.Bytes(), &it)
		pub, _ := time.Parse("2006-01-02", it.Published)
		fmt.Printf("== %s pub %s %s\n", it.ID, it.Published, pub.Weekday())
		for _, e := range r.Find(it.Text, pub) {
			fmt.Printf("   %v\n", e)
		}
		fmt.Print("   gold:")
		for _, e := range it.Events {
			fmt.Printf(" %s@%s", e.Code, e.Date)
		}
		fmt.Println()
	}
}
