package jsonl

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzUnquote checks ValueOf and Unquote against json.Unmarshal on every
// value json.Marshal or a fuzzer makes that json.Unmarshal accepts.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{
		`""`, `"abc"`, `"مرحبا"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u0041\u00e9\u0645"`,
		`"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`, `"\ude00\ud83d"`, `"\ud83d\u0041"`,
		`"\ud83d\ud83d\ude00"`, "\"\xff\xfe\"", "\"a\xc3\"", "\"\xed\xa0\x80\"",
		`"<\u003c&\u0026>"`, `"\uFFFD\uffff"`, ` "x" `, `1`, `null`, `{"a":"b"}`, `["a"]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !json.Valid(raw) {
			return
		}
		v := ValueOf(raw)
		got, ok := v.Unquote()
		var want string
		if json.Unmarshal(raw, &want) != nil || bytes.TrimSpace(raw)[0] != '"' {
			if ok {
				t.Fatalf("ValueOf(%q) is the string %q", raw, got)
			}
			return
		}
		if !ok {
			t.Fatalf("ValueOf(%q) is not a string, json.Unmarshal gave %q", raw, want)
		}
		if got != want {
			t.Fatalf("ValueOf(%q).Unquote() = %q, json.Unmarshal gave %q", raw, got, want)
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
		if got, ok := ValueOf(raw).Unquote(); !ok || got != want {
			t.Errorf("Unquote(%s) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}

// FuzzScan checks that Scan reads only what json.Unmarshal reads into a
// map, and reads it the same: the same last value of each key, and
// strings unquoted the same.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { } `, `{"id":"a","text":"نص","published":"2015-07-21"}`, `{"id":12,"x":-0.5e+3,"y":true,"z":false,"w":null}`,
		`{"a":1,"a":2}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":1e}`, `{"a":tru}`, `{"a":"\x01"}`, `{"a":"\q"}`,
		`{"a":"\u12"}`, `{"a":1,}`, `{"a" 1}`, `{"a":1} x`, `{"a":[1]}`, `{"a":{"b":1}}`, "{\"\xff\":1}", `{"\u0061":1}`,
		`null`, `[]`, `{"a":"b"`, "\t{\r\n\"a\"\t:\n\"b\"\r}\n", `{"a":"\ud83d\ude00 \ud83d x \ude00"}`,
		"{\"a\":\"bad \xff utf8\"}", `{"a":"x\\"}`, `{"a":"x\`, `{"a":"\'"}`, "\ufeff{\"a\":1}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, ok := Scan(line, nil)
		if !ok {
			return
		}
		var want map[string]json.RawMessage
		if err := json.Unmarshal(line, &want); err != nil {
			t.Fatalf("Scan(%q) read what json.Unmarshal refuses: %v", line, err)
		}
		keys := map[string]bool{}
		for _, m := range got {
			keys[string(m.Key)] = true
		}
		if len(keys) != len(want) {
			t.Fatalf("Scan(%q) has %d keys, json.Unmarshal gave %q", line, len(keys), want)
		}
		for k, raw := range want {
			v, ok := got.Get(k)
			if !ok || !bytes.Equal(v.Raw, raw) {
				t.Fatalf("Scan(%q)[%q] = %q, json.Unmarshal gave %q", line, k, v.Raw, raw)
			}
			var s string
			isStr := json.Unmarshal(raw, &s) == nil && raw[0] == '"'
			if u, ok := v.Unquote(); ok != isStr || u != s {
				t.Fatalf("Scan(%q): %s unquotes to %q, %v; json.Unmarshal gave %q, %v", line, raw, u, ok, s, isStr)
			}
		}
	})
}
