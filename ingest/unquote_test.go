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
