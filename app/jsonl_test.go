package app

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"rasid/internal/corpus"
)

// jsonlSeeds are lines parseItemFast must read as encoding/json does, or
// leave to it.
var jsonlSeeds = []string{
	`{"id":"a","published":"2024-02-15","text":"استقبل الملك"}` + "\n",
	`{"id": "JA-1.txt", "published": "2017-01-20", "text": "سطر\nو\"اقتباس\" \\ \/ \b\f\r\t \u001a \u00e9 \u0627"}` + "\r\n",
	`  {"text":"x","id":12,"source":"y","n":-1.5e+3,"ok":true,"no":false,"z":null}  `,
	`{"text":"x","id":null}`,
	`{"text":"x","id":true}`,
	`{"text":"x","id":0.5}`,
	`{"text":"x","id":-0}`,
	`{"text":"x","id":01}`,
	`{"text":"x","id":1.}`,
	`{"text":"x","id":1e}`,
	`{"text":"x","id":-}`,
	`{"text":"x","published":"2024-02-15T10:00:00+03:00"}`,
	`{"text":"x","published":"15/02/2024"}`,
	`{"text":"x","published":null}`,
	`{"text":"x","published":3}`,
	`{"text":null}`,
	`{"text":3}`,
	`{"id":"a"}`,
	`{}`,
	``,
	`null`,
	`[1]`,
	`{"text":"x",}`,
	`{"text":"x"`,
	`{"text":"x"} x`,
	`{"text":"x"}{}`,
	`{"text":"x" "id":"y"}`,
	`{"text" "x"}`,
	`{text:"x"}`,
	`{"text":"a","text":"b","id":"1","id":"2"}`,
	`{"text":"a","text":3}`,
	`{"te\u0078t":"a"}`,
	`{"text":"a","events":[{"code":"043"}],"actors":[]}`,
	`{"text":"a","events":null,"actors":"x"}`,
	`{"text":"a","meta":{"k":[1,2]}}`,
	`{"text":"\ud83d\ude00 \ud83d x \ude00"}`,
	`{"text":"\u12"}`,
	`{"text":"\uzzzz"}`,
	`{"text":"\'"}`,
	`{"text":"\x"}`,
	"{\"text\":\"tab\there\"}",
	"{\"text\":\"bad \xff utf8\"}",
	"{\"bad\xfe\":\"k\",\"text\":\"t\"}",
	"{\"text\":\"<&> \u2028\"}",
	"\ufeff{\"text\":\"bom\"}",
	`{"text":"x","published":"2024-02-15","published":"2023-01-01"}`,
	`{"text":"x","":"empty key"}`,
	`{"text":"x","id":"\u0000"}`,
	`{"text":"x\\"}`,
	`{"text":"x\`,
	`{"text":"x","n":1E5,"m":-0.0e-0}`,
}

// TestParseItemFastAgreesWithEncodingJSON: whatever parseItemFast accepts,
// decodeItem reads into the same item.
func TestParseItemFastAgreesWithEncodingJSON(t *testing.T) {
	fast := 0
	for _, line := range jsonlSeeds {
		if checkParseItemFast(t, line) {
			fast++
		}
	}
	if fast < 15 {
		t.Errorf("only %d of %d lines took the fast way", fast, len(jsonlSeeds))
	}
}

func FuzzParseItemFast(f *testing.F) {
	for _, line := range jsonlSeeds {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) { checkParseItemFast(t, line) })
}

func checkParseItemFast(t *testing.T, line string) bool {
	t.Helper()
	day := time.Date(2024, 2, 15, 0, 0, 0, 0, time.UTC)
	got, ok := parseItemFast([]byte(line), day)
	if !ok {
		return false
	}
	want, err := decodeItem([]byte(line), day)
	if err != nil {
		t.Errorf("%q: fast read it, encoding/json says %v", line, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\nfast %#v\njson %#v", line, got, want)
	}
	return true
}

// TestReadJSONLLinesLongerThanTheBuffer: a line that outgrows the reader's
// buffer is read whole, and so are the short ones after it.
func TestReadJSONLLinesLongerThanTheBuffer(t *testing.T) {
	long := strings.Repeat("نص طويل ", 20)
	in := `{"id":"1","text":"` + long + `"}` + "\n\n" + `{"id":"2","text":"قصير"}` + "\n" + `{"id":"3","text":"` + long + `"}`
	out := make(chan Item, 8)
	var bad []string
	err := readJSONL(context.Background(), bufio.NewReaderSize(strings.NewReader(in), 16), "in", time.Time{}, out, func(e *ItemError) { bad = append(bad, e.Error()) })
	close(out)
	if err != nil || bad != nil {
		t.Fatal(err, bad)
	}
	var got []string
	for it := range out {
		got = append(got, it.ID+"="+it.Text+"@"+it.Where)
	}
	want := []string{"1=" + long + "@in:1", "2=قصير@in:3", "3=" + long + "@in:4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkParseItem reads 4 MB of SaudiNewsNet as JSONL lines with
// parseItem and, as the baseline in the same run, with decodeItem
// (encoding/json): MB/s of each and fast/json, the speed-up.
func BenchmarkParseItem(b *testing.B) {
	texts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
	var lines [][]byte
	var size int64
	for i, text := range texts {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("snn-%06d", i), "published": "2015-07-21", "text": text})
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, append(line, '\n'))
		size += int64(len(line) + 1)
	}
	versus(b, size, "fast", func() {
		for _, l := range lines {
			if _, err := parseItem(l, time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
	}, "json", func() {
		for _, l := range lines {
			if _, err := decodeItem(l, time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// versus runs two ways of one job over size bytes in turn on each b.Loop
// pass, the second the baseline measured in the same run, and reports
// the MB/s of each and how many times faster the first is.
func versus(b *testing.B, size int64, name string, run func(), baseName string, base func()) {
	var d, bd time.Duration
	for b.Loop() {
		t0 := time.Now()
		run()
		t1 := time.Now()
		base()
		d += t1.Sub(t0)
		bd += time.Since(t1)
	}
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/d.Seconds(), name+"-MB/s")
	b.ReportMetric(mb/bd.Seconds(), baseName+"-MB/s")
	b.ReportMetric(bd.Seconds()/d.Seconds(), name+"/"+baseName)
}
