package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"rasid/coder"
)

// Item is one article of a batch: from a .txt file or a line of .jsonl.
type Item struct {
	ID        string
	Published time.Time
	Text      string
	Extra     map[string]json.RawMessage // the line's other keys, kept in the output
	Where     string                     // file:line, for errors
}

// ItemError is an input that could not be read: where, and why.
type ItemError struct {
	Where string
	Err   error
}

func (e *ItemError) Error() string { return e.Where + ": " + e.Err.Error() }
func (e *ItemError) Unwrap() error { return e.Err }

// ErrSomeFailed is returned when a batch finished but some inputs failed.
var ErrSomeFailed = errors.New("some inputs failed")

// ReadItems streams the articles of the given inputs ("-" is standard
// input; .jsonl files hold one item a line; any other file is one plain
// text article named by its file name). A bad line is reported through
// bad and the rest is read. published dates items that give none.
func ReadItems(ctx context.Context, inputs []string, stdin io.Reader, published time.Time, out chan<- Item, bad func(*ItemError)) error {
	defer close(out)
	// One line buffer for all JSONL inputs: a new 1 MB one per file costs
	// more, in allocation and collection, than reading a small one.
	br := bufio.NewReaderSize(nil, 1<<20)
	for _, in := range inputs {
		if err := readInput(ctx, in, stdin, published, br, out, bad); err != nil {
			return err
		}
	}
	return nil
}

func readInput(ctx context.Context, in string, stdin io.Reader, published time.Time, br *bufio.Reader, out chan<- Item, bad func(*ItemError)) error {
	var b []byte
	var err error
	id, name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)), in
	switch {
	case in == "-":
		id, name = "stdin", "stdin"
		br.Reset(stdin)
		if looksJSONL(br) {
			return readJSONL(ctx, br, name, published, out, bad)
		}
		b, err = io.ReadAll(br)
	case strings.HasSuffix(in, ".jsonl"):
		f, err := os.Open(in)
		if err != nil {
			bad(&ItemError{Where: in, Err: err})
			return nil
		}
		defer f.Close()
		br.Reset(f)
		return readJSONL(ctx, br, name, published, out, bad)
	default:
		// A text file is one article: read whole in one allocation of
		// its size, not through the line reader.
		b, err = os.ReadFile(in)
	}
	if err != nil {
		bad(&ItemError{Where: name, Err: err})
		return nil
	}
	select {
	case out <- Item{ID: id, Published: published, Text: string(b), Where: name}:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

func looksJSONL(br *bufio.Reader) bool {
	b, _ := br.Peek(64)
	return len(strings.TrimLeft(string(b), " \t\r\n\ufeff")) > 0 && strings.TrimLeft(string(b), " \t\r\n\ufeff")[0] == '{'
}

func readJSONL(ctx context.Context, br *bufio.Reader, name string, published time.Time, out chan<- Item, bad func(*ItemError)) error {
	var long []byte
	for n := 1; ; n++ {
		var line []byte
		var err error
		line, long, err = nextLine(br, long)
		if len(bytes.TrimSpace(line)) > 0 {
			it, perr := parseItem(line, published)
			if perr != nil {
				bad(&ItemError{Where: lineWhere(name, n), Err: perr})
			} else {
				it.Where = lineWhere(name, n)
				select {
				case out <- it:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			bad(&ItemError{Where: lineWhere(name, n), Err: err})
			return nil
		}
	}
}

// lineWhere is "file:line", without fmt's reflection on every line.
func lineWhere(name string, n int) string { return name + ":" + strconv.Itoa(n) }

// nextLine is br.ReadBytes('\n') without a new slice for every line: the
// line is in br's buffer, or in long when it outgrows that, and is valid
// until the next call (parseItem copies what it keeps).
func nextLine(br *bufio.Reader, long []byte) (line, longOut []byte, err error) {
	line, err = br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, long, err
	}
	long = append(long[:0], line...)
	for err == bufio.ErrBufferFull {
		line, err = br.ReadSlice('\n')
		long = append(long, line...)
	}
	return long, long, err
}

func parseItem(line []byte, published time.Time) (Item, error) {
	if it, ok := parseItemFast(line, published); ok {
		return it, nil
	}
	return decodeItem(line, published)
}

// decodeItem is parseItem by encoding/json: every line parseItemFast
// leaves, and the errors.
func decodeItem(line []byte, published time.Time) (Item, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return Item{}, fmt.Errorf("not a JSON object: %w", err)
	}
	var it Item
	if raw, ok := m["text"]; !ok {
		return it, errors.New(`field "text" is missing`)
	} else if err := json.Unmarshal(raw, &it.Text); err != nil {
		return it, fmt.Errorf(`field "text": %w`, err)
	}
	if raw, ok := m["id"]; ok {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			s = strings.TrimSpace(string(raw)) // a numeric id
		}
		it.ID = s
	}
	it.Published = published
	if raw, ok := m["published"]; ok {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return it, fmt.Errorf(`field "published": %w`, err)
		}
		t, err := ParseDay(s)
		if err != nil {
			return it, fmt.Errorf(`field "published": %w`, err)
		}
		it.Published = t
	}
	delete(m, "text")
	delete(m, "events")
	delete(m, "actors")
	delete(m, "id")
	it.Extra = m
	return it, nil
}

// ParseDay parses YYYY-MM-DD, or an RFC 3339 time (its day is kept).
func ParseDay(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
}

// Coded is one article's output line.
type Coded struct {
	Item   Item
	Result coder.Result
}

// CodeAll codes items on all cores and hands the results to emit in input
// order, so that output is stable whatever the scheduling.
func CodeAll(ctx context.Context, c *coder.Coder, items <-chan Item, emit func(Coded) error) error {
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		seq  int
		item Item
	}
	type done struct {
		seq int
		out Coded
	}
	jobs := make(chan job, workers*4)
	results := make(chan done, workers*4)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := c.Code(j.item.Text, j.item.Published)
				results <- done{j.seq, Coded{Item: j.item, Result: res}}
			}
		}()
	}
	go func() {
		seq := 0
		defer close(jobs)
		for it := range items {
			select {
			case jobs <- job{seq, it}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]Coded{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.seq] = r.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr == nil {
				emitErr = emit(out)
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}
