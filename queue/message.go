package queue

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"rasid"
)

// ErrBadMessage is wrapped by the errors of Decode: the bytes of a message
// are not a document this package wrote.
var ErrBadMessage = errors.New("not a rasid document")

// Encode writes a document as the body of a queue message (JSON), after
// checking that a worker can decode it.
func Encode(doc rasid.Document) ([]byte, error) {
	if err := checkDoc(doc); err != nil {
		return nil, err
	}
	return json.Marshal(doc)
}

// Decode reads the body of a queue message. The error wraps ErrBadMessage
// and says what is wrong.
func Decode(data []byte) (rasid.Document, error) {
	var doc rasid.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return rasid.Document{}, fmt.Errorf("%w: %w", ErrBadMessage, err)
	}
	if err := checkDoc(doc); err != nil {
		return rasid.Document{}, fmt.Errorf("%w: %w", ErrBadMessage, err)
	}
	return doc, nil
}

// checkDoc reports a document that a worker could not store: one without
// an id, text or publication date (which dates its events).
func checkDoc(doc rasid.Document) error {
	switch {
	case doc.ID == "":
		return errors.New("document has no id")
	case doc.Text == "":
		return fmt.Errorf("document %q has no text", doc.ID)
	case doc.Published.IsZero():
		return fmt.Errorf("document %q has no publication date", doc.ID)
	case !utf8.ValidString(doc.ID):
		return fmt.Errorf("document id %q is not UTF-8", doc.ID)
	}
	return nil
}

// maxMsgID bounds the message ids taken as they are; longer ids (URLs)
// are hashed.
const maxMsgID = 200

// MsgID is the message id (the Nats-Msg-Id header) under which a document
// is published, so that the stream stores it once however often it is
// published within the duplicate window: its id when that is short and
// printable, else "sha256:" and the hash of the id.
func MsgID(docID string) string {
	if len(docID) <= maxMsgID && printable(docID) {
		return docID
	}
	sum := sha256.Sum256([]byte(docID))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// printable reports whether s can be a header value as it is: no control
// characters (a line break would end the header).
func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return false
		}
	}
	return true
}
