package store

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rasid"
)

// MaxIDLength is the longest article id a store accepts, in bytes.
const MaxIDLength = 512

var (
	rootRe = regexp.MustCompile(`^[0-9]{2}$`)
	codeRe = regexp.MustCompile(`^[0-9]{2,4}$`)
	dateRe = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)
)

// Validate reports, as an EINVALID *Error, the first thing wrong with a:
// no id, an event or mention that fails its own Validate, a quad class
// outside 0-4, or a span outside the text.
func (a *Article) Validate() error {
	switch {
	case a.ID == "":
		return Errorf(EINVALID, "article: no id")
	case len(a.ID) > MaxIDLength:
		return Errorf(EINVALID, "article %.40q…: id longer than %d bytes", a.ID, MaxIDLength)
	case !utf8.ValidString(a.ID):
		return Errorf(EINVALID, "article %q: id is not UTF-8", a.ID)
	}
	for i, e := range a.Events {
		if err := e.Validate(); err != nil {
			return Errorf(EINVALID, "article %q: event %d: %v", a.ID, i, err)
		}
		if e.QuadClass < 0 || e.QuadClass > 4 {
			return Errorf(EINVALID, "article %q: event %d: quad class %d is not 0-4", a.ID, i, e.QuadClass)
		}
		if e.DatePrecision != "" && e.DatePrecision != rasid.PrecisionDay &&
			e.DatePrecision != rasid.PrecisionMonth && e.DatePrecision != rasid.PrecisionYear {
			return Errorf(EINVALID, "article %q: event %d: date precision %q", a.ID, i, e.DatePrecision)
		}
		if e.Date != "" {
			if _, err := FirstDay(e.Date); err != nil {
				return Errorf(EINVALID, "article %q: event %d: %s", a.ID, i, ErrorMessage(err))
			}
		}
		if e.Evidence.End > len(a.Text) {
			return Errorf(EINVALID, "article %q: event %d: evidence [%d,%d) beyond the text (%d bytes)",
				a.ID, i, e.Evidence.Start, e.Evidence.End, len(a.Text))
		}
	}
	for i, m := range a.Mentions {
		if err := m.Validate(); err != nil {
			return Errorf(EINVALID, "article %q: mention %d: %v", a.ID, i, err)
		}
		if m.End > len(a.Text) {
			return Errorf(EINVALID, "article %q: mention %d: [%d,%d) beyond the text (%d bytes)",
				a.ID, i, m.Start, m.End, len(a.Text))
		}
	}
	return nil
}

// Validate reports, as an EINVALID *Error, the first malformed field of
// f: a root that is not two digits, a code that is not 2-4 digits, a
// quad class outside 0-4, a date that is not a real YYYY[-MM[-DD]], From
// after To, a limit < 0 or > MaxLimit, or a cursor this package did not
// make.
func (f EventFilter) Validate() error {
	if f.Root != "" && !rootRe.MatchString(f.Root) {
		return Errorf(EINVALID, "root %q is not two digits", f.Root)
	}
	if f.Code != "" && !codeRe.MatchString(f.Code) {
		return Errorf(EINVALID, "code %q is not a CAMEO code", f.Code)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return Errorf(EINVALID, "quad class %d is not 1-4", f.QuadClass)
	}
	if _, _, err := DayRange(f.From, f.To); err != nil {
		return err
	}
	if f.Limit < 0 || f.Limit > MaxLimit {
		return Errorf(EINVALID, "limit %d is not 0-%d", f.Limit, MaxLimit)
	}
	if _, err := ParseCursor(f.Cursor); err != nil {
		return err
	}
	return nil
}

// PageSize is f.Limit, or DefaultLimit when it is 0.
func (f EventFilter) PageSize() int {
	if f.Limit == 0 {
		return DefaultLimit
	}
	return f.Limit
}

// FirstDay returns the first day of a YYYY, YYYY-MM or YYYY-MM-DD date as
// YYYY-MM-DD. Returns EINVALID for anything else, or a day that does not
// exist (2025-02-30).
func FirstDay(date string) (string, error) {
	t, _, err := parseDate(date)
	if err != nil {
		return "", err
	}
	return t.Format(time.DateOnly), nil
}

// LastDay returns the last day of a YYYY, YYYY-MM or YYYY-MM-DD date as
// YYYY-MM-DD (2024-02 → 2024-02-29). Returns EINVALID as FirstDay.
func LastDay(date string) (string, error) {
	t, n, err := parseDate(date)
	if err != nil {
		return "", err
	}
	switch n {
	case 1:
		t = t.AddDate(1, 0, -1)
	case 2:
		t = t.AddDate(0, 1, -1)
	}
	return t.Format(time.DateOnly), nil
}

// DayRange returns the first day of from and the last day of to ("" for
// an empty one). Returns EINVALID for a malformed date or from after to.
func DayRange(from, to string) (lo, hi string, err error) {
	if from != "" {
		if lo, err = FirstDay(from); err != nil {
			return "", "", Errorf(EINVALID, "from: %s", ErrorMessage(err))
		}
	}
	if to != "" {
		if hi, err = LastDay(to); err != nil {
			return "", "", Errorf(EINVALID, "to: %s", ErrorMessage(err))
		}
	}
	if lo != "" && hi != "" && lo > hi {
		return "", "", Errorf(EINVALID, "from %s is after to %s", from, to)
	}
	return lo, hi, nil
}

// EventDay is the day an event is filed under: the first day of its date,
// or its article's publication day when it has none, or "" when neither
// is known. date must have passed FirstDay.
func EventDay(date string, published time.Time) string {
	if date != "" {
		if d, err := FirstDay(date); err == nil {
			return d
		}
		return ""
	}
	if published.IsZero() {
		return ""
	}
	return published.Format(time.DateOnly)
}

// parseDate parses YYYY[-MM[-DD]] and says how many parts it had.
func parseDate(date string) (time.Time, int, error) {
	m := dateRe.FindStringSubmatch(date)
	if m == nil {
		return time.Time{}, 0, Errorf(EINVALID, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", date)
	}
	y, _ := strconv.Atoi(m[1])
	mo, d, n := 1, 1, 1
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
		n = 2
	}
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
		n = 3
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y == 0 || t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, 0, Errorf(EINVALID, "date %q does not exist", date)
	}
	return t, n, nil
}

// Cursor is the position after which the next page of Events starts: the
// day and id of the last event of the previous page. Its String form is
// opaque to callers.
type Cursor struct {
	Day string
	ID  int64
}

const cursorPrefix = "c1|"

// String encodes c; "" for the zero Cursor.
func (c Cursor) String() string {
	if c == (Cursor{}) {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + c.Day + "|" + strconv.FormatInt(c.ID, 10)))
}

// ParseCursor decodes a Cursor.String; "" is the zero Cursor (the first
// page). Returns EINVALID for anything else.
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	bad := Errorf(EINVALID, "cursor %.40q is not valid", s)
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, bad
	}
	rest, ok := strings.CutPrefix(string(b), cursorPrefix)
	if !ok {
		return Cursor{}, bad
	}
	day, idText, ok := strings.Cut(rest, "|")
	if !ok {
		return Cursor{}, bad
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return Cursor{}, bad
	}
	if day != "" {
		if d, err := FirstDay(day); err != nil || d != day {
			return Cursor{}, bad
		}
	}
	return Cursor{Day: day, ID: id}, nil
}

// PeriodStart returns the first day of the period of interval that holds
// day (YYYY-MM-DD): the day itself, the Monday of its ISO week, or the
// first of its month.
func PeriodStart(day, interval string) (string, error) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", Errorf(EINVALID, "day %q is not YYYY-MM-DD", day)
	}
	return periodStart(t, interval).Format(time.DateOnly), nil
}

func periodStart(t time.Time, interval string) time.Time {
	switch interval {
	case IntervalWeek:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case IntervalMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func nextPeriod(t time.Time, interval string) time.Time {
	switch interval {
	case IntervalWeek:
		return t.AddDate(0, 0, 7)
	case IntervalMonth:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// CheckInterval returns the interval "" stands for (month), or EINVALID
// for one that is not day, week or month.
func CheckInterval(interval string) (string, error) {
	switch interval {
	case "":
		return IntervalMonth, nil
	case IntervalDay, IntervalWeek, IntervalMonth:
		return interval, nil
	}
	return "", Errorf(EINVALID, "interval %q is not day, week or month", interval)
}

// DayCount is the aggregate of one day of a dyad, from which a backend
// builds a timeline with Timeline.
type DayCount struct {
	Day       string // YYYY-MM-DD
	Events    int
	Goldstein float64
	Quad      [4]int
}

// Timeline sums days (in any order) into the periods of interval, and
// fills the periods without events between lo (or the first day) and hi
// (or the last day); lo and hi are YYYY-MM-DD or "". Returns EINVALID for
// more than MaxTimelinePoints periods.
func Timeline(days []DayCount, interval, lo, hi string) ([]TimelinePoint, error) {
	if len(days) == 0 && (lo == "" || hi == "") {
		return []TimelinePoint{}, nil
	}
	sums := make(map[string]*TimelinePoint)
	first, last := lo, hi
	for _, d := range days {
		p, err := PeriodStart(d.Day, interval)
		if err != nil {
			return nil, err
		}
		tp := sums[p]
		if tp == nil {
			tp = &TimelinePoint{Period: p}
			sums[p] = tp
		}
		tp.Events += d.Events
		tp.Goldstein += d.Goldstein
		for i := range tp.Quad {
			tp.Quad[i] += d.Quad[i]
		}
		if lo == "" && (first == "" || d.Day < first) {
			first = d.Day
		}
		if hi == "" && d.Day > last {
			last = d.Day
		}
	}
	start, err := time.Parse(time.DateOnly, first)
	if err != nil {
		return nil, Errorf(EINVALID, "day %q is not YYYY-MM-DD", first)
	}
	end, err := time.Parse(time.DateOnly, last)
	if err != nil {
		return nil, Errorf(EINVALID, "day %q is not YYYY-MM-DD", last)
	}
	start = periodStart(start, interval)
	var n int
	switch interval {
	case IntervalDay:
		n = int(end.Sub(start).Hours()/24) + 1
	case IntervalWeek:
		n = int(end.Sub(start).Hours()/24)/7 + 1
	default:
		n = (end.Year()-start.Year())*12 + int(end.Month()) - int(start.Month()) + 1
	}
	if n > MaxTimelinePoints {
		return nil, Errorf(EINVALID, "%d periods of a %s are too many (at most %d)", n, interval, MaxTimelinePoints)
	}
	out := make([]TimelinePoint, 0, max(n, 0))
	for t := start; !t.After(end); t = nextPeriod(t, interval) {
		p := t.Format(time.DateOnly)
		if tp := sums[p]; tp != nil {
			out = append(out, *tp)
		} else {
			out = append(out, TimelinePoint{Period: p})
		}
	}
	return out, nil
}
