package timex

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestScratchSNN(t *testing.T) {
	if os.Getenv("SNN") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(os.Getenv("SNN"))
	var items []struct {
		Date_extracted, Content string
	}
	json.Unmarshal(b, &items)
	r := New()
	counts := map[string]int{}
	n := 0
	for _, it := range items {
		pub, _ := time.Parse("2006-01-02 15:04:05", it.Date_extracted)
		txt := it.Content
		for _, e := range r.Find(txt, pub) {
			n++
			counts[e.Kind+"\t"+e.Text]++
			if c := os.Getenv("CTX"); c != "" && strings.Contains(e.Kind, c) {
				a, z := max(0, e.Start-60), min(len(txt), e.End+60)
				for a > 0 && !isStart(txt[a]) {
					a--
				}
				for z < len(txt) && !isStart(txt[z]) {
					z++
				}
				fmt.Printf("%s %s | %s\n", pub.Format("2006-01-02"), e, strings.ReplaceAll(txt[a:z], "\n", " "))
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range counts {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	if os.Getenv("CTX") == "" {
		for _, x := range kvs {
			fmt.Printf("%5d %s\n", x.v, x.k)
		}
	}
	fmt.Println(len(items), "items", n, "exprs")
}
