package ingest

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzUnquote checks unquote against json.Unmarshal on every string
// json.Marshal or a fuzzer makes that json.Unmarshal accepts.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{
		`""`, `"abc"`, `"مرحبا"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u0041\u00e9\u0645"`,
		`"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`, `"\ude00\ud83d"`, `"\ud83d\u0041"`,
		`"\ud83d\ud83d\ude00"`, "\"\xff\xfe\"", "\"a\xc3\"", "\"\xed\xa0\x80\"",
		`"<\u003c&\u0026>"`, `"\uFFFD\uffff"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		raw = bytes.TrimSpace(raw) // as jsonString does
		var want string
		if json.Unmarshal(raw, &want) != nil || len(raw) == 0 || raw[0] != '"' {
			return
		}
		got, ok := unquote(raw)
		if !ok {
			t.Fatalf("unquote(%q) failed, json.Unmarshal gave %q", raw, want)
		}
		if got != want {
			t.Fatalf("unquote(%q) = %q, json.Unmarshal gave %q", raw, got, want)
		}
	})
}

func TestUnquoteMarshalled(t *testing.T) {
	for _, s := range []string{"", "نص\nعلى سطرين\t<b>&</b>", "\x00\x1f\u2028\u2029", "😀 ok", "\xff bad"} {
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var want string
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if got, ok := unquote(raw); !ok || got != want {
			t.Errorf("unquote(%s) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}

// FuzzScanObject checks that scanObject reads only what json.Unmarshal
// reads, and reads it the same.
func FuzzScanObject(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { } `, `{"id":"a","text":"نص","published":"2015-07-21"}`, `{"id":12,"x":-0.5e+3,"y":true,"z":false,"w":null}`,
		`{"a":1,"a":2}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":1e}`, `{"a":tru}`, `{"a":"\x01"}`, `{"a":"\q"}`,
		`{"a":"\u12"}`, `{"a":1,}`, `{"a" 1}`, `{"a":1} x`, `{"a":[1]}`, `{"a":{"b":1}}`, "{\"\xff\":1}", `{"\u0061":1}`,
		`null`, `[]`, `{"a":"b"`, "\t{\r\n\"a\"\t:\n\"b\"\r}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, ok := scanObject(line)
		if !ok {
			return
		}
		var want map[string]json.RawMessage
		if err := json.Unmarshal(line, &want); err != nil {
			t.Fatalf("scanObject(%q) read what json.Unmarshal refuses: %v", line, err)
		}
		if len(got) != len(want) {
			t.Fatalf("scanObject(%q) = %q, json.Unmarshal gave %q", line, got, want)
		}
		for k, v := range want {
			if g, ok := got[k]; !ok || !bytes.Equal(g, v) {
				t.Fatalf("scanObject(%q) = %q, json.Unmarshal gave %q", line, got, want)
			}
		}
	})
}
