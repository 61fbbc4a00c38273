package timex

import "time"

// The tabular Islamic calendar (the civil, "Friday" epoch variant with the
// leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year
// cycle): odd months have 30 days, even months 29, and the twelfth month 30
// in a leap year. It is an arithmetic approximation: the Umm al-Qura
// calendar of Saudi Arabia and sighting-based calendars may start a month a
// day or two earlier or later.

// hijriEpoch is the Julian Day Number of 1 Muharram 1 AH (16 July 622,
// Julian calendar), in the civil reckoning.
const hijriEpoch = 1948440

// unixEpochJDN is the Julian Day Number of 1970-01-01.
const unixEpochJDN = 2440588

// hijriToJDN returns the Julian Day Number of a tabular Hijri date. The
// month may be outside 1..12 and the day outside 1..30: they carry over
// arithmetically.
func hijriToJDN(year, month, day int) int {
	year += floorDiv(month-1, 12)
	month = month - 12*floorDiv(month-1, 12)
	return day + (59*(month-1)+1)/2 + (year-1)*354 + floorDiv(3+11*year, 30) + hijriEpoch - 1
}

// HijriToGregorian converts a date of the tabular Islamic calendar to the
// Gregorian calendar, returning midnight UTC of that day. Month and day
// outside their usual ranges carry over, as with time.Date.
//
// The tabular calendar may differ by a day or two from the Umm al-Qura
// calendar: 1 Ramadan 1446 is 2025-03-01 in both, but other months can
// start a day apart.
func HijriToGregorian(year, month, day int) time.Time {
	return jdnToTime(hijriToJDN(year, month, day))
}

// GregorianToHijri converts the day of t (in t's location) to the tabular
// Islamic calendar; it is the inverse of HijriToGregorian.
func GregorianToHijri(t time.Time) (year, month, day int) {
	j := timeToJDN(t)
	year = floorDiv(30*(j-hijriEpoch)+10646, 10631)
	for hijriToJDN(year+1, 1, 1) <= j {
		year++
	}
	for hijriToJDN(year, 1, 1) > j {
		year--
	}
	month = 12
	for month > 1 && hijriToJDN(year, month, 1) > j {
		month--
	}
	day = j - hijriToJDN(year, month, 1) + 1
	return year, month, day
}

// timeToJDN returns the Julian Day Number of t's calendar day.
func timeToJDN(t time.Time) int {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return int(floorDiv64(u, 86400)) + unixEpochJDN
}

// jdnToTime returns midnight UTC of a Julian Day Number.
func jdnToTime(j int) time.Time {
	return time.Unix(int64(j-unixEpochJDN)*86400, 0).UTC()
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
