package store

import "time"

// SplitMonths splits the days [lo, hi] (YYYY-MM-DD, "" for unbounded, not
// both "") into the whole months m1..m2 (YYYY-MM, "" when there are none)
// and the day ranges d1 before and d2 after them ({"", ""} when empty), so
// that a backend sums a per-month rollup for the months and a per-day one
// for the days at either end.
func SplitMonths(lo, hi string) (m1, m2 string, d1, d2 [2]string) {
	const far = "9999-12-31"
	if hi == "" {
		hi = far
	}
	first := "0001-01"
	if lo != "" {
		first = lo[:7]
		if lo[8:] != "01" {
			first = nextMonth(first)
		}
	}
	last := hi[:7]
	if hi != far {
		if end, _ := LastDay(last); hi != end {
			last = prevMonth(last)
		}
	}
	if first > last { // no whole month: days only
		return "", "", [2]string{max(lo, "0001-01-01"), hi}, [2]string{}
	}
	m1, m2 = first, last
	if lo != "" && lo < first+"-01" {
		end, _ := LastDay(lo[:7])
		d1 = [2]string{lo, end}
	}
	if end, _ := LastDay(last); hi != far && hi > end {
		d2 = [2]string{hi[:7] + "-01", hi}
	}
	return m1, m2, d1, d2
}

func nextMonth(m string) string {
	t, _ := time.Parse("2006-01", m)
	return t.AddDate(0, 1, 0).Format("2006-01")
}

func prevMonth(m string) string {
	t, _ := time.Parse("2006-01", m)
	return t.AddDate(0, -1, 0).Format("2006-01")
}
