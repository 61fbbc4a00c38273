// Package timex finds time expressions in Arabic news text and resolves them
// to dates relative to the article's publication date.
//
// Find returns every expression in order, non-overlapping, longest match
// first, each with a Date of day, month or year precision and byte offsets
// into the original text. Matching runs on a normalised copy of the text
// (أ إ آ ٱ → ا; ة → ه; ى ی → ي; diacritics U+064B–U+065F and U+0670, other
// combining marks, tatweel and bidi/format characters removed;
// Arabic-Indic and Persian digits → ASCII), but the offsets always point at
// the raw bytes, so Expr.Text is exactly what the article says ("غداً",
// "٢٠١٦", "1446هـ"). The package does its own light normalisation and
// depends on no other rasid package.
//
// # What is recognised and how it resolves
//
// "pub" is the publication day (the calendar day of the time passed to
// Find, in that time's location).
//
//   - Relative days (Kind today, yesterday, day-before-yesterday, tomorrow,
//     day-after-tomorrow): اليوم / الليلة = pub; أمس، امس، بالأمس، يوم أمس،
//     البارحة، الليلة الماضية = pub−1; أول أمس، أول من أمس، أمس الأول = pub−2;
//     غداً، غدا، يوم غد، صباح الغد = pub+1; بعد غد = pub+2. A time of day may
//     come first (مساء أمس، صباح اليوم، ليلة أمس) and a weekday after, bare
//     or in parentheses (أمس الأحد، اليوم الخميس، أمس (الأحد)): that weekday
//     confirms it, or, when it names a day one or two days earlier, decides
//     ("اليوم (الاثنين)" in a paper dated Tuesday was written on Monday
//     and filed a day later, as crawled archives often are). اليوم is not a date when
//     followed by an ordinal or a nisba adjective (اليوم الأول، اليوم
//     العالمي) or preceded by ذلك/تلك or a title (روسيا اليوم، المصري اليوم).
//   - Weekdays (Kind weekday): the latest such weekday on or before pub;
//     with الماضي/المنصرم/الفائت/السابق/الفارط the latest strictly before
//     pub; with المقبل/القادم the first strictly after pub. Because الأحد
//     also means "the one" and السبت is a name, a weekday counts only when
//     (a) it follows يوم، يومي، ليل، ليلة، مساء، صباح، فجر، ظهر، عصر، ظهيرة،
//     عشية، ضحى، نهار، أمسية، صبيحة، منتصف ليل (a proclitic و/ف/ب/ل may sit
//     on that word: "ومساء الأحد"); or
//     (b) a qualifier follows it (الأحد المقبل، السبت الماضي); or
//     (c) it stands alone as a comma-delimited phrase: preceded by "،" or
//     "," or the start of a line, and followed by "،" "," "." ":" "؛" "("
//     or the end of the line ("وقال الوزير، الثلاثاء، إن"); or
//     (d) it continues a weekday just found, with و or after و، إلى، حتى،
//     أو، - ("يومي السبت والأحد", "ليل الأحد إلى الاثنين"), and then
//     resolves to the first such weekday on or after the previous one; or
//     (e) it leads an explicit date ("الثلاثاء 4 مارس 2025"), which then
//     decides; or
//     (f) it follows a word and a clause goes on after it with في، على، إن،
//     أن، عندما، بعد، الذي … or a word in ب or ل ("تظاهرت الاثنين في"،
//     "قال مصدر الأحد إن"، "قاموا الإثنين بوقفة"), unless
//     that word makes it a prayer, a name or a number (صلاة الجمعة، بن محمد
//     الجمعة، بين الاثنين); الثلاثاء and الأربعاء, no other word, count
//     after any word. After اليوم / أمس / غدا see relative days above.
//   - Anaphoric days: اليوم التالي / الموالي / اللاحق (Kind next-day),
//     اليوم السابق (previous-day), اليوم نفسه / ذاته، نفس اليوم، ذات اليوم
//     (same-day), also after a time of day (صباح اليوم التالي). They count
//     from the occasion the article reports: the latest preceding Expr of
//     day precision that lies within 31 days of pub (so a historical "8
//     أكتوبر 2002" in between is skipped); failing that the latest preceding
//     Expr of day precision; failing that pub. العام نفسه، نفس العام (Kind
//     same-year) and الشهر نفسه، نفس الشهر (same-month) take the year or
//     month of the immediately preceding Expr (or pub's), optionally with
//     "من عام 2014" / "من السنة الماضية" after them. Because of these, a
//     caller that splits an article must still pass Find the whole text.
//   - Days ago (Kind relative-day, or relative-week/-month/-year by unit):
//     قبل/منذ يوم، يومين، ثلاثة أيام، 15 يوماً → pub−n days; أسبوع، أسبوعين،
//     N أسابيع → the month of pub−7n days; شهر، شهرين، N أشهر → the month n
//     before pub's; عام، عامين، N سنوات → the year n before pub's. Not when
//     "من" follows ("قبل يومين من الاجتماع": before another event) nor when
//     a date follows ("منذ عام 2016", "قبل شهر رمضان").
//   - Weeks, months and years relative to pub, optionally after مطلع، أوائل،
//     بداية، مستهل، منتصف، أواسط، وسط، أواخر، نهاية، آخر، ختام: الأسبوع الماضي
//     → the month of pub−7 (Kind relative-week; month precision, as GUIDE.md
//     says; الأسبوع الجاري/هذا الأسبوع → pub's month, المقبل → the month of
//     pub+7); الشهر الماضي → the previous month; الشهر الجاري/الحالي، هذا
//     الشهر → pub's month; الشهر المقبل/القادم → the next month (Kind
//     relative-month); العام الماضي، السنة الماضية → year−1; هذا العام،
//     العام الجاري → pub's year; العام المقبل → year+1; العام قبل الماضي →
//     year−2 (Kind relative-year). After a modifier a bare month or year is
//     pub's ("في مطلع الشهر بين البلدين"، "منذ مطلع العام،"), unless a
//     definite word or a number follows (مطلع الشهر الكريم، نهاية العام
//     2014); a bare week never is (عطلة نهاية الأسبوع is any weekend).
//   - Explicit Gregorian dates (Kind explicit) in the four month-name
//     systems: Egyptian/Gulf (يناير … ديسمبر, also يونية، يولية، إبريل),
//     Levantine (كانون الثاني … كانون الأول), Algerian/Tunisian (جانفي،
//     فيفري، مارس، أفريل، ماي، جوان، جويلية، أوت …) and Moroccan (… ماي،
//     يونيو، يوليوز، غشت، شتنبر، أكتوبر، نونبر، دجنبر), and doubled forms
//     "آذار/مارس", "مارس (آذار)", "شباط - فبراير", "ديسمبر كانون الأول". The
//     day is a number or an ordinal (الرابع من مارس، الحادي والعشرين من
//     أيار); several days give several Exprs ("يومي 4 و5 مارس", "من 4 إلى 6
//     مارس"). The year is written ("4 مارس 2025"، "مارس 2025"، "4 مارس
//     2025م"), relative ("4 مارس من العام الماضي"، "ماي من العام نفسه"), or
//     left out: then it is chosen so that the date is at most two months
//     after pub (pub's year, else the year before; the year after for a date
//     just past a year end). With الماضي the latest such date on or before
//     pub (a month alone: the latest such month before pub's month); with
//     المقبل/القادم the first on or after pub (a month alone: after pub's
//     month); with الجاري/الحالي pub's year. A day may also be "من الشهر
//     الجاري/الماضي"، "من هذا الشهر" or "من الشهر نفسه" (the preceding
//     Expr's month), or a day with الجاري/الحالي alone ("في 29 الحالي":
//     that day of pub's month). A month alone (month precision) needs a cue: a
//     preceding في، خلال، منذ، حتى، قبل، بعد، طيلة، طوال، إلى (or من after
//     اعتبارا/ابتداء/بدءا/انطلاقا: a bare "من مارس" is too often "whoever
//     practised"), شهر, or one of the modifiers above, or a year or
//     qualifier after it; آب (also "father") needs a day, a year or شهر.
//     Numeric dates: 2025/03/04, 2025-03-04, 04/03/2025, 04-03-2025,
//     04.03.2025 (day first when the year is last; years 1900–2100).
//   - Years (Kind year, year precision): a 4-digit year from 1900 to 2100
//     after عام/العام/سنة/السنة/عامي/سنتي/العامين or a modifier (مطلع 2016),
//     or after the prepositions في، منذ، خلال، حتى، قبل، بعد، طيلة، طوال، إلى
//     (which stay outside the span), or followed by م / ميلادي. Never a bare
//     number, nor one followed by a unit, a count or a currency ("في 2016
//     دولار", "قبل 2000 عام"). Further years joined by و، إلى، حتى، أو، -، /
//     give further Exprs ("عامي 2015 و2016").
//   - Hijri dates (Kind hijri): "15 رمضان 1446", "15 رمضان 1446هـ",
//     "الأول من شهر رمضان", "رمضان 1446 هـ" (month precision: the Gregorian
//     month holding the 15th of the Hijri month), "1446 هـ" / "عام 1446 هـ"
//     (year precision: the Gregorian year holding 1 Rajab, mid-year), and a
//     day and month without a year: the latest such day at most two months
//     after pub, or with الماضي/المقبل/الجاري as for Gregorian dates, or,
//     after الموافق, the one nearest the preceding Expr ("6 أغسطس 2012،
//     الموافق 17 رمضان"). صفر (also "zero") needs a year; "هجري شمسي" (the
//     Iranian solar calendar) is not converted. Conversion uses the tabular
//     (arithmetic) Islamic calendar, see HijriToGregorian: it may differ by
//     a day or two from the Umm al-Qura calendar that Saudi sources and the
//     gold files use.
//
// Proclitics و، ف، ب، ل، ك (and وب، ول، فب، …, with ل + ال written لل) are
// accepted on the first word of an expression and left out of its span
// ("بالأمس" gives "الأمس", "لعام 2025" gives "عام 2025"); prepositions (في،
// منذ، خلال) are not part of the span either, while the words that carry
// meaning are (يوم، مساء، قبل، عام، مطلع، شهر).
//
// When pub is the zero time, only expressions that need no publication date
// (explicit dates with a year, years, Hijri dates with a year) are found.
package timex

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says which parts of a Date are meaningful.
type Precision uint8

// Precisions. The zero Precision is not valid.
const (
	Day Precision = iota + 1
	Month
	Year
)

// String returns "day", "month" or "year".
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Date is a calendar date of day, month or year precision. Month and Day
// are 0 where the precision does not reach them.
type Date struct {
	Year, Month, Day int
	Precision        Precision
}

// String returns "2025-03-04", "2025-03" or "2025" by precision, and "" for
// the zero Date.
func (d Date) String() string {
	switch d.Precision {
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns the first day d covers, at midnight UTC.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if d.Precision != Day {
		day = 1
	}
	if d.Precision == Year {
		m = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// LastDay returns the last day d covers, at midnight UTC: the day itself,
// the last day of the month, or 31 December.
func (d Date) LastDay() time.Time {
	switch d.Precision {
	case Month:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return d.Time()
}

// DayOf returns the day of t (in t's location) as a Date of day precision.
func DayOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: int(m), Day: d, Precision: Day}
}

// ParseDate parses "2025-03-04", "2025-03" or "2025" (as in gold files).
func ParseDate(s string) (Date, error) {
	var d Date
	var err error
	switch len(s) {
	case 10:
		var t time.Time
		t, err = time.Parse("2006-01-02", s)
		d = DayOf(t)
	case 7:
		var t time.Time
		t, err = time.Parse("2006-01", s)
		d = Date{Year: t.Year(), Month: int(t.Month()), Precision: Month}
	case 4:
		var t time.Time
		t, err = time.Parse("2006", s)
		d = Date{Year: t.Year(), Precision: Year}
	default:
		return Date{}, fmt.Errorf("timex: date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if err != nil {
		return Date{}, fmt.Errorf("timex: date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	return d, nil
}

// Kinds of Expr.
const (
	KindToday              = "today"                // اليوم، الليلة
	KindYesterday          = "yesterday"            // أمس، بالأمس، مساء أمس الاثنين
	KindDayBeforeYesterday = "day-before-yesterday" // أول أمس، أمس الأول
	KindTomorrow           = "tomorrow"             // غداً، يوم غد
	KindDayAfterTomorrow   = "day-after-tomorrow"   // بعد غد
	KindWeekday            = "weekday"              // يوم الثلاثاء، ليل الأحد
	KindNextDay            = "next-day"             // اليوم التالي (the day after the occasion, see Find)
	KindPreviousDay        = "previous-day"         // اليوم السابق (the day before the occasion)
	KindSameDay            = "same-day"             // اليوم نفسه (the day of the occasion, see Find)
	KindSameMonth          = "same-month"           // الشهر نفسه (the preceding Expr's month)
	KindSameYear           = "same-year"            // العام نفسه (the preceding Expr's year)
	KindRelativeDay        = "relative-day"         // قبل يومين، منذ ثلاثة أيام
	KindRelativeWeek       = "relative-week"        // الأسبوع الماضي، قبل أسبوعين (month precision)
	KindRelativeMonth      = "relative-month"       // الشهر الماضي، مطلع الشهر الجاري
	KindRelativeYear       = "relative-year"        // العام الماضي، هذا العام
	KindExplicit           = "explicit"             // 4 مارس 2025، آذار/مارس، 2025/03/04، في مارس الماضي
	KindYear               = "year"                 // عام 2016، في 2016، 2016م
	KindHijri              = "hijri"                // 15 رمضان 1446 هـ
)

// Expr is one time expression found in a text.
type Expr struct {
	Start, End int    // byte offsets in the text: text[Start:End] == Text
	Date       Date   // the resolved date
	Kind       string // one of the Kind constants
	Text       string // the expression as written
}

// String returns a compact description, for debugging and tests:
// `yesterday 2025-03-05 "أمس"`.
func (e Expr) String() string {
	return e.Kind + " " + e.Date.String() + " " + strconv.Quote(e.Text)
}

// Resolver finds and resolves time expressions. Its tables are built by New
// and never change, so one Resolver is safe for concurrent use. Use New: the
// zero Resolver knows no words and finds only numeric dates.
type Resolver struct {
	vocab map[string]bool    // every word of the tables, for clitic stripping
	lex   *lexicon           // vocab as a trie with each word's wordInfo, built last by New
	sets  map[string]wordSet // while New builds the tables: the sets of each word
	nsets int                // bits of wordSet given out

	// The tables. The sets (wordSet) are bits of wordInfo.sets; the maps
	// are read only by New, which gives each word its values in the
	// lexicon, where Find reads them (see token.weekday ...).
	weekdays   map[string]time.Weekday
	greg       []monthName // longest names first
	hijri      []monthName
	monthFirst wordSet // first words of all month names

	relDays      map[string]int  // أمس -1, اليوم 0, غدا +1, ...
	needCue      wordSet         // غد، الغد: tomorrow only after يوم/صباح/بعد...
	todCues      wordSet         // مساء، صباح، ليل، ...
	dayCues      wordSet         // يوم، يومي
	todayBlock   wordSet         // اليوم الأول، اليوم العالمي, ...
	thatWords    wordSet         // ذلك، تلك: "ذلك اليوم" is not today
	anaphora     map[string]int  // التالي +1, السابق -1, نفسه 0, ...
	sameWords    wordSet         // نفس، ذات (before اليوم)
	units        map[string]unit // الأسبوع، الشهر، العام، السنة
	quals        map[string]int  // الماضي -1, الجاري 0, المقبل +1
	wdQuals      map[string]int  // qualifiers after a weekday
	this         wordSet         // هذا، هذه
	modifiers    wordSet         // مطلع، أواخر, ...
	preps        wordSet         // في، منذ، خلال, ... (before a bare year)
	fromLeads    wordSet         // اعتبارا، ابتداء (before من before a month)
	agoWords     wordSet         // قبل، منذ
	yearNouns    wordSet         // عام، العام، سنة، ...
	gregMarks    wordSet         // م، ميلادي
	hijriMarks   wordSet         // هـ، هجري
	unitBlock    wordSet         // دولار، شخص, ... after a bare year
	ordinals     map[string]int  // الأول 1 ... العاشر 10, الحادي 1
	tens         map[string]int  // العشرين 20, الثلاثين 30
	numWords     map[string]int  // ثلاثة 3 ... عشرة 10
	agoUnits     map[string]agoUnit
	connectors   wordSet         // و، إلى، حتى، أو (words); "-" is checked apart
	commaLike    map[string]bool // ، ,
	closers      map[string]bool // what may follow a bare weekday
	wdFollow     wordSet         // في، إن، عندما …: open what a bare weekday after a word dates
	wdBlock      wordSet         // صلاة، خطبة، بين، بن …: make the weekday after them no date
	ten          string          // عشر
	from         string          // من
	shahr        string          // شهر
	before       string          // قبل
	after        string          // بعد
	first        string          // أول
	yesterdayW   string          // أمس
	firstAfter   string          // الأول (أمس الأول)
	tonight      string          // الليلة
	midnightLead string          // منتصف
	nightWords   wordSet         // ليل، ليلة (after منتصف)
	today        string          // اليوم
	hadi         string          // الحادي (only in compounds)
	ordinalBlock wordSet         // النصف، الأسبوع: "النصف الثاني من رمضان" is no day
	solar        wordSet         // شمسي: the Iranian solar Hijri calendar
	agreeing     string          // الموافق ("corresponding to")
	liWords      wordSet         // لـ
	theMonth     string          // الشهر
	yawm         string          // يوم
}

// unit is a calendar unit of a relative expression.
type unit uint8

const (
	unitDay unit = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// agoUnit is a unit word after قبل/منذ with its count: 0 means a number
// must come before it (ثلاثة أيام).
type agoUnit struct {
	unit  unit
	count int
}

// monthName is one spelling of a month: its words (normalised) and number.
type monthName struct {
	words []string
	month int
	weak  bool // needs a day, a year or شهر (آب = "father")
	needY bool // Hijri: needs a year (صفر = "zero")
}
