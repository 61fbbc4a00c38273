package store_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/store"
)

func TestErrorCode(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code string
		msg  string
	}{
		{nil, "", ""},
		{store.Errorf(store.ENOTFOUND, "article %q not found", "x"), store.ENOTFOUND, `article "x" not found`},
		{fmt.Errorf("sqlite: %w", store.Errorf(store.EINVALID, "bad")), store.EINVALID, "bad"},
		{errors.New("disk I/O error"), store.EINTERNAL, "internal error"},
	} {
		if got := store.ErrorCode(tc.err); got != tc.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tc.err, got, tc.code)
		}
		if got := store.ErrorMessage(tc.err); got != tc.msg {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tc.err, got, tc.msg)
		}
	}
}

func TestDays(t *testing.T) {
	for _, tc := range []struct {
		date, first, last string
	}{
		{"2016", "2016-01-01", "2016-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2025-02", "2025-02-01", "2025-02-28"},
		{"2025-03-04", "2025-03-04", "2025-03-04"},
		{"2025-12", "2025-12-01", "2025-12-31"},
	} {
		first, err := store.FirstDay(tc.date)
		if err != nil || first != tc.first {
			t.Errorf("FirstDay(%q) = %q, %v; want %q", tc.date, first, err, tc.first)
		}
		last, err := store.LastDay(tc.date)
		if err != nil || last != tc.last {
			t.Errorf("LastDay(%q) = %q, %v; want %q", tc.date, last, err, tc.last)
		}
	}
	for _, bad := range []string{"", "25", "2025-3", "2025-13", "2025-02-29", "2025-04-31", "0000", "2025/03/04", "2025-03-04T10:00", " 2025"} {
		if _, err := store.FirstDay(bad); store.ErrorCode(err) != store.EINVALID {
			t.Errorf("FirstDay(%q) = %v, want EINVALID", bad, err)
		}
	}
	lo, hi, err := store.DayRange("2025-03", "2025-03")
	if err != nil || lo != "2025-03-01" || hi != "2025-03-31" {
		t.Errorf("DayRange(2025-03, 2025-03) = %q, %q, %v", lo, hi, err)
	}
	if _, _, err := store.DayRange("2025-03-02", "2025-03-01"); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("DayRange(backwards) = %v, want EINVALID", err)
	}
	pub := time.Date(2025, 1, 20, 23, 30, 0, 0, time.FixedZone("+03", 3*3600))
	for _, tc := range []struct {
		date string
		pub  time.Time
		want string
	}{
		{"2016", pub, "2016-01-01"},
		{"", pub, "2025-01-20"}, // the publication's own day, not UTC's
		{"", time.Time{}, ""},
	} {
		if got := store.EventDay(tc.date, tc.pub); got != tc.want {
			t.Errorf("EventDay(%q, %v) = %q, want %q", tc.date, tc.pub, got, tc.want)
		}
	}
}

func TestCursor(t *testing.T) {
	for _, c := range []store.Cursor{{Day: "2025-03-04", ID: 42}, {Day: "", ID: 1}, {Day: "2016-01-01", ID: 1 << 50}} {
		got, err := store.ParseCursor(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCursor(%q) = %+v, %v; want %+v", c.String(), got, err, c)
		}
	}
	if c, err := store.ParseCursor(""); err != nil || c != (store.Cursor{}) {
		t.Errorf(`ParseCursor("") = %+v, %v`, c, err)
	}
	if (store.Cursor{}).String() != "" {
		t.Error("the zero Cursor is not empty")
	}
	good := store.Cursor{Day: "2025-03-04", ID: 42}.String()
	for _, bad := range []string{"x", good + "x", good + "==", "YzF8MjAyNS0wMy0wNHww", "YzF8MjAyNS0xMy0wNHw0Mg"} {
		if _, err := store.ParseCursor(bad); store.ErrorCode(err) != store.EINVALID {
			t.Errorf("ParseCursor(%q) = %v, want EINVALID", bad, err)
		}
	}
}

func TestTimeline(t *testing.T) {
	days := []store.DayCount{
		{Day: "2025-03-04", Events: 2, Goldstein: 4.4, Quad: [4]int{2, 0, 0, 0}},
		{Day: "2025-03-09", Events: 1, Goldstein: -2, Quad: [4]int{0, 0, 1, 0}}, // a Sunday
		{Day: "2025-03-10", Events: 1, Goldstein: 1, Quad: [4]int{0, 1, 0, 0}},
		{Day: "2025-01-31", Events: 1, Goldstein: 3, Quad: [4]int{1, 0, 0, 0}},
	}
	for _, tc := range []struct {
		interval, lo, hi string
		want             []string // period:events
	}{
		{"day", "", "", nil}, // checked by length below
		{"week", "", "", []string{"2025-01-27:1", "2025-02-03:0", "2025-02-10:0", "2025-02-17:0", "2025-02-24:0", "2025-03-03:3", "2025-03-10:1"}},
		{"month", "", "", []string{"2025-01-01:1", "2025-02-01:0", "2025-03-01:4"}},
		{"month", "2024-12-01", "2025-04-30", []string{"2024-12-01:0", "2025-01-01:1", "2025-02-01:0", "2025-03-01:4", "2025-04-01:0"}},
		{"week", "2025-03-05", "2025-03-09", []string{"2025-03-03:3"}},
	} {
		pts, err := store.Timeline(days, tc.interval, tc.lo, tc.hi)
		if err != nil {
			t.Fatalf("Timeline(%s): %v", tc.interval, err)
		}
		var got []string
		total := 0
		for _, p := range pts {
			got = append(got, fmt.Sprintf("%s:%d", p.Period, p.Events))
			total += p.Events
		}
		if tc.want == nil {
			if len(pts) != 39 || total != 5 || pts[0].Period != "2025-01-31" || pts[38].Period != "2025-03-10" {
				t.Errorf("Timeline(day) = %d points, %d events: %v", len(pts), total, got)
			}
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Timeline(%s, %q, %q) = %v, want %v", tc.interval, tc.lo, tc.hi, got, tc.want)
		}
	}
	pts, _ := store.Timeline(days, "month", "", "")
	if p := pts[2]; p.Quad != [4]int{2, 1, 1, 0} || math.Abs(p.Goldstein-3.4) > 1e-9 {
		t.Errorf("March: %+v", p)
	}
	if pts, err := store.Timeline(nil, "day", "", ""); err != nil || len(pts) != 0 {
		t.Errorf("Timeline(nil) = %v, %v", pts, err)
	}
	if _, err := store.Timeline(nil, "day", "1900-01-01", "2100-01-01"); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("Timeline over two centuries of days = %v, want EINVALID", err)
	}
}

func TestFilterValidate(t *testing.T) {
	good := []store.EventFilter{
		{},
		{Source: "MAR", Target: "RUS", Root: "04", Code: "0411", QuadClass: 4, From: "2025", To: "2025-03-04", Limit: store.MaxLimit},
		{Cursor: store.Cursor{Day: "2025-01-01", ID: 3}.String()},
	}
	for _, f := range good {
		if err := f.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
	if (store.EventFilter{}).PageSize() != store.DefaultLimit || (store.EventFilter{Limit: 5}).PageSize() != 5 {
		t.Error("PageSize")
	}
}

// analyzer stems like the Arabic one for the words these tests use.
func analyzer(text string) []string {
	var out []string
	for _, w := range store.Fields(text) {
		w = strings.TrimPrefix(w, "و")
		w = strings.TrimPrefix(w, "ال")
		w = strings.TrimSuffix(w, "ية")
		out = append(out, w)
	}
	return out
}

func TestMatchesAndSnippet(t *testing.T) {
	text := "أجرى وزير الخارجية اتصالا هاتفيا.\nوأشاد الوزيران بتقدم العلاقات المغربية الروسية، وبالشراكة بين المغرب وروسيا."
	terms := store.QueryTerms(analyzer, "مغرب المغرب روسيا")
	if !slices.Equal(terms, []string{"مغرب", "روسيا"}) {
		t.Fatalf("QueryTerms = %v", terms)
	}
	m := store.Matches(analyzer, text, terms)
	var words []string
	for _, s := range m {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("match %+v is not text[%d:%d]", s, s.Start, s.End)
		}
		words = append(words, s.Text)
	}
	if want := []string{"المغربية", "المغرب", "وروسيا"}; !slices.Equal(words, want) {
		t.Errorf("Matches = %v, want %v", words, want)
	}

	// Whole text: no cut, the line break becomes a space.
	snip, hl := store.Snippet(text, m, 1000)
	if snip != strings.ReplaceAll(text, "\n", " ") || len(hl) != 3 {
		t.Errorf("Snippet(wide) = %q, %v", snip, hl)
	}
	// Narrow: cut on word boundaries around the first match.
	snip, hl = store.Snippet(text, m, 60)
	if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") {
		t.Errorf("Snippet(60) = %q: not cut at both ends", snip)
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(snip, "…"), "…")
	if !strings.Contains(text, inner) {
		t.Errorf("Snippet(60) = %q: not from the text", snip)
	}
	if len(hl) == 0 || hl[0].Text != "المغربية" || snip[hl[0].Start:hl[0].End] != "المغربية" {
		t.Errorf("Snippet(60) highlights %+v in %q", hl, snip)
	}
	for _, w := range strings.Fields(inner) {
		if !strings.Contains(text, w) {
			t.Errorf("Snippet(60) = %q: a cut word %q", snip, w)
		}
	}
	if got := store.Mark(snip, hl, "<b>", "</b>"); !strings.Contains(got, "<b>المغربية</b>") {
		t.Errorf("Mark = %q", got)
	}
	// No match: the start of the text.
	snip, hl = store.Snippet(text, nil, 30)
	if !strings.HasPrefix(text, strings.TrimSuffix(snip, "…")) || len(hl) != 0 {
		t.Errorf("Snippet(no match) = %q, %v", snip, hl)
	}
	// The first match far beyond the width is never cut.
	long := strings.Repeat("كلمة ", 200) + "المغربية" + strings.Repeat(" كلمة", 200)
	m = store.Matches(analyzer, long, terms)
	snip, hl = store.Snippet(long, m, 40)
	if len(hl) != 1 || snip[hl[0].Start:hl[0].End] != "المغربية" {
		t.Errorf("Snippet(long) = %q, %v", snip, hl)
	}
}

func TestValidateArticle(t *testing.T) {
	text := "نص قصير"
	ok := store.Article{
		Document: rasid.Document{ID: "x", Text: text},
		Events: []rasid.Event{{Source: "MAR", Code: "041", Root: "04", Date: "2025-03", QuadClass: 1,
			Evidence: rasid.Span{Start: 0, End: len(text)}}},
		Mentions: []rasid.Mention{{Text: "نص", Code: "MAR", Start: 0, End: len("نص")}},
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("Validate(good) = %v", err)
	}
	bad := ok
	bad.Events = []rasid.Event{ok.Events[0]}
	bad.Events[0].DatePrecision = "week"
	if err := bad.Validate(); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("Validate(precision week) = %v", err)
	}
}

func TestBands(t *testing.T) {
	b := store.Bands(0x0123_4567_89AB_CDEF)
	if b != [4]uint16{0x0123, 0x4567, 0x89AB, 0xCDEF} {
		t.Errorf("Bands = %x", b)
	}
	if d := store.Distance(0, 1<<63|1); d != 2 {
		t.Errorf("Distance = %d", d)
	}
}
