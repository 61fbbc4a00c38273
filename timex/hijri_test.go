package timex

import (
	"testing"
	"time"
)

func TestHijriToGregorianTabular(t *testing.T) {
	// The arithmetic calendar's own answers (exact).
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"},    // the epoch, 16 July 622 Julian = 19 July proleptic Gregorian
		{1446, 9, 1, "2025-03-01"}, // 1 Ramadan 1446
		{1446, 10, 1, "2025-03-31"},
		{1445, 12, 9, "2024-06-16"},
		{1447, 1, 1, "2025-06-27"},  // Umm al-Qura: 2025-06-26
		{1446, 13, 1, "2025-06-27"}, // month 13 carries over to 1 Muharram 1447
		{1446, 9, 0, "2025-02-28"},  // day 0 is the last day of the month before
	}
	for _, tt := range tests {
		if got := HijriToGregorian(tt.y, tt.m, tt.d).Format("2006-01-02"); got != tt.want {
			t.Errorf("HijriToGregorian(%d, %d, %d) = %s, want %s", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestHijriAgainstUmmAlQura(t *testing.T) {
	// Month starts and days by the Umm al-Qura calendar (as announced in
	// Saudi Arabia); the tabular calendar must stay within two days.
	tests := []struct {
		y, m, d int
		uq      string
	}{
		{1420, 1, 1, "1999-04-17"},
		{1430, 1, 1, "2008-12-29"},
		{1436, 9, 1, "2015-06-18"},
		{1438, 9, 1, "2017-05-27"},
		{1440, 1, 1, "2018-09-11"},
		{1440, 9, 1, "2019-05-06"},
		{1444, 1, 1, "2022-07-30"},
		{1444, 9, 1, "2023-03-23"},
		{1445, 1, 12, "2023-07-30"},
		{1445, 2, 29, "2023-09-14"},
		{1445, 9, 1, "2024-03-11"},
		{1445, 10, 1, "2024-04-10"},
		{1445, 12, 9, "2024-06-15"},
		{1446, 1, 1, "2024-07-07"},
		{1446, 9, 1, "2025-03-01"},
		{1446, 10, 1, "2025-03-30"},
		{1446, 12, 10, "2025-06-06"},
		{1447, 1, 1, "2025-06-26"},
	}
	for _, tt := range tests {
		got := HijriToGregorian(tt.y, tt.m, tt.d)
		want := day(tt.uq)
		if diff := got.Sub(want); diff > 48*time.Hour || diff < -48*time.Hour {
			t.Errorf("HijriToGregorian(%d, %d, %d) = %s, Umm al-Qura %s: more than two days apart",
				tt.y, tt.m, tt.d, got.Format("2006-01-02"), tt.uq)
		}
	}
}

func TestGregorianToHijriRoundTrip(t *testing.T) {
	start := day("1900-01-01")
	for d := 0; d < 365*201; d += 1 {
		g := start.AddDate(0, 0, d)
		y, m, dd := GregorianToHijri(g)
		if m < 1 || m > 12 || dd < 1 || dd > 30 {
			t.Fatalf("GregorianToHijri(%s) = %d-%d-%d", g.Format("2006-01-02"), y, m, dd)
		}
		if back := HijriToGregorian(y, m, dd); !back.Equal(g) {
			t.Fatalf("round trip %s -> %d-%d-%d -> %s", g.Format("2006-01-02"), y, m, dd, back.Format("2006-01-02"))
		}
	}
	// Month lengths: odd months 30 days, even 29, the twelfth 30 in leap years.
	for y := 1440; y <= 1450; y++ {
		for m := 1; m <= 12; m++ {
			n := int(HijriToGregorian(y, m+1, 1).Sub(HijriToGregorian(y, m, 1)).Hours() / 24)
			want := 30 - (m+1)%2
			if m == 12 && (11*y+14)%30 < 11 {
				want = 30
			}
			if n != want {
				t.Errorf("%d/%d has %d days, want %d", y, m, n, want)
			}
		}
	}
}

func TestGregorianToHijriLocation(t *testing.T) {
	// The day is taken in t's location.
	loc := time.FixedZone("Mecca", 3*3600)
	y, m, d := GregorianToHijri(time.Date(2025, 3, 1, 1, 0, 0, 0, loc))
	if y != 1446 || m != 9 || d != 1 {
		t.Errorf("GregorianToHijri(2025-03-01 01:00 +03) = %d-%d-%d, want 1446-9-1", y, m, d)
	}
}
