package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestScratchCorpus(t *testing.T) {
	if os.Getenv("CORP") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../shared/corpus/antcorpus/*/*.txt")
	r := New()
	counts := map[string]int{}
	n := 0
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := string(b)
		tm := between(s, "<TIME>", "</TIME>")
		txt := between(s, "<TEXT>", "</TEXT>")
		pub, _ := time.Parse(time.RFC3339, strings.TrimSpace(tm))
		for _, e := range r.Find(txt, pub) {
			n++
			counts[e.Kind+"\t"+e.Text]++
			if os.Getenv("CTX") != "" && strings.Contains(e.Kind, os.Getenv("CTX")) {
				a, z := max(0, e.Start-60), min(len(txt), e.End+60)
				for a > 0 && !isStart(txt[a]) { a-- }
				for z < len(txt) && !isStart(txt[z]) { z++ }
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
	fmt.Println(len(files), "files", n, "exprs")
}

func isStart(b byte) bool { return b < 0x80 || b >= 0xC0 }

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	j := strings.Index(s, b)
	if j < 0 {
		return s
	}
	return s[:j]
}
