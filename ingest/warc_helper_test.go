package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// warcRec is one record of a test WARC file.
type warcRec struct {
	typ     gowarc.RecordType
	uri     string
	date    time.Time
	status  string // "200 OK"; "" for records that are not HTTP responses
	ctype   string // HTTP Content-Type
	body    string
	id      string
	payload string // raw block, for non-HTTP records
}

// buildWARC writes recs as a WARC file, each record gzipped on its own
// when gz is set (as Common Crawl does), and returns it with the offset
// at which each record starts.
func buildWARC(t testing.TB, gz bool, recs ...warcRec) ([]byte, []int) {
	t.Helper()
	var out bytes.Buffer
	var offsets []int
	m := gowarc.NewMarshaler()
	for i, rec := range recs {
		b := gowarc.NewRecordBuilder(rec.typ, gowarc.WithAddMissingDigest(true))
		id := rec.id
		if id == "" {
			id = fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, id)
		b.AddWarcHeaderTime(gowarc.WarcDate, rec.date)
		if rec.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, rec.uri)
		}
		switch {
		case rec.status != "":
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
			fmt.Fprintf(b, "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", rec.status, rec.ctype, len(rec.body), rec.body)
		case rec.typ == gowarc.Request:
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
			fmt.Fprintf(b, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")
		case rec.typ == gowarc.Warcinfo:
			b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
			b.WriteString("software: rasid-test\r\nformat: WARC File Format 1.1\r\n")
		default:
			b.AddWarcHeader(gowarc.ContentType, "text/plain")
			b.WriteString(rec.payload)
		}
		wr, _, err := b.Build()
		if err != nil {
			t.Fatalf("building record %d: %v", i, err)
		}
		offsets = append(offsets, out.Len())
		if gz {
			zw := gzip.NewWriter(&out)
			if _, _, err := m.Marshal(zw, wr, 0); err != nil {
				t.Fatal(err)
			}
			zw.Close()
		} else if _, _, err := m.Marshal(&out, wr, 0); err != nil {
			t.Fatal(err)
		}
		wr.Close()
	}
	return out.Bytes(), offsets
}
