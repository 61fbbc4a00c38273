package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// LineError is a malformed line of a data file: the file, the line and what
// is wrong with it, so a user can fix their own dictionary.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// readTSV calls fn for every non-blank, non-comment line of r, split on
// tabs and trimmed, checking the column count first.
func readTSV(r io.Reader, name string, minCols, maxCols int, fn func(line int, cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		// Trailing empty optional columns are allowed.
		for len(cols) > minCols && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		if len(cols) < minCols || len(cols) > maxCols {
			want := fmt.Sprint(minCols)
			if maxCols != minCols {
				want = fmt.Sprintf("%d to %d", minCols, maxCols)
			}
			return &LineError{name, n, fmt.Sprintf("want %s tab-separated columns, got %d", want, len(cols))}
		}
		if err := fn(n, cols); err != nil {
			return &LineError{name, n, err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func col(cols []string, i int) string {
	if i < len(cols) {
		return cols[i]
	}
	return ""
}

func parseDay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return t, nil
}
