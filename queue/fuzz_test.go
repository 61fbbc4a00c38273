package queue_test

import (
	"bytes"
	"errors"
	"testing"

	"rasid/queue"
)

// FuzzDecode: whatever a message holds, Decode returns a document a
// worker can store or an error wrapping ErrBadMessage, and what it
// accepts encodes back to a message that decodes the same.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"id":"k-1","published":"2025-03-06T00:00:00Z","text":"استقبل وزير الخارجية نظيره","source":"وكالة","url":"https://example.org/1"}`,
		`{"id":"k-2","published":"2025-03-06T10:30:00+03:00","text":"نص","lang":"ar","extra":[1,2]}`,
		`{"id":"","published":"2025-03-06T00:00:00Z","text":"نص"}`,
		`{"id":"k-3","published":"not a date","text":"نص"}`,
		`{"id":7,"text":"نص"}`,
		`{"id":"k-4","text":"نص"`,
		`null`, `[]`, ``, "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := queue.Decode(data)
		if err != nil {
			if !errors.Is(err, queue.ErrBadMessage) {
				t.Fatalf("Decode error %v does not wrap ErrBadMessage", err)
			}
			return
		}
		if doc.ID == "" || doc.Text == "" || doc.Published.IsZero() {
			t.Fatalf("Decode accepted an incomplete document %+v", doc)
		}
		enc, err := queue.Encode(doc)
		if err != nil {
			t.Fatalf("Encode of a decoded document: %v", err)
		}
		again, err := queue.Decode(enc)
		if err != nil {
			t.Fatalf("Decode of an encoded document: %v", err)
		}
		enc2, _ := queue.Encode(again)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the document:\n%s\n%s", enc, enc2)
		}
	})
}
