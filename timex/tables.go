package timex

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// Month names by system. Facts: CLDR month names (ar, ar-LB, ar-DZ, ar-MA;
// ../shared/ref/arabic_month_weekday_names.tsv) and the spellings news uses.
var gregorianMonths = [12][]string{
	// Egyptian/Gulf, Levantine, Algerian/Tunisian, Moroccan, variants.
	{"يناير", "كانون الثاني", "كانون ثاني", "جانفي"},
	{"فبراير", "شباط", "فيفري", "فبراير"},
	{"مارس", "آذار"},
	{"أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"},
	{"مايو", "أيار", "ماي"},
	{"يونيو", "يونية", "يونيه", "حزيران", "جوان"},
	{"يوليو", "يولية", "يوليه", "تموز", "جويلية", "يوليوز"},
	{"أغسطس", "اغسطس", "آب", "أوت", "اوت", "غشت"},
	{"سبتمبر", "أيلول", "شتنبر"},
	{"أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"},
	{"نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"},
	{"ديسمبر", "كانون الأول", "كانون أول", "دجنبر"},
}

// weakMonths also mean something else and need a day, a year or شهر.
var weakMonths = []string{"آب"}

var hijriMonths = [12][]string{
	{"محرم", "المحرم"},
	{"صفر"},
	{"ربيع الأول", "ربيع أول"},
	{"ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربيع ثاني", "ربيع آخر"},
	{"جمادى الأولى", "جمادى الأول", "جمادى أولى"},
	{"جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى آخرة"},
	{"رجب"},
	{"شعبان"},
	{"رمضان"},
	{"شوال"},
	{"ذو القعدة", "ذي القعدة", "ذا القعدة"},
	{"ذو الحجة", "ذي الحجة", "ذا الحجة"},
}

// hijriNeedYear also mean something else and need a year.
var hijriNeedYear = []string{"صفر"}

var weekdayNames = map[string]time.Weekday{
	"الأحد":    time.Sunday,
	"الاثنين":  time.Monday,
	"الإثنين":  time.Monday,
	"الثلاثاء": time.Tuesday,
	"الأربعاء": time.Wednesday,
	"الخميس":   time.Thursday,
	"الجمعة":   time.Friday,
	"السبت":    time.Saturday,
}

// New builds a Resolver with the package's tables.
func New() *Resolver {
	r := &Resolver{vocab: make(map[string]bool), sets: make(map[string]wordSet)}
	r.weekdays = make(map[string]time.Weekday)
	for w, d := range weekdayNames {
		r.weekdays[r.word(w)] = d
	}
	r.monthFirst = r.set()
	weak := r.wordMap(weakMonths...)
	for i, names := range gregorianMonths {
		for _, n := range names {
			m := r.month(n, i+1)
			m.weak = weak[strings.Join(m.words, " ")]
			r.greg = append(r.greg, m)
		}
	}
	needY := r.wordMap(hijriNeedYear...)
	for i, names := range hijriMonths {
		for _, n := range names {
			m := r.month(n, i+1)
			m.needY = needY[strings.Join(m.words, " ")]
			r.hijri = append(r.hijri, m)
		}
	}
	longestFirst := func(a, b monthName) int { return len(b.words) - len(a.words) }
	slices.SortStableFunc(r.greg, longestFirst)
	slices.SortStableFunc(r.hijri, longestFirst)

	r.relDays = map[string]int{
		r.word("أمس"): -1, r.word("الأمس"): -1, r.word("البارحة"): -1,
		r.word("اليوم"): 0, r.word("الليلة"): 0,
		r.word("غداً"): 1, r.word("غد"): 1, r.word("الغد"): 1,
	}
	r.needCue = r.set("غد", "الغد")
	r.todCues = r.set("مساء", "صباح", "ليل", "ليلة", "فجر", "ظهر", "عصر", "ظهيرة",
		"عشية", "ضحى", "نهار", "أمسية", "صبيحة")
	r.dayCues = r.set("يوم", "يومي")
	r.todayBlock = r.set(
		// ordinals and anaphora: another day, not today
		"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
		"الثامن", "التاسع", "العاشر", "الأخير", "التالي", "الموالي", "اللاحق",
		"السابق", "نفسه", "ذاته", "الذي", "المفتوح", "الموعود", "الكبير",
		"الأسود", "الحاسم", "المشهود")
	// "ذلك اليوم" (that day); newspaper and channel names: "المصري اليوم",
	// "روسيا اليوم", "أخبار اليوم"; "على مدار اليوم" (all day long).
	r.thatWords = r.set("ذلك", "تلك", "ذاك", "المصري", "روسيا", "أخبار", "مدار")
	r.anaphora = map[string]int{
		r.word("التالي"): 1, r.word("الموالي"): 1, r.word("اللاحق"): 1,
		r.word("التالية"): 1, r.word("الموالية"): 1,
		r.word("السابق"): -1, r.word("السابقة"): -1,
		r.word("نفسه"): 0, r.word("ذاته"): 0, r.word("نفسها"): 0, r.word("ذاتها"): 0,
	}
	r.sameWords = r.set("نفس", "ذات")
	r.units = map[string]unit{
		r.word("الأسبوع"): unitWeek, r.word("الشهر"): unitMonth,
		r.word("العام"): unitYear, r.word("السنة"): unitYear,
	}
	r.quals = make(map[string]int)
	for _, w := range []string{"الماضي", "المنصرم", "الفائت", "السابق", "المنقضي", "الفارط",
		"الماضية", "المنصرمة", "الفائتة", "السابقة", "المنقضية", "الفارطة"} {
		r.quals[r.word(w)] = -1
	}
	for _, w := range []string{"الجاري", "الحالي", "الجارية", "الحالية"} {
		r.quals[r.word(w)] = 0
	}
	for _, w := range []string{"المقبل", "القادم", "المقبلة", "القادمة"} {
		r.quals[r.word(w)] = 1
	}
	r.wdQuals = make(map[string]int)
	for _, w := range []string{"الماضي", "المنصرم", "الفائت", "السابق", "الفارط"} {
		r.wdQuals[r.word(w)] = -1
	}
	for _, w := range []string{"المقبل", "القادم"} {
		r.wdQuals[r.word(w)] = 1
	}
	r.this = r.set("هذا", "هذه")
	r.modifiers = r.set("مطلع", "أوائل", "بداية", "بدايات", "مستهل", "منتصف", "أواسط",
		"وسط", "أواخر", "نهاية", "آخر", "ختام", "أول")
	r.preps = r.set("في", "منذ", "خلال", "حتى", "قبل", "بعد", "طيلة", "طوال", "إلى")
	r.fromLeads = r.set("اعتبارا", "ابتداء", "بدءا", "انطلاقا")
	r.agoWords = r.set("قبل", "منذ")
	r.yearNouns = r.set("عام", "العام", "سنة", "السنة", "عامي", "سنتي", "العامين")
	r.gregMarks = r.set("م", "ميلادي", "ميلادية", "للميلاد")
	r.hijriMarks = r.set("هـ", "ه", "هجري", "هجرية", "للهجرة")
	r.unitBlock = r.set(
		// currencies
		"دولار", "دولارا", "يورو", "درهم", "درهما", "دينار", "دينارا", "ريال",
		"ريالا", "جنيه", "جنيها", "ليرة", "فرنك", "روبل", "أوقية",
		// counts and measures
		"شخص", "شخصا", "قتيل", "قتيلا", "جريح", "جريحا", "مواطن", "مواطنا",
		"طفل", "طفلا", "لاجئ", "لاجئا", "مهاجر", "مهاجرا", "عنصر", "عنصرا",
		"جندي", "جنديا", "منزل", "منزلا", "وحدة", "طن", "طنا", "كيلومتر",
		"كيلومترا", "كلم", "متر", "مترا", "هكتار", "هكتارا", "برميل", "برميلا",
		"ميغاواط", "مليون", "مليار", "ألف", "آلاف", "نقطة", "صوت", "صوتا",
		"مقعد", "مقعدا", "حالة", "إصابة", "مشروع", "مشروعا", "مليم", "سنتيم",
		// a number of years, not a year: "قبل 2000 عام"
		"عام", "عاما", "سنة", "سنوات")
	r.ordinals = map[string]int{
		r.word("الأول"): 1, r.word("الحادي"): 1, r.word("الثاني"): 2,
		r.word("الثالث"): 3, r.word("الرابع"): 4, r.word("الخامس"): 5,
		r.word("السادس"): 6, r.word("السابع"): 7, r.word("الثامن"): 8,
		r.word("التاسع"): 9, r.word("العاشر"): 10,
	}
	r.tens = map[string]int{r.word("العشرين"): 20, r.word("الثلاثين"): 30}
	r.numWords = make(map[string]int)
	for n, ws := range [][]string{3: {"ثلاثة", "ثلاث"}, {"أربعة", "أربع"}, {"خمسة", "خمس"},
		{"ستة", "ست"}, {"سبعة", "سبع"}, {"ثمانية", "ثماني"}, {"تسعة", "تسع"}, {"عشرة", "عشر"}} {
		for _, w := range ws {
			r.numWords[r.word(w)] = n
		}
	}
	r.agoUnits = map[string]agoUnit{
		r.word("يوم"): {unitDay, 1}, r.word("يومين"): {unitDay, 2},
		r.word("أيام"): {unitDay, 0}, r.word("يوما"): {unitDay, 0},
		r.word("أسبوع"): {unitWeek, 1}, r.word("أسبوعين"): {unitWeek, 2},
		r.word("أسابيع"): {unitWeek, 0}, r.word("أسبوعا"): {unitWeek, 0},
		r.word("شهر"): {unitMonth, 1}, r.word("شهرين"): {unitMonth, 2},
		r.word("أشهر"): {unitMonth, 0}, r.word("شهور"): {unitMonth, 0}, r.word("شهرا"): {unitMonth, 0},
		r.word("عام"): {unitYear, 1}, r.word("عامين"): {unitYear, 2},
		r.word("سنة"): {unitYear, 1}, r.word("سنتين"): {unitYear, 2},
		r.word("أعوام"): {unitYear, 0}, r.word("سنوات"): {unitYear, 0},
		r.word("عاما"): {unitYear, 0}, r.word("سنين"): {unitYear, 0},
	}
	r.connectors = r.set("و", "إلى", "الى", "حتى", "أو")
	r.commaLike = r.wordMap("،", ",")
	r.closers = r.wordMap("،", ",", ".", ":", "؛", ";", "(")
	r.wdFollow = r.set("في", "على", "إن", "أن", "ان", "إنه", "أنه", "إنها", "أنها", "بأن", "بأنه", "عندما", "حين", "إلى", "الى", "عن", "بعد", "خلال", "مع", "حيث", "الذي", "التي")
	r.wdBlock = r.set("صلاة", "صلاه", "خطبة", "خطبه", "خطب", "خطيب", "منبر", "جمعة", "بين", "بن", "ابن", "بنت", "أبو", "ابو", "آل", "الواحد", "الله", "مجلة", "مجله", "برنامج", "سوق", "واد", "وادي", "مسجد", "جامع", "كل")
	r.ten = r.word("عشر")
	r.from = r.word("من")
	r.shahr = r.word("شهر")
	r.before = r.word("قبل")
	r.after = r.word("بعد")
	r.first = r.word("أول")
	r.yesterdayW = r.word("أمس")
	r.firstAfter = r.word("الأول")
	r.tonight = r.word("الليلة")
	r.today = r.word("اليوم")
	r.midnightLead = r.word("منتصف")
	r.nightWords = r.set("ليل", "ليلة")
	r.hadi = r.word("الحادي")
	r.ordinalBlock = r.set("النصف", "الأسبوع", "الثلث", "الربع", "الشطر", "الجزء", "العشر", "العشرة", "الأسبوعين", "الشوط", "الدور")
	r.solar = r.set("شمسي", "شمسية")
	r.agreeing = r.word("الموافق")
	r.liWords = r.set("ل", "لـ")
	r.theMonth = r.word("الشهر")
	r.yawm = r.word("يوم")
	r.lex = buildLexicon(slices.Collect(maps.Keys(r.vocab)), r.wordInfo)
	r.sets = nil
	return r
}

// word returns the normalised form of a one-word table entry and adds it to
// the vocabulary used for clitic stripping.
func (r *Resolver) word(s string) string {
	w := foldString(s)
	for _, f := range strings.Fields(w) {
		r.vocab[f] = true
	}
	return w
}

// set returns a new set (a bit of wordInfo.sets) holding the normalised
// forms of words.
func (r *Resolver) set(words ...string) wordSet {
	if r.nsets == 64 {
		panic("timex: too many sets")
	}
	bit := wordSet(1) << r.nsets
	r.nsets++
	for _, w := range words {
		r.sets[r.word(w)] |= bit
	}
	return bit
}

// wordMap returns the normalised forms of words (or of several words, or
// of punctuation marks) as a map.
func (r *Resolver) wordMap(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[r.word(w)] = true
	}
	return m
}

// month returns a month name's normalised words.
func (r *Resolver) month(name string, n int) monthName {
	words := strings.Fields(r.word(name))
	r.sets[words[0]] |= r.monthFirst
	return monthName{words: words, month: n}
}
