package app_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rasid/app"
)

// TestBadLinesDoNotStopABatch: a malformed JSONL line is reported with its
// file and line, and every good article is still coded, in input order.
func TestBadLinesDoNotStopABatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "batch.jsonl")
	lines := []string{
		`{"id":"one","published":"2024-02-15","text":"استقبل الملك محمد السادس، أمس الأربعاء، الرئيس الموريتاني محمد ولد الشيخ الغزواني.","source":"x"}`,
		`{"id":"two","published":"2024-02-15" "text":"broken"}`,
		`{"id":"three","published":"15/02/2024","text":"نص"}`,
		`{"id":"four","text":"ندد وزير الخارجية الأردني أيمن الصفدي بالغارة الإسرائيلية على غزة."}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := app.NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	items := make(chan app.Item)
	var bad []string
	go app.ReadItems(ctx, []string{in}, nil, time.Date(2024, 2, 15, 0, 0, 0, 0, time.UTC), items, func(e *app.ItemError) { bad = append(bad, e.Error()) })
	var ids []string
	var first map[string]any
	err = app.CodeAll(ctx, c, items, func(cd app.Coded) error {
		ids = append(ids, cd.Item.ID)
		if first == nil {
			b, _ := json.Marshal(cd)
			if err := json.Unmarshal(b, &first); err != nil {
				t.Fatal(err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != "one,four" {
		t.Errorf("coded %v, want one,four in order", ids)
	}
	if len(bad) != 2 || !strings.Contains(bad[0], "batch.jsonl:2:") || !strings.Contains(bad[1], "batch.jsonl:3:") || !strings.Contains(bad[1], "published") {
		t.Errorf("bad lines reported as %q", bad)
	}
	if first["source"] != "x" {
		t.Errorf("the item's extra key was not kept: %v", first)
	}
	evs, _ := first["events"].([]any)
	if len(evs) != 1 || evs[0].(map[string]any)["code"] != "043" {
		t.Errorf("item one: events %v, want one 043", first["events"])
	}
}

// TestReadItemsKeepsInputsApart: the reader shared by all inputs carries
// nothing from one file into the next, whatever their kinds and order.
func TestReadItemsKeepsInputsApart(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inputs := []string{
		write("one.txt", "النص الأول"),
		write("two.jsonl", `{"id":"a","text":"ألف"}`+"\n"+`{"id":"b","text":"باء"}`), // no final newline
		filepath.Join(dir, "missing.txt"),
		write("three.txt", ""),
		write("four.jsonl", `{"id":"c","text":"جيم"}`+"\n"),
		write("five.txt", "الخامس\n"),
	}
	items := make(chan app.Item, 16)
	var bad []string
	err := app.ReadItems(context.Background(), inputs, nil, time.Time{}, items, func(e *app.ItemError) { bad = append(bad, filepath.Base(e.Where)) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for it := range items {
		got = append(got, it.ID+"="+it.Text)
	}
	want := []string{"one=النص الأول", "a=ألف", "b=باء", "three=", "c=جيم", "five=الخامس\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("items %q, want %q", got, want)
	}
	if len(bad) != 1 || bad[0] != "missing.txt" {
		t.Errorf("bad inputs %q, want missing.txt", bad)
	}
}
