package app

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"rasid"
	"rasid/store"
)

// GDELTColumns are the columns of CSV exports: GDELT 2.0's event columns
// that rasid has, in GDELT's order, then rasid's own (PLOVER type, date
// precision, historical and symmetric flags, confidence, the article and
// the evidence sentence).
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
	"Plover", "DatePrecision", "Historical", "Symmetric", "Confidence",
	"ArticleID", "EvidenceStart", "EvidenceEnd", "EvidenceText",
}

// CSVWriter writes events as GDELT-style rows.
type CSVWriter struct {
	w *csv.Writer
}

// NewCSVWriter writes the header and returns a writer of rows.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(GDELTColumns); err != nil {
		return nil, err
	}
	return &CSVWriter{w: cw}, nil
}

// Write writes one row.
func (c *CSVWriter) Write(r store.ExportRow) error {
	e := r.Event
	day := firstDay(e.Date, r.Published)
	frac := float64(day.Year()) + float64(day.YearDay()-1)/365
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	root := "0"
	if e.Sentence <= 1 {
		root = "1" // GDELT: told in the lead
	}
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	return c.w.Write([]string{
		strconv.FormatInt(e.ID, 10), day.Format("20060102"), day.Format("200601"), day.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64),
		actorCode(e.Source, e.SourceRole), e.SourceText, countryCode(e.Source), e.SourceRole,
		actorCode(e.Target, e.TargetRole), e.TargetText, countryCode(e.Target), e.TargetRole,
		root, e.Code, base, e.Root, strconv.Itoa(e.QuadClass), f(e.Goldstein),
		strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumSources), strconv.Itoa(r.NumArticles), r.Published.Format("20060102150405"), r.URL,
		e.Plover, e.DatePrecision, strconv.FormatBool(e.Historical), strconv.FormatBool(e.Symmetric), f(e.Confidence),
		e.ArticleID, strconv.Itoa(e.Evidence.Start), strconv.Itoa(e.Evidence.End), e.Evidence.Text,
	})
}

// Flush writes what is buffered and reports the first error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// actorCode is the CAMEO actor code GDELT uses: the state or organisation
// code followed by the role (MARGOV).
func actorCode(code, role string) string { return code + role }

// countryCode is the code when it names a state (three letters).
func countryCode(code string) string {
	if len(code) == 3 && strings.ToUpper(code) == code {
		return code
	}
	return ""
}

// firstDay is the first day of an event date (YYYY, YYYY-MM or
// YYYY-MM-DD), else the publication day.
func firstDay(date string, published time.Time) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, date); err == nil {
			return t
		}
	}
	return published
}

// EventRows adapts events listed by Events to export rows (without the
// counts that only ExportEvents computes).
func EventRows(evs []rasid.Event) []store.ExportRow {
	out := make([]store.ExportRow, len(evs))
	for i, e := range evs {
		out[i] = store.ExportRow{Event: e}
	}
	return out
}

// FormatEvent is one line of the events table.
func FormatEvent(e rasid.Event) string {
	return fmt.Sprintf("%d\t%s\t%s\t%s→%s\t%s\t%.1f\t%s", e.ID, e.Date, e.Code, side(e.Source, e.SourceRole), side(e.Target, e.TargetRole), e.Plover, e.Goldstein, trimText(e.Evidence.Text, 80))
}

func side(code, role string) string {
	if code == "" {
		return "?"
	}
	if role == "" {
		return code
	}
	return code + "/" + role
}

func trimText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
