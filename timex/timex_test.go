package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// thursday is the publication day of the canonical example (DESIGN.md).
const thursday = "2025-03-06"

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// findCases: one case per form. want lists every Expr found, as
// Expr.String() prints it: kind, date (its length gives the precision) and
// the text as written.
var findCases = []struct {
	name string
	pub  string // "" means thursday
	text string
	want []string
}{
	// --- relative days ---
	{"today", "", "أعلنت الحكومة اليوم أن", []string{`today 2025-03-06 "اليوم"`}},
	{"today with its weekday", "", "وصل اليوم الخميس وفد", []string{`today 2025-03-06 "اليوم الخميس"`}},
	{"today, proclitic left out of the span", "", "واليوم أعلن", []string{`today 2025-03-06 "اليوم"`}},
	{"time of day + today", "", "صباح اليوم الخميس", []string{`today 2025-03-06 "صباح اليوم الخميس"`}},
	{"today's weekday in parentheses", "", "اليوم (الخميس)", []string{`today 2025-03-06 "اليوم (الخميس)"`}},
	{"tonight", "", "تنطلق الليلة المباراة", []string{`today 2025-03-06 "الليلة"`}},
	{"today not a date: ordinal", "", "في اليوم الأول من المؤتمر", nil},
	{"today not a date: nisba adjective", "", "بمناسبة اليوم العالمي للمرأة", nil},
	{"today not a date: that day", "", "منذ ذلك اليوم", nil},
	{"today not a date: a channel's name", "", "قناة روسيا اليوم", nil},
	{"yesterday", "", "التقى أمس نظيره", []string{`yesterday 2025-03-05 "أمس"`}},
	{"yesterday without hamza", "", "التقى امس نظيره", []string{`yesterday 2025-03-05 "امس"`}},
	{"yesterday with ب", "", "بالأمس وصل", []string{`yesterday 2025-03-05 "الأمس"`}},
	{"yesterday after يوم", "", "يوم أمس", []string{`yesterday 2025-03-05 "يوم أمس"`}},
	{"yesterday with its weekday", "", "أمس الأربعاء", []string{`yesterday 2025-03-05 "أمس الأربعاء"`}},
	{"evening of yesterday + weekday", "", "مساء أمس الأربعاء", []string{`yesterday 2025-03-05 "مساء أمس الأربعاء"`}},
	{"the weekday only confirms", "", "أمس الأحد", []string{`yesterday 2025-03-05 "أمس الأحد"`}},
	{"yesterday's weekday in parentheses", "", "أمس (الأربعاء)", []string{`yesterday 2025-03-05 "أمس (الأربعاء)"`}},
	{"night of yesterday", "", "ليلة أمس", []string{`yesterday 2025-03-05 "ليلة أمس"`}},
	{"البارحة", "", "ليلة البارحة", []string{`yesterday 2025-03-05 "ليلة البارحة"`}},
	{"last night", "", "الليلة الماضية", []string{`yesterday 2025-03-05 "الليلة الماضية"`}},
	{"أمس الأول", "", "أمس الأول", []string{`day-before-yesterday 2025-03-04 "أمس الأول"`}},
	{"أول أمس", "", "أول أمس الثلاثاء", []string{`day-before-yesterday 2025-03-04 "أول أمس الثلاثاء"`}},
	{"أول من أمس", "", "مساء أول من أمس", []string{`day-before-yesterday 2025-03-04 "مساء أول من أمس"`}},
	{"tomorrow, tanween", "", "غداً الجمعة", []string{`tomorrow 2025-03-07 "غداً الجمعة"`}},
	{"tomorrow, no tanween", "", "غدا", []string{`tomorrow 2025-03-07 "غدا"`}},
	{"tomorrow after يوم", "", "يوم غد", []string{`tomorrow 2025-03-07 "يوم غد"`}},
	{"day after tomorrow", "", "بعد غد", []string{`day-after-tomorrow 2025-03-08 "بعد غد"`}},
	{"غد needs a cue", "", "نحو غد أفضل", nil},

	// --- weekdays: the latest such day on or before publication ---
	{"يوم + weekday", "", "يوم الثلاثاء", []string{`weekday 2025-03-04 "يوم الثلاثاء"`}},
	{"ليل + weekday", "", "ليل الأحد", []string{`weekday 2025-03-02 "ليل الأحد"`}},
	{"مساء + weekday with و", "", "ومساء الأحد", []string{`weekday 2025-03-02 "مساء الأحد"`}},
	{"weekday = publication day", "", "يوم الخميس", []string{`weekday 2025-03-06 "يوم الخميس"`}},
	{"weekday earlier than publication's", "", "يوم الجمعة", []string{`weekday 2025-02-28 "يوم الجمعة"`}},
	{"الاثنين with hamza", "", "يوم الإثنين", []string{`weekday 2025-03-03 "يوم الإثنين"`}},
	{"bare weekday between commas", "", "وقال الوزير، الثلاثاء، إن", []string{`weekday 2025-03-04 "الثلاثاء"`}},
	{"bare weekday at a line start", "", "الأربعاء: وصل الوفد", []string{`weekday 2025-03-05 "الأربعاء"`}},
	{"الأحد = the one", "", "أحد عشر كوكبا والأحد عشر", nil},
	{"weekday after a word, a clause going on", "", "أعلنت الجمعة أن السبت", []string{`weekday 2025-02-28 "الجمعة"`}},
	{"Monday and Sunday after a verb", "", "تظاهرت الأسر الاثنين في البلدة وقتل مدنيون الأحد عندما", []string{`weekday 2025-03-03 "الاثنين"`, `weekday 2025-03-02 "الأحد"`}},
	{"Friday prayer is no date", "", "بعد صلاة الجمعة في المسجد", nil},
	{"today with an earlier weekday: the weekday", "", "قال الوزير اليوم (الثلاثاء) إن", []string{`today 2025-03-04 "اليوم (الثلاثاء)"`}},
	{"yesterday with its own weekday", "", "قال الوزير أمس الأربعاء إن", []string{`yesterday 2025-03-05 "أمس الأربعاء"`}},
	{"a weekday before a bound preposition", "", "قاموا الإثنين بوقفة احتجاجية وقال الوزير الخميس لوكالة الأنباء", []string{`weekday 2025-03-03 "الإثنين"`, `weekday 2025-03-06 "الخميس"`}},
	{"a modifier and a bare month: this one", "", "وقع الاتفاق في مطلع الشهر بين البلدين", []string{`relative-month 2025-03 "مطلع الشهر"`}},
	{"a modifier and a bare year before punctuation", "", "منذ مطلع العام، ارتفعت الأسعار", []string{`relative-year 2025 "مطلع العام"`}},
	{"the holy month is no bare month", "", "في منتصف الشهر الكريم", nil},
	{"a weekend is no week", "", "خلال عطلة نهاية الأسبوع في المدينة", nil},
	{"a weekday before a relative clause", "", "منفذ الهجوم الانتحاري الاثنين الذي تبناه التنظيم", []string{`weekday 2025-03-03 "الاثنين"`}},
	{"between the two", "", "خلاف بين الاثنين على الرئاسة", nil},
	{"a bare weekday with nothing after", "", "أعلنت الجمعة السبت", nil},
	{"Tuesday and Wednesday bare after a word", "", "قال الوزير الثلاثاء إن الشرطة ألقت الأربعاء القبض", []string{`weekday 2025-03-04 "الثلاثاء"`, `weekday 2025-03-05 "الأربعاء"`}},
	{"Thursday bare may be a surname", "", "ألقى عبدالرسول الخميس كلمة", nil},
	{"Tuesday and Wednesday after a blocking word", "", "يصوم كل الثلاثاء وأقيمت صلاة الأربعاء في المسجد", nil},
	{"weekday الماضي: strictly before", "", "يوم الخميس الماضي", []string{`weekday 2025-02-27 "يوم الخميس الماضي"`}},
	{"weekday المقبل: strictly after", "", "الخميس المقبل", []string{`weekday 2025-03-13 "الخميس المقبل"`}},
	{"weekday القادم", "", "الأحد القادم", []string{`weekday 2025-03-09 "الأحد القادم"`}},
	{"continued weekday with و", "", "يومي السبت والأحد", []string{`weekday 2025-03-01 "يومي السبت"`, `weekday 2025-03-02 "الأحد"`}},
	{"continued weekday with إلى", "", "ليل الأحد إلى الاثنين", []string{`weekday 2025-03-02 "ليل الأحد"`, `weekday 2025-03-03 "الاثنين"`}},

	// --- anaphoric days ---
	{"next day after a weekday", "", "يوم الاثنين، ثم في اليوم التالي", []string{`weekday 2025-03-03 "يوم الاثنين"`, `next-day 2025-03-04 "اليوم التالي"`}},
	{"next day with nothing before: pub+1", "", "في اليوم الموالي", []string{`next-day 2025-03-07 "اليوم الموالي"`}},
	{"previous day", "", "يوم الأحد، وفي اليوم السابق", []string{`weekday 2025-03-02 "يوم الأحد"`, `previous-day 2025-03-01 "اليوم السابق"`}},
	{"same day skips a historical date", "", "قررت أمس الأربعاء تعليق المعاهدة الموقعة في 8 أكتوبر 2002، وفي اليوم نفسه", []string{
		`yesterday 2025-03-05 "أمس الأربعاء"`, `explicit 2002-10-08 "8 أكتوبر 2002"`, `same-day 2025-03-05 "اليوم نفسه"`}},
	{"same day: نفس اليوم", "", "أمس، وفي نفس اليوم", []string{`yesterday 2025-03-05 "أمس"`, `same-day 2025-03-05 "نفس اليوم"`}},
	{"same year", "", "في مارس 2021، ثم في ماي من العام نفسه", []string{`explicit 2021-03 "مارس 2021"`, `explicit 2021-05 "ماي من العام نفسه"`}},
	{"same month, another year", "", "مقارنة بالشهر ذاته من عام 2014", []string{`same-month 2014-03 "الشهر ذاته من عام 2014"`}},
	{"a day of the same month", "", "من 18 نوفمبر 2024 إلى 26 من الشهر ذاته", []string{`explicit 2024-11-18 "18 نوفمبر 2024"`, `explicit 2024-11-26 "26 من الشهر ذاته"`}},

	// --- days, weeks, months, years ago ---
	{"two days ago", "", "قبل يومين", []string{`relative-day 2025-03-04 "قبل يومين"`}},
	{"three days ago, number word", "", "منذ ثلاثة أيام", []string{`relative-day 2025-03-03 "منذ ثلاثة أيام"`}},
	{"15 days ago, digits", "", "قبل 15 يوماً", []string{`relative-day 2025-02-19 "قبل 15 يوماً"`}},
	{"two weeks ago: month precision", "", "قبل أسبوعين", []string{`relative-week 2025-02 "قبل أسبوعين"`}},
	{"two months ago", "", "منذ شهرين", []string{`relative-month 2025-01 "منذ شهرين"`}},
	{"ten years ago", "", "منذ 10 سنوات", []string{`relative-year 2015 "منذ 10 سنوات"`}},
	{"before another event: not ago", "", "قبل يومين من الاجتماع", nil},
	{"before Ramadan: not a month ago", "", "قبل شهر رمضان", nil},

	// --- weeks, months, years relative to publication ---
	{"last week: month of pub-7", "", "الأسبوع الماضي", []string{`relative-week 2025-02 "الأسبوع الماضي"`}},
	{"last week, same month", "2025-03-10", "الأسبوع الماضي", []string{`relative-week 2025-03 "الأسبوع الماضي"`}},
	{"this week", "", "هذا الأسبوع", []string{`relative-week 2025-03 "هذا الأسبوع"`}},
	{"last month", "", "الشهر الماضي", []string{`relative-month 2025-02 "الشهر الماضي"`}},
	{"last month across a year", "2025-01-15", "الشهر الماضي", []string{`relative-month 2024-12 "الشهر الماضي"`}},
	{"last month, Tunisian الفارط", "", "الشهر الفارط", []string{`relative-month 2025-02 "الشهر الفارط"`}},
	{"next month", "", "الشهر المقبل", []string{`relative-month 2025-04 "الشهر المقبل"`}},
	{"next month القادم", "2025-12-20", "الشهر القادم", []string{`relative-month 2026-01 "الشهر القادم"`}},
	{"early this month", "", "مطلع الشهر الجاري", []string{`relative-month 2025-03 "مطلع الشهر الجاري"`}},
	{"this month", "", "هذا الشهر", []string{`relative-month 2025-03 "هذا الشهر"`}},
	{"last year", "", "العام الماضي", []string{`relative-year 2024 "العام الماضي"`}},
	{"last year, feminine", "", "السنة الماضية", []string{`relative-year 2024 "السنة الماضية"`}},
	{"this year", "", "هذا العام", []string{`relative-year 2025 "هذا العام"`}},
	{"current year", "", "العام الجاري", []string{`relative-year 2025 "العام الجاري"`}},
	{"next year", "", "العام المقبل", []string{`relative-year 2026 "العام المقبل"`}},
	{"the year before last", "", "العام قبل الماضي", []string{`relative-year 2023 "العام قبل الماضي"`}},
	{"end of last year", "", "أواخر العام الماضي", []string{`relative-year 2024 "أواخر العام الماضي"`}},

	// --- explicit dates, Egyptian/Gulf names ---
	{"day month year", "", "في 4 مارس 2025", []string{`explicit 2025-03-04 "4 مارس 2025"`}},
	{"day month, this year", "", "في 4 مارس", []string{`explicit 2025-03-04 "4 مارس"`}},
	{"day month, within two months ahead", "", "في 20 أبريل", []string{`explicit 2025-04-20 "20 أبريل"`}},
	{"day month, too far ahead: last year", "", "في 25 ديسمبر", []string{`explicit 2024-12-25 "25 ديسمبر"`}},
	{"day month just after a year end: next year", "2025-12-28", "في 2 يناير", []string{`explicit 2026-01-02 "2 يناير"`}},
	{"month year", "", "مارس 2025", []string{`explicit 2025-03 "مارس 2025"`}},
	{"month الماضي in that month: last year", "", "في مارس الماضي", []string{`explicit 2024-03 "مارس الماضي"`}},
	{"month الماضي earlier this year", "", "في فبراير الماضي", []string{`explicit 2025-02 "فبراير الماضي"`}},
	{"month المقبل", "", "في يونيو المقبل", []string{`explicit 2025-06 "يونيو المقبل"`}},
	{"month الجاري with a day", "", "19 مارس الجاري", []string{`explicit 2025-03-19 "19 مارس الجاري"`}},
	{"month after a preposition", "", "في مايو", []string{`explicit 2025-05 "مايو"`}},
	{"شهر + month", "", "خلال شهر يوليو", []string{`explicit 2024-07 "شهر يوليو"`}},
	{"مارس the verb", "", "مارس الجيش ضغوطا ومن مارس العنف", nil},
	{"month of the year before", "", "في 4 مارس من العام الماضي", []string{`explicit 2024-03-04 "4 مارس من العام الماضي"`}},
	{"يونية spelling", "", "30 يونية 2013", []string{`explicit 2013-06-30 "30 يونية 2013"`}},
	{"إبريل spelling", "", "6 إبريل 2024", []string{`explicit 2024-04-06 "6 إبريل 2024"`}},
	{"weekday leading a date", "", "الثلاثاء 4 مارس", []string{`explicit 2025-03-04 "الثلاثاء 4 مارس"`}},
	{"يوم leading a date", "", "يوم 31 مارس", []string{`explicit 2025-03-31 "يوم 31 مارس"`}},
	{"ordinal day", "", "في الرابع من مارس", []string{`explicit 2025-03-04 "الرابع من مارس"`}},
	{"compound ordinal with و", "", "والحادي والعشرين من أيار 2024", []string{`explicit 2024-05-21 "الحادي والعشرين من أيار 2024"`}},
	{"ordinal + teen", "", "الحادي عشر من سبتمبر 2001", []string{`explicit 2001-09-11 "الحادي عشر من سبتمبر 2001"`}},
	{"ordinal of the current month", "", "الرابع من الشهر الجاري", []string{`explicit 2025-03-04 "الرابع من الشهر الجاري"`}},
	{"second half of a month is no day", "", "النصف الثاني من مارس", nil},
	{"two days of one month", "", "يومي 4 و5 مارس", []string{`explicit 2025-03-04 "يومي 4"`, `explicit 2025-03-05 "5 مارس"`}},
	{"a range of days", "", "من 4 إلى 6 مارس 2025", []string{`explicit 2025-03-04 "4"`, `explicit 2025-03-06 "6 مارس 2025"`}},
	{"invalid day: the month remains", "", "31 فبراير 2025", []string{`explicit 2025-02 "فبراير 2025"`}},

	// --- Levantine, Algerian/Tunisian and Moroccan names, doubled forms ---
	{"Levantine", "", "4 آذار 2025", []string{`explicit 2025-03-04 "4 آذار 2025"`}},
	{"Levantine two words", "", "كانون الثاني 2025", []string{`explicit 2025-01 "كانون الثاني 2025"`}},
	{"Levantine الماضي", "", "في تشرين الأول الماضي", []string{`explicit 2024-10 "تشرين الأول الماضي"`}},
	{"Levantine vs Arabic-Indic digits", "", "كانون الأول ٢٠٢٤", []string{`explicit 2024-12 "كانون الأول ٢٠٢٤"`}},
	{"آب needs a day, a year or شهر", "", "في آب وفي شهر آب و4 آب", []string{`explicit 2024-08 "شهر آب"`, `explicit 2024-08-04 "4 آب"`}},
	{"Levantine name is not a surname here", "", "قال حميد شباط", nil},
	{"Algerian/Tunisian", "2023-04-18", "مساء 17 أفريل", []string{`explicit 2023-04-17 "17 أفريل"`}},
	{"Algerian/Tunisian month year", "", "جويلية 2024", []string{`explicit 2024-07 "جويلية 2024"`}},
	{"Algerian/Tunisian جانفي with weekday", "2025-01-11", "يوم الخميس 9 جانفي", []string{`explicit 2025-01-09 "يوم الخميس 9 جانفي"`}},
	{"Algerian/Tunisian أوت", "2023-08-30", "29 أوت", []string{`explicit 2023-08-29 "29 أوت"`}},
	{"Algerian/Tunisian ماي", "", "ماي 2021", []string{`explicit 2021-05 "ماي 2021"`}},
	{"Moroccan يوليوز", "", "30 يوليوز 2024", []string{`explicit 2024-07-30 "30 يوليوز 2024"`}},
	{"Moroccan دجنبر", "", "22 دجنبر 2020", []string{`explicit 2020-12-22 "22 دجنبر 2020"`}},
	{"Moroccan شتنبر", "", "في شتنبر 2021", []string{`explicit 2021-09 "شتنبر 2021"`}},
	{"Moroccan غشت and نونبر", "", "غشت 2019 ونونبر 2019", []string{`explicit 2019-08 "غشت 2019"`, `explicit 2019-11 "نونبر 2019"`}},
	{"doubled with a slash", "", "4 آذار/مارس", []string{`explicit 2025-03-04 "4 آذار/مارس"`}},
	{"doubled in parentheses", "", "مارس (آذار) 2024", []string{`explicit 2024-03 "مارس (آذار) 2024"`}},
	{"doubled, two words first", "", "في كانون الثاني/يناير الماضي", []string{`explicit 2025-01 "كانون الثاني/يناير الماضي"`}},
	{"doubled without a separator", "", "ديسمبر كانون الأول 2016", []string{`explicit 2016-12 "ديسمبر كانون الأول 2016"`}},

	// --- numeric dates ---
	{"numeric Y/M/D", "", "2025/03/04", []string{`explicit 2025-03-04 "2025/03/04"`}},
	{"numeric D/M/Y", "", "04/03/2025", []string{`explicit 2025-03-04 "04/03/2025"`}},
	{"numeric ISO", "", "2025-03-04", []string{`explicit 2025-03-04 "2025-03-04"`}},
	{"numeric D.M.Y", "", "4.3.2025", []string{`explicit 2025-03-04 "4.3.2025"`}},
	{"numeric, Arabic-Indic", "", "٢٠٢٥/٠٣/٠٤", []string{`explicit 2025-03-04 "٢٠٢٥/٠٣/٠٤"`}},
	{"numeric, not a date", "", "192.168.1.1 و 1.2.2025.4 و 13/13/2025", nil},
	{"numeric Hijri D/M/Y", "", "في 19/6/1436هـ", []string{`hijri 2015-04-09 "19/6/1436هـ"`}},
	{"numeric Hijri spaced, year first", "", "الموافق 1436 / 6 / 19 هـ", []string{`hijri 2015-04-09 "1436 / 6 / 19 هـ"`}},
	{"numeric solar Hijri: the Iranian calendar, not coded", "", "في 19/6/1388 هجري شمسي", nil},
	{"a Hijri-looking number without its mark is no date", "", "القرار 19/6/1436 من السجل", nil},

	// --- years ---
	{"عام + year", "", "في عام 2016", []string{`year 2016 "عام 2016"`}},
	{"في + year", "", "في 2016", []string{`year 2016 "2016"`}},
	{"سنة + year", "", "سنة 2016", []string{`year 2016 "سنة 2016"`}},
	{"منذ + year", "", "منذ 2016", []string{`year 2016 "2016"`}},
	{"Arabic-Indic year", "", "عام ٢٠١٦", []string{`year 2016 "عام ٢٠١٦"`}},
	{"year followed by م", "", "2016م", []string{`year 2016 "2016م"`}},
	{"ل + عام", "", "ميزانية لعام 2025", []string{`year 2025 "عام 2025"`}},
	{"two years", "", "عامي 2015 و2016", []string{`year 2015 "عامي 2015"`, `year 2016 "2016"`}},
	{"a bare number is no year", "", "بلغ 2016 و2017", nil},
	{"a number with a unit is no year", "", "في 2016 دولار", nil},
	{"a count of years is no year", "", "قبل 2000 عام", nil},

	// --- Hijri (tabular) ---
	{"Hijri day month year", "", "15 رمضان 1446", []string{`hijri 2025-03-15 "15 رمضان 1446"`}},
	{"Hijri with هـ attached", "", "15 رمضان 1446هـ", []string{`hijri 2025-03-15 "15 رمضان 1446هـ"`}},
	{"Hijri month year: month of the 15th", "", "رمضان 1446 هـ", []string{`hijri 2025-03 "رمضان 1446 هـ"`}},
	{"Hijri first of Ramadan", "", "1 رمضان 1446", []string{`hijri 2025-03-01 "1 رمضان 1446"`}},
	{"Hijri year alone", "", "عام 1446 هـ", []string{`hijri 2025 "عام 1446 هـ"`}},
	{"Hijri without a year", "2025-03-10", "في الأول من شهر رمضان", []string{`hijri 2025-03-01 "الأول من شهر رمضان"`}},
	{"Hijri two-word month", "2024-06-15", "مكة المكرمة 9 ذو الحجة 1445 هـ", []string{`hijri 2024-06-16 "9 ذو الحجة 1445 هـ"`}},
	{"Hijri ذي القعدة المقبل", "2015-07-21", "الأول من ذي القعدة المقبل", []string{`hijri 2015-08-16 "الأول من ذي القعدة المقبل"`}},
	{"Hijri dateline with its Gregorian day", "", "الخميس 6 رمضان 1446 هـ الموافق 6 مارس 2025 م", []string{
		`hijri 2025-03-06 "الخميس 6 رمضان 1446 هـ"`, `explicit 2025-03-06 "6 مارس 2025 م"`}},
	{"Hijri restating a Gregorian date", "", "في 6 أغسطس 2012، الموافق 17 رمضان", []string{
		`explicit 2012-08-06 "6 أغسطس 2012"`, `hijri 2012-08-05 "17 رمضان"`}},
	{"صفر needs a year", "", "15 صفر", nil},
	{"رجب as a name", "", "رجب طيب أردوغان", nil},
	{"solar Hijri is not ours", "", "عام 1388 هجري شمسي", nil},

	// --- more combinations ---
	{"midnight cue", "", "منتصف ليل الأحد", []string{`weekday 2025-03-02 "منتصف ليل الأحد"`}},
	{"same year alone", "", "عام 2016، وفي العام نفسه", []string{`year 2016 "عام 2016"`, `same-year 2016 "العام نفسه"`}},
	{"next day after a time of day", "", "أمس، وفي صباح اليوم التالي", []string{`yesterday 2025-03-05 "أمس"`, `next-day 2025-03-06 "صباح اليوم التالي"`}},
	{"day month المقبل", "", "4 مارس المقبل", []string{`explicit 2026-03-04 "4 مارس المقبل"`}},
	{"day month الماضي", "", "20 مارس الماضي", []string{`explicit 2024-03-20 "20 مارس الماضي"`}},
	{"day month of this year", "", "4 يناير من هذا العام", []string{`explicit 2025-01-04 "4 يناير من هذا العام"`}},
	{"day month of a named year", "", "4 يناير من عام 2020", []string{`explicit 2020-01-04 "4 يناير من عام 2020"`}},
	{"Hijri الماضي", "2015-07-21", "10 رمضان الماضي", []string{`hijri 2015-06-27 "10 رمضان الماضي"`}},
	{"Hijri الجاري", "2015-07-21", "5 شوال الجاري", []string{`hijri 2015-07-22 "5 شوال الجاري"`}},
	{"numeric with م", "", "2025/03/04م", []string{`explicit 2025-03-04 "2025/03/04م"`}},
	{"Latin words and other digits are not ours", "", "Tuesday 4 March ४ مارس", nil},

	// --- surface variety ---
	{"diacritics and tatweel kept in the span", "", "غَداً وأمـس", []string{`tomorrow 2025-03-07 "غَداً"`, `yesterday 2025-03-05 "أمـس"`}},
	{"bidi marks inside a date", "", "2025\u200f/03/04", []string{"explicit 2025-03-04 " + strconv.Quote("2025\u200f/03/04")}},
	{"canonical example", "", "أجرى وزير الخارجية ناصر بوريطة، يوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي، منذ توقيع الشراكة في عام 2016", []string{
		`weekday 2025-03-04 "يوم الثلاثاء"`, `year 2016 "عام 2016"`}},
}

func TestFind(t *testing.T) {
	r := New()
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			pub := tc.pub
			if pub == "" {
				pub = thursday
			}
			got := r.Find(tc.text, day(pub))
			var gs []string
			for _, e := range got {
				gs = append(gs, e.String())
				if tc.text[e.Start:e.End] != e.Text {
					t.Errorf("%v: Text %q but text[%d:%d] = %q", e, e.Text, e.Start, e.End, tc.text[e.Start:e.End])
				}
			}
			if !slices.Equal(gs, tc.want) {
				t.Errorf("Find(%q, %s)\n got  %q\n want %q", tc.text, pub, gs, tc.want)
			}
		})
	}
}

func TestFindOrderAndOffsets(t *testing.T) {
	text := "قال الوزير، أمس الأربعاء، إن بلاده وقعت في 4 مارس 2025 اتفاقاً، وإن الوفد سيزور الرباط غداً."
	got := New().Find(text, day(thursday))
	if len(got) != 3 {
		t.Fatalf("got %v, want 3 expressions", got)
	}
	for i, e := range got {
		if i > 0 && e.Start < got[i-1].End {
			t.Errorf("%v overlaps %v", e, got[i-1])
		}
	}
	if e := got[0]; e.Start != strings.Index(text, "أمس") || e.Text != "أمس الأربعاء" {
		t.Errorf("first = %+v", e)
	}
}

func TestFindWithoutPublication(t *testing.T) {
	// Only what needs no publication date is found.
	got := New().Find("أمس الأربعاء، وفي 4 مارس، وفي 4 مارس 2025، وفي عام 2016، و15 رمضان 1446", time.Time{})
	var gs []string
	for _, e := range got {
		gs = append(gs, e.String())
	}
	want := []string{`explicit 2025-03-04 "4 مارس 2025"`, `year 2016 "عام 2016"`, `hijri 2025-03-15 "15 رمضان 1446"`}
	if !slices.Equal(gs, want) {
		t.Errorf("got %q, want %q", gs, want)
	}
}

func TestFindPublicationLocation(t *testing.T) {
	// The publication day is taken in published's own location: 00:30 in
	// Rabat on Thursday is still Wednesday in UTC.
	loc := time.FixedZone("Rabat", 3600)
	pub := time.Date(2025, 3, 6, 0, 30, 0, 0, loc)
	got := New().Find("أمس", pub)
	if len(got) != 1 || got[0].Date.String() != "2025-03-05" {
		t.Errorf("got %v, want yesterday 2025-03-05", got)
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		d         Date
		str, last string
		prec      string
	}{
		{Date{2025, 3, 4, Day}, "2025-03-04", "2025-03-04", "day"},
		{Date{2024, 2, 0, Month}, "2024-02", "2024-02-29", "month"},
		{Date{2025, 0, 0, Year}, "2025", "2025-12-31", "year"},
		{Date{}, "", "0000-01-01", "Precision(0)"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.str {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.str)
		}
		if got := tt.d.Precision.String(); got != tt.prec {
			t.Errorf("%#v.Precision.String() = %q, want %q", tt.d, got, tt.prec)
		}
		if tt.str == "" {
			if !tt.d.IsZero() {
				t.Error("zero Date: IsZero false")
			}
			continue
		}
		if got := tt.d.LastDay().Format("2006-01-02"); got != tt.last {
			t.Errorf("%v.LastDay() = %s, want %s", tt.d, got, tt.last)
		}
		p, err := ParseDate(tt.str)
		if err != nil || p != tt.d {
			t.Errorf("ParseDate(%q) = %#v, %v; want %#v", tt.str, p, err, tt.d)
		}
		if !tt.d.Time().Equal(p.Time()) {
			t.Errorf("Time() mismatch for %v", tt.d)
		}
	}
	for _, bad := range []string{"", "2025-3-4", "2025-13", "20x5", "2025-02-30"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): no error", bad)
		}
	}
}

// TestDevDates checks, on the project's gold items when they are present,
// that every gold event date is one that Find produces for the item or the
// publication day (the coder picks among them). Three known misses are
// expressions relative to another event (غداة، بعد أيام من).
func TestDevDates(t *testing.T) {
	f, err := os.Open("../../shared/eval/dev.jsonl")
	if err != nil {
		t.Skip("gold items not available:", err)
	}
	defer f.Close()
	r := New()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	total, missed := 0, 0
	for sc.Scan() {
		var it struct {
			ID, Published, Text string
			Events              []struct{ Date string }
		}
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		dates := map[string]bool{it.Published: true}
		for _, e := range r.Find(it.Text, day(it.Published)) {
			dates[e.Date.String()] = true
		}
		for _, e := range it.Events {
			total++
			if !dates[e.Date] {
				missed++
				t.Logf("%s: gold date %s not found", it.ID, e.Date)
			}
		}
	}
	if total > 0 && missed > 3 {
		t.Errorf("%d of %d gold dates not found, want at most 3", missed, total)
	}
}

func TestFindConcurrent(t *testing.T) {
	// One Resolver serves many goroutines (run with -race).
	r := New()
	want := make([][]Expr, len(findCases))
	for i, tc := range findCases {
		want[i] = r.Find(tc.text, day(thursday))
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for i, tc := range findCases {
				if got := r.Find(tc.text, day(thursday)); !slices.Equal(got, want[i]) {
					t.Errorf("%s: concurrent result differs", tc.name)
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestSlowRuneTables checks the tables slowRuneAt reads against the
// classification they stand for, rune by rune.
func TestSlowRuneTables(t *testing.T) {
	lx := New().lex
	check := func(c rune, got runeInfo) {
		if want := lx.infoOf(c); got != want {
			t.Errorf("U+%04X: table %+v, infoOf %+v", c, got, want)
		}
	}
	for c := rune(0x80); c < 0x800; c++ {
		ri, _ := lx.slowRuneAt(string(c), 0)
		check(c, ri)
	}
	for c := rune(0x2000); c < 0x2070; c++ {
		ri, _ := lx.slowRuneAt(string(c), 0)
		check(c, ri)
	}
}

// TestFindOtherRunes: punctuation and spaces outside ASCII and the Arabic
// block, which the tokenizer classifies by slowRuneAt's tables.
func TestFindOtherRunes(t *testing.T) {
	r := New()
	for _, tc := range []struct{ text, want string }{
		{"قال «يوم الثلاثاء» إن", `weekday 2025-03-04 "يوم الثلاثاء"`},
		{"يوم 4\u00a0مارس 2025", `explicit 2025-03-04 "يوم 4\u00a0مارس 2025"`},
		{"في 4 مارس\u200f 2025", `explicit 2025-03-04 "4 مارس\u200f 2025"`},
		{"في عام\u00a02016 – 2017", `year 2016 "عام\u00a02016" | year 2017 "2017"`},
		{"في “الثلاثاء” المقبل", ``},
	} {
		var gs []string
		for _, e := range r.Find(tc.text, day(thursday)) {
			gs = append(gs, e.String())
		}
		if got := strings.Join(gs, " | "); got != tc.want {
			t.Errorf("Find(%q)\n got  %s\n want %s", tc.text, got, tc.want)
		}
	}
}
