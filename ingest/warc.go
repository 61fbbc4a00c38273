package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"rasid"
)

// maxWARCErrors is how many unreadable records in a row end the reading of
// a WARC file: past that it is not a WARC file with a bad record but junk.
const maxWARCErrors = 20

// warc reads a WARC file (plain, or gzipped record by record as Common
// Crawl writes them): each HTML response with status 200 is extracted like
// a web page; other records are skipped. A record that cannot be read is
// an Item error at its offset (in compressed bytes for a .warc.gz), and
// the reading goes on with the next record when there is one.
func (r *reader) warc(s src, br *bufio.Reader) error {
	cr := &countingReader{r: br}
	wf, err := gowarc.NewWarcFileReaderFromStream(cr, 0)
	if err != nil {
		return r.fail(s.name, malformed("not a WARC file: %v", err))
	}
	defer wf.Close()
	at := func(off int64) string { return fmt.Sprintf("%s@%d", s.name, off) }
	var (
		records, errs int
		end           int64 // where the last good record ends
		lastBad       = int64(-1)
	)
	for {
		rec, err := nextRecord(wf)
		if err != nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			// At the end, gowarc says io.EOF (or ErrNoRecord after junk)
			// whether the file ended cleanly or inside a record header:
			// what is left after the last good record tells.
			if err == io.EOF || errors.Is(err, gowarc.ErrNoRecord) {
				switch left := cr.n - end; {
				case left > 0 && !cr.blankTail(left): // more than stray line breaks
					if errors.Is(err, gowarc.ErrNoRecord) && records > 0 {
						return r.fail(at(end), malformed("corrupt WARC: the %d bytes after this offset are not a WARC record", left))
					}
					return r.fail(at(end), warcError(io.ErrUnexpectedEOF))
				case records == 0 && errs == 0:
					return r.fail(s.name, empty("no WARC records"))
				}
				return nil
			}
			if e := r.fail(at(rec.Offset), warcError(err)); e != nil {
				return e
			}
			errs++
			if stopAfter(err) || rec.Offset == lastBad || errs >= maxWARCErrors {
				return nil
			}
			lastBad = rec.Offset
			continue
		}
		records, errs = records+1, 0
		end = rec.Offset + rec.Size
		e := r.warcRecord(s, rec, at(rec.Offset))
		rec.Close()
		if e != nil {
			return e
		}
	}
}

// countingReader counts the bytes read through it and keeps the last few.
type countingReader struct {
	r    io.Reader
	n    int64
	tail []byte // the last bytes read, at most tailLen
}

const tailLen = 16

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if n >= tailLen {
		c.tail = append(c.tail[:0], p[n-tailLen:n]...)
	} else {
		c.tail = append(c.tail, p[:n]...)
		if len(c.tail) > tailLen {
			c.tail = c.tail[len(c.tail)-tailLen:]
		}
	}
	return n, err
}

// blankTail reports whether the last n bytes read are white space (line
// breaks after the last record).
func (c *countingReader) blankTail(n int64) bool {
	if n > int64(len(c.tail)) {
		return false
	}
	return len(bytes.TrimSpace(c.tail[int64(len(c.tail))-n:])) == 0
}

// nextRecord is wf.Next, with a panic of the parser turned into an error.
func nextRecord(wf *gowarc.WarcFileReader) (rec gowarc.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = gowarc.Record{}, fmt.Errorf("record could not be parsed (%v)", p)
		}
	}()
	return wf.Next()
}

// stopAfter reports whether err leaves nothing more to read.
func stopAfter(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, gzip.ErrChecksum)
}

func warcError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return malformed("truncated WARC record: the file ends inside it")
	}
	return malformed("corrupt WARC record: %v", err)
}

// warcRecord sends the document of one record, if it is an HTML page.
func (r *reader) warcRecord(s src, rec gowarc.Record, where string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = r.fail(where, malformed("record could not be read (%v)", p))
		}
	}()
	w := rec.WarcRecord
	if !w.WarcHeader().Has(gowarc.ContentLength) {
		return r.fail(where, malformed("corrupt WARC record: no Content-Length (truncated header?)"))
	}
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return r.fail(where, malformed("truncated WARC record: %d of its %d bytes are there", cl.Actual, cl.Expected))
		}
	}
	if w.Type() != gowarc.Response {
		return nil
	}
	blk, ok := w.Block().(gowarc.HttpResponseBlock)
	if !ok || blk.HttpStatusCode() != http.StatusOK || blk.HttpHeader() == nil {
		return nil
	}
	hdr := *blk.HttpHeader()
	ct := hdr.Get("Content-Type")
	if ct == "" {
		ct = w.WarcHeader().Get("WARC-Identified-Payload-Type")
	}
	if !isHTMLType(ct) {
		return nil
	}
	body, err := blk.PayloadBytes()
	if err != nil {
		return r.fail(where, malformed("WARC payload: %v", err))
	}
	if strings.EqualFold(hdr.Get("Transfer-Encoding"), "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	b, err := readCapped(body, r.opt.MaxBytes, "page")
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return r.fail(where, err)
		}
		return r.fail(where, malformed("WARC payload: %v", err))
	}
	if isGzip(b) { // Content-Encoding kept as sent
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err == nil {
			b, err = readCapped(zr, r.opt.MaxBytes, "page")
		}
		switch {
		case errors.Is(err, ErrTooLarge):
			return r.fail(where, err)
		case err != nil:
			return r.fail(where, malformed("gzipped payload: %v", err))
		}
	}
	uri := w.WarcHeader().GetId(gowarc.WarcTargetURI)
	pg, err := extractHTML(b, ct, uri)
	if err != nil {
		return r.fail(where, err)
	}
	d := rasid.Document{
		ID:        w.RecordId(),
		URL:       uri,
		Source:    pg.site,
		Title:     pg.title,
		Published: pg.published,
		Text:      pg.text,
	}
	if d.ID == "" {
		d.ID = where
	}
	if d.Source == "" {
		if u, err := url.Parse(uri); err == nil {
			d.Source = u.Hostname()
		}
	}
	if d.Published.IsZero() {
		if t, err := w.Date(); err == nil {
			d.Published = t
		} else {
			d.Published = r.opt.Published
		}
	}
	return r.send(Item{Where: where, Doc: d})
}

// isHTMLType reports whether a Content-Type is a web page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
