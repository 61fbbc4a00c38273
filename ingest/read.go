package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"rasid"
)

// DefaultMaxBytes is the per-document cap used when Options.MaxBytes is
// zero: larger than any news article, small enough that a stray binary
// file or a whole-site dump named .txt is refused rather than loaded.
const DefaultMaxBytes = 10 << 20

// Item is one document read from a source, or a failure to read one.
type Item struct {
	Doc   rasid.Document
	Where string // "file.jsonl:12", "feed.xml#item3", "crawl.warc.gz@offset", for messages
	Err   error  // non-nil: this item could not be read; Doc is empty. The reader goes on with the next item.
}

// Options configures Read. The zero value reads local sources only, with
// the default size cap.
type Options struct {
	// Published dates documents whose source carries no date (plain text
	// files above all; also JSONL items, pages and feed items without one).
	Published time.Time
	// Fetch, when set, lets Read fetch feed URLs given as sources and the
	// articles of feed items that carry only a short summary. When nil,
	// Read makes no network access: feeds are taken from their item
	// content only. Tests use a fake.
	Fetch func(ctx context.Context, url string) (io.ReadCloser, error)
	// MaxBytes caps one document (a .txt or .html file, a JSONL line, a
	// TREC <DOC>, a WARC payload, a whole feed); larger is an Item error.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Skipped, when set, is told of what a folder walk leaves out, so that
	// a user can see why a file was not read: files whose extension Read
	// does not know (reason "unknown extension .pdf"), and hidden files
	// and folders (a folder is told once, not each file in it).
	Skipped func(path, reason string)
}

// The kinds of failure an Item's Err wraps, for callers that count or
// filter failures by reason (errors.Is). The messages of the Items
// themselves are more specific.
var (
	// ErrEmpty: there is nothing to read: an empty file, a page or item
	// without text.
	ErrEmpty = errors.New("empty file")
	// ErrNotText: the bytes are not text in an encoding Read knows (UTF-8,
	// or windows-1256 Arabic): an image, an archive, a UTF-16 file.
	ErrNotText = errors.New("not UTF-8 text (binary?)")
	// ErrTooLarge: a document is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("document too large")
	// ErrMalformed: the source is of a known kind but broken: invalid JSON,
	// a bad date, a truncated WARC, an unclosed <DOC>, a feed that does
	// not parse.
	ErrMalformed = errors.New("malformed input")
)

// reason is an error with its own message that still matches one of the
// Err* kinds with errors.Is.
type reason struct {
	msg  string
	kind error
}

func (e *reason) Error() string { return e.msg }
func (e *reason) Unwrap() error { return e.kind }

func malformed(format string, args ...any) error {
	return &reason{fmt.Sprintf(format, args...), ErrMalformed}
}

func empty(msg string) error { return &reason{msg, ErrEmpty} }

func tooLarge(what string, limit int64) error {
	return &reason{what + " larger than " + sizeString(limit), ErrTooLarge}
}

// sizeString writes n bytes the way a user reads them: 10 MB, 512 KB.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Read walks the given sources and sends Items on out (closing it at the
// end). A source is a file, a folder (recursive), "-" for stdin, or an
// http(s) URL of a feed (only when Options.Fetch is set). The kind is
// detected by extension and, where ambiguous, by sniffing content.
//
// Items come in source order, and within a folder in lexical order, so two
// runs over the same input give the same sequence. Every problem with a
// source or an item is an Item with Err set; Read itself returns only
// ctx.Err() when the context is cancelled.
func Read(ctx context.Context, sources []string, stdin io.Reader, opt Options, out chan<- Item) error {
	defer close(out)
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	r := &reader{ctx: ctx, opt: opt, out: out}
	for _, s := range sources {
		if err := r.source(s, stdin); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// reader holds the state of one call to Read. Its methods return only the
// context's error; everything else is sent as an Item.
type reader struct {
	ctx context.Context
	opt Options
	out chan<- Item
}

// send finishes it (valid UTF-8, trimmed fields, language) and sends it.
func (r *reader) send(it Item) error { return r.sendText(it, false) }

// sendText is send, told whether the text of it.Doc is valid UTF-8
// already: a JSONL string is, decoded (a long text need not be checked
// again).
func (r *reader) sendText(it Item, textValid bool) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if it.Err != nil {
		it.Doc = rasid.Document{}
	} else {
		it.Doc = finish(it.Doc, textValid)
		if it.Doc.ID == "" {
			it.Doc.ID = it.Where // a file named ".txt"
		}
	}
	select {
	case r.out <- it:
		return nil
	case <-r.ctx.Done():
		return r.ctx.Err()
	}
}

func (r *reader) fail(where string, err error) error {
	return r.send(Item{Where: where, Err: err})
}

// finish makes every field of d valid UTF-8 (the text unless textValid
// says it is), trims the short fields and sets the language.
func finish(d rasid.Document, textValid bool) rasid.Document {
	d.ID = strings.TrimSpace(validUTF8(d.ID))
	d.URL = strings.TrimSpace(validUTF8(d.URL))
	d.Source = strings.TrimSpace(validUTF8(d.Source))
	d.Title = strings.Join(strings.Fields(validUTF8(d.Title)), " ")
	if !textValid {
		d.Text = validUTF8(d.Text)
	}
	d.Lang = Language(d.Text)
	return d
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// src describes where a stream comes from.
type src struct {
	name   string // for Where: the path as given, "stdin" or the URL
	stem   string // the default ID: file name without its extensions
	folder string // the default Source: the name of the enclosing folder
	ext    string // lower-case extension, ".gz" removed once decompressed
	size   int64  // bytes on disk, or -1 when unknown
	gz     bool   // already decompressed once
}

func (r *reader) source(s string, stdin io.Reader) error {
	switch {
	case s == "-":
		if stdin == nil {
			return r.fail("stdin", errors.New("no standard input given"))
		}
		return r.stream(src{name: "stdin", stem: "stdin", size: -1}, stdin)
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return r.url(s)
	}
	st, err := os.Stat(s)
	if err != nil {
		return r.fail(s, pathError(err))
	}
	if st.IsDir() {
		return r.walk(s)
	}
	return r.file(s)
}

// pathError drops the operation and path of a *fs.PathError: Where already
// names the file.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) walk(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if e := r.fail(p, pathError(err)); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				r.skipped(p, "hidden folder")
				return fs.SkipDir
			}
			r.skipped(p, "hidden file")
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if ext := lowerExt(p); !known[strings.TrimSuffix(ext, ".gz")] {
			if ext == "" {
				r.skipped(p, "no extension")
			} else {
				r.skipped(p, "unknown extension "+ext)
			}
			return nil
		}
		return r.file(p)
	})
}

func (r *reader) skipped(path, reason string) {
	if r.opt.Skipped != nil {
		r.opt.Skipped(path, reason)
	}
}

// known lists the extensions a folder walk reads.
var known = map[string]bool{
	".txt": true, ".text": true,
	".jsonl": true, ".ndjson": true,
	".html": true, ".htm": true, ".xhtml": true,
	".xml": true, ".rss": true, ".atom": true,
	".warc": true,
}

// lowerExt returns the extension of name, lower-cased, with a final ".gz"
// kept together with the extension before it: "a.warc.gz" → ".warc.gz".
func lowerExt(name string) string {
	name = strings.ToLower(name)
	ext := filepath.Ext(name)
	if ext == ".gz" {
		if inner := filepath.Ext(strings.TrimSuffix(name, ext)); inner != "" {
			return inner + ext
		}
	}
	return ext
}

// stemOf is the file name without its extensions: "a/b.jsonl.gz" → "b".
func stemOf(name string) string {
	base := filepath.Base(name)
	ext := lowerExt(base)
	return base[:len(base)-len(ext)]
}

// file reads the file at p, following a symbolic link. A folder walk only
// comes here with regular files and links; a source named explicitly may
// also be a pipe.
func (r *reader) file(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, pathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return r.fail(p, pathError(err))
	case st.IsDir():
		return nil // a link to a folder: not followed
	case st.Mode().IsRegular() && st.Size() == 0:
		return r.fail(p, ErrEmpty)
	}
	size := st.Size()
	if !st.Mode().IsRegular() {
		size = -1 // a pipe named on the command line: <(zcat …)
	}
	return r.stream(src{name: p, stem: stemOf(p), folder: folderOf(p), ext: lowerExt(p), size: size}, f)
}

// folderOf returns the name of the folder that holds the file at p.
func folderOf(p string) string {
	dir := filepath.Dir(p)
	if base := filepath.Base(dir); base != "." && base != ".." && base != string(filepath.Separator) {
		return base
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return filepath.Base(abs)
}

func (r *reader) url(u string) error {
	if r.opt.Fetch == nil {
		return r.fail(u, errors.New("cannot read a URL: fetching is off (Options.Fetch is nil)"))
	}
	rc, err := r.opt.Fetch(r.ctx, u)
	if err != nil {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		return r.fail(u, fmt.Errorf("fetching: %w", err))
	}
	defer rc.Close()
	s := src{name: u, stem: u, size: -1}
	if pu, err := url.Parse(u); err == nil {
		s.folder = pu.Hostname()
		s.ext = lowerExt(pu.Path)
	}
	return r.stream(s, rc)
}

// The kinds of stream.
type kind int

const (
	kindText kind = iota
	kindJSONL
	kindHTML
	kindFeed
	kindWARC
	kindTREC
)

// sniffLen is how much of a stream is looked at to decide its kind.
const sniffLen = 4096

// stream decides the kind of in and reads it.
func (r *reader) stream(s src, in io.Reader) error {
	size := 64 << 10
	if s.size > 0 && s.size < int64(size) {
		size = max(int(s.size)+1, sniffLen) // most articles are a few KB
	}
	br := bufio.NewReaderSize(in, size)
	head, err := br.Peek(sniffLen)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			return r.fail(s.name, err)
		}
		return r.fail(s.name, ErrEmpty)
	}
	if isGzip(head) {
		inner := strings.TrimSuffix(s.ext, ".gz")
		if inner == ".warc" || gzipHoldsWARC(head) {
			return r.readKind(kindWARC, s, br)
		}
		if s.gz {
			return r.fail(s.name, malformed("gzip inside gzip is not read"))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(s.name, malformed("gzip: %v", err))
		}
		defer zr.Close()
		s.gz, s.ext, s.size = true, inner, -1
		return r.stream(s, zr)
	}
	k, ok := detect(s.ext, head)
	if !ok {
		return r.fail(s.name, ErrNotText)
	}
	return r.readKind(k, s, br)
}

// readKind reads a stream of a known kind.
func (r *reader) readKind(k kind, s src, br *bufio.Reader) error {
	switch k {
	case kindJSONL:
		return r.jsonl(s, br)
	case kindHTML:
		return r.htmlFile(s, br)
	case kindFeed:
		return r.feed(s, br)
	case kindWARC:
		return r.warc(s, br)
	case kindTREC:
		return r.trec(s, br)
	}
	return r.text(s, br)
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gzipHoldsWARC reports whether the gzip stream starting with head
// decompresses to a WARC record.
func gzipHoldsWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	var b [5]byte
	n, _ := io.ReadFull(zr, b[:])
	return string(b[:n]) == "WARC/"
}

// detect decides the kind of a stream from its extension and its first
// bytes. ok is false when the bytes are binary.
func detect(ext string, head []byte) (k kind, ok bool) {
	start := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if bytes.HasPrefix(start, []byte("WARC/")) {
		return kindWARC, true
	}
	if ext == ".warc" {
		return kindWARC, true // gowarc reports what is wrong with it
	}
	if looksBinary(head) {
		return 0, false
	}
	root := xmlRoot(start)
	switch {
	case strings.EqualFold(root, "doc"):
		return kindTREC, true
	case ext == ".txt" || ext == ".text":
		return kindText, true
	case ext == ".jsonl" || ext == ".ndjson":
		return kindJSONL, true
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return kindHTML, true
	case ext == ".xml" || ext == ".rss" || ext == ".atom":
		if strings.EqualFold(root, "html") || root == "!doctype" {
			return kindHTML, true
		}
		return kindFeed, true
	}
	// No extension we know (stdin, a URL, a file named explicitly): the
	// content decides.
	switch strings.ToLower(root) {
	case "rss", "feed", "rdf:rdf":
		return kindFeed, true
	case "html", "head", "body", "!doctype":
		return kindHTML, true
	}
	if len(start) > 0 && start[0] == '{' {
		return kindJSONL, true
	}
	return kindText, true
}

var bom = []byte("\ufeff")

// xmlRoot returns the name of the first element of b, past an XML
// declaration, processing instructions, comments and a doctype (whose
// name "!doctype" is returned when it says html). It returns "" when b
// does not start with markup.
func xmlRoot(b []byte) string {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) < 2 || b[0] != '<' {
			return ""
		}
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return ""
			}
			b = b[i+2:]
			continue
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return ""
			}
			b = b[i+3:]
			continue
		case len(b) >= 9 && bytes.EqualFold(b[:9], []byte("<!doctype")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				i = len(b)
			}
			if bytes.Contains(bytes.ToLower(b[:i]), []byte("html")) {
				return "!doctype"
			}
			if i == len(b) {
				return ""
			}
			b = b[i+1:]
			continue
		}
		end := 1
		for end < len(b) && b[end] != '>' && b[end] != '/' && b[end] != ' ' && b[end] != '\t' && b[end] != '\r' && b[end] != '\n' {
			end++
		}
		return string(b[1:end])
	}
}

// looksBinary reports whether head holds bytes that text does not: a NUL,
// or more than 1 in 100 control characters other than tab, newline,
// carriage return, form feed and escape.
func looksBinary(head []byte) bool {
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100 > len(head)
}

// readCapped reads all of rd, up to limit bytes; more is ErrTooLarge.
func readCapped(rd io.Reader, limit int64, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(what, limit)
	}
	return b, nil
}

// readError says what a failed read means for the user: a file cut short
// or a corrupt gzip stream is malformed input; anything else (a disk
// error) is passed on.
func readError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return malformed("the file ends too early (truncated?)")
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return malformed("corrupt gzip data: %v", err)
	}
	return fmt.Errorf("reading: %w", err)
}
