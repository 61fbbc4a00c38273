package ingest

import (
	"errors"
	"strings"
	"time"
)

// dateLayouts are the date formats met in news sources, most common first.
// Slashed and dashed day-month-year dates are day first, as the Arabic
// press writes them (18/12/2016).
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02T150405Z0700",
	"2006-01-02T150405",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2/1/2006",
	"2/1/2006 15:04:05",
	"2/1/2006 15:04",
	"2-1-2006",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"2 January 2006",
}

var errNoDate = errors.New("not a date")

// digitFolder writes Arabic-Indic and Persian digits as ASCII digits.
var digitFolder = strings.NewReplacer(
	"٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4",
	"٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9",
	"۰", "0", "۱", "1", "۲", "2", "۳", "3", "۴", "4",
	"۵", "5", "۶", "6", "۷", "7", "۸", "8", "۹", "9",
)

// parseDate parses a date or time in one of dateLayouts. Times without a
// zone are UTC. Years before 1800 or after 2200 are refused: they are
// typing errors, not publication dates.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(digitFolder.Replace(s))
	if s == "" || len(s) > 64 {
		return time.Time{}, errNoDate
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if y := t.Year(); y < 1800 || y > 2200 {
			return time.Time{}, errNoDate
		}
		return t, nil
	}
	return time.Time{}, errNoDate
}
