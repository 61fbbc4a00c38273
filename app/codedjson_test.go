package app

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/coder"
	"rasid/internal/corpus"
)

// encodeBoth returns what CodedEncoder and encoding/json write for c.
func encodeBoth(t testing.TB, c Coded) (got, want string) {
	t.Helper()
	var g, w bytes.Buffer
	if err := NewCodedEncoder(&g).Encode(c); err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		t.Fatal(err)
	}
	return g.String(), w.String()
}

var trickyStrings = []string{
	"", "a", "مصر", `quote " and \ backslash / slash`, "<b>&amp;</b>",
	"\x00\x01\x07\b\t\n\v\f\r\x1b\x1f\x7f", "line\u2028para\u2029end",
	"bad \xff\xfe utf8 \xd8", "\xe2\x80", "\xe2\x80\xa8\xe2", "emoji 😀 \U0010FFFF",
	"\ufffd", "\u00e9\u0627\u200f",
}

// fill gives every field of a struct a value that is not zero, so that a
// field added to rasid.Event or rasid.Mention shows up here as a mismatch
// until the hand encoder writes it too.
func fill(t *testing.T, v reflect.Value, seed int) {
	t.Helper()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		seed++
		switch f.Kind() {
		case reflect.String:
			f.SetString(trickyStrings[seed%len(trickyStrings)] + "x")
		case reflect.Int, reflect.Int64:
			f.SetInt(int64(seed*7919 - 3))
		case reflect.Float64:
			floats := []float64{-6.5, 0.9, 1e-7, 1e21, 123456789.125, -2.5e-300, math.MaxFloat64, 5e-324, 1e20, 0.000001}
			f.SetFloat(floats[seed%len(floats)])
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Struct:
			fill(t, f, seed)
		default:
			t.Fatalf("fill: field %s of kind %s: teach fill and the hand encoder", v.Type().Field(i).Name, f.Kind())
		}
	}
}

func TestCodedEncoderWritesWhatEncodingJSONWrites(t *testing.T) {
	var cases []Coded
	for seed := range 12 {
		var ev rasid.Event
		fill(t, reflect.ValueOf(&ev).Elem(), seed)
		var m rasid.Mention
		fill(t, reflect.ValueOf(&m).Elem(), seed)
		cases = append(cases, Coded{
			Item:   Item{ID: trickyStrings[seed%len(trickyStrings)], Extra: map[string]json.RawMessage{"published": json.RawMessage(`"2024-02-15"`)}},
			Result: resultOf([]rasid.Event{ev, {}, ev}, []rasid.Mention{m, {}}),
		})
	}
	extras := map[string]json.RawMessage{
		"":          json.RawMessage(`1`),
		"a":         json.RawMessage(`"<x>&"`),
		"b":         json.RawMessage("\"line\u2028\""),
		"c":         json.RawMessage(`{ "k" : [1, 2,	"a b"] }`),
		"d":         nil,
		"e":         json.RawMessage(`-1.5e+3`),
		"f":         json.RawMessage(`null`),
		"id":        json.RawMessage(`"shadowed"`),
		"events":    json.RawMessage(`[]`),
		"zz<&>":     json.RawMessage(`true`),
		"ID":        json.RawMessage(`"upper"`),
		"actorz":    json.RawMessage(`"between"`),
		"\u2028key": json.RawMessage(`false`),
		"bad\xffk":  json.RawMessage(`0`),
	}
	cases = append(cases,
		Coded{},
		Coded{Item: Item{ID: "x", Extra: map[string]json.RawMessage{}}, Result: resultOf([]rasid.Event{}, []rasid.Mention{})},
		Coded{Item: Item{ID: "x", Extra: extras}, Result: resultOf(nil, []rasid.Mention{{Text: "م"}})},
	)
	for i, c := range cases {
		got, want := encodeBoth(t, c)
		if got != want {
			t.Errorf("case %d:\n got %s\nwant %s", i, got, want)
		}
		b, err := json.Marshal(c)
		if err != nil || string(b)+"\n" != want {
			t.Errorf("case %d: json.Marshal gives %s (%v)", i, b, err)
		}
	}
}

// TestCodedEncoderRefusesWhatEncodingJSONRefuses: a NaN is encoding/json's
// error, and nothing is written.
func TestCodedEncoderRefusesWhatEncodingJSONRefuses(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		c := Coded{Item: Item{ID: "x"}, Result: resultOf([]rasid.Event{{Confidence: f}}, nil)}
		var g, w bytes.Buffer
		gerr := NewCodedEncoder(&g).Encode(c)
		enc := json.NewEncoder(&w)
		enc.SetEscapeHTML(false)
		werr := enc.Encode(c)
		if gerr == nil || werr == nil || gerr.Error() != werr.Error() || g.Len() != 0 {
			t.Errorf("%v: got %v and %q, encoding/json %v", f, gerr, g.String(), werr)
		}
	}
}

// TestCodedEncoderOnCodedArticles compares the two encoders on what the
// coder makes of real articles.
func TestCodedEncoderOnCodedArticles(t *testing.T) {
	texts := corpus.SaudiNewsNetOrSkip(t, 1<<20)
	c, _, err := NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	events := 0
	for i, text := range texts {
		cd := Coded{Item: Item{ID: text[:min(len(text), 9)], Extra: map[string]json.RawMessage{"published": json.RawMessage(`"2015-07-21"`)}}, Result: c.Code(text, day)}
		events += len(cd.Result.Events)
		if got, want := encodeBoth(t, cd); got != want {
			t.Fatalf("article %d:\n got %s\nwant %s", i, got, want)
		}
	}
	if events == 0 {
		t.Error("no events: nothing compared")
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, -0.5, 1e-7, 1e21, 1e-6, 999999999999999999999, 5e-324, math.MaxFloat64, -6.5} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if !finite(x) {
			return
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, x); string(got) != string(want) {
			t.Errorf("%v: got %s, want %s", x, got, want)
		}
	})
}

func resultOf(evs []rasid.Event, ms []rasid.Mention) coder.Result {
	return coder.Result{Events: evs, Actors: ms}
}

// BenchmarkCodedEncoder writes the coded lines of 2 MB of SaudiNewsNet with
// CodedEncoder and, as the baseline in the same run, with encoding/json as
// `rasid code` did: MB/s of output of each and hand/json, the speed-up.
func BenchmarkCodedEncoder(b *testing.B) {
	texts := corpus.SaudiNewsNetOrSkip(b, 2<<20)
	c, _, err := NewCoder(nil)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	var lines []Coded
	for i, text := range texts {
		lines = append(lines, Coded{
			Item:   Item{ID: strings.Repeat("x", i%20), Extra: map[string]json.RawMessage{"published": json.RawMessage(`"2015-07-21"`)}},
			Result: c.Code(text, day),
		})
	}
	var out bytes.Buffer
	hand := NewCodedEncoder(&out)
	ref := json.NewEncoder(&out)
	ref.SetEscapeHTML(false)
	encode := func(enc func(Coded) error) func() {
		return func() {
			out.Reset()
			for _, l := range lines {
				if err := enc(l); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	encode(hand.Encode)()
	size := int64(out.Len()) // the same bytes from either
	versus(b, size, "hand", encode(hand.Encode), "json", encode(func(c Coded) error { return ref.Encode(c) }))
}
