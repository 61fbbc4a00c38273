package timex

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenText is news-like prose written for the golden test: every kind of
// expression, in many spellings, with proclitics, marks, other digits and
// near misses.
const goldenText = `الرياض - أكد مجلس الوزراء في جلسته التي عقدها بعد ظهر أمس الاثنين برئاسة خادم الحرمين الشريفين، أن المملكة ماضية في تنفيذ برامج رؤية 2030، وأقر الميزانية العامة للدولة لعام 2016م، على أن يبدأ العمل بها مطلع العام المقبل.
وكان المجلس قد ناقش في جلسته يوم الاثنين الماضي تقريراً عن أداء الأجهزة الحكومية خلال الربع الأول من العام الجاري، فيما استعرض ولي العهد صباح اليوم (الثلاثاء) نتائج زيارته إلى باريس التي استمرت من 14 إلى 17 يونيو الماضي.
جدة: أعلنت الهيئة العامة للأرصاد، مساء أول أمس، أن موجة الحر ستستمر حتى نهاية الأسبوع المقبل، وأن درجات الحرارة بلغت بالأمس 48 درجة مئوية، وهي الأعلى منذ 12 يوليو 2010.
وفي اليوم التالي، قالت الهيئة إن الأمطار ستعود بعد غد على المرتفعات الجنوبية، وإنها حذرت في 3/7/2015 من السيول، ثم في 2015-07-05 من الغبار.
القاهرة - قضت محكمة جنايات القاهرة، أمس الأحد، بتأجيل نظر القضية إلى جلسة 15 أغسطس المقبل، بعد أن كانت قد أجلتها في 26 يوليو من العام الماضي إلى الثالث عشر من شهر يناير 2015.
وقال المتحدث باسم الحكومة، الأربعاء، إن الوزير سيزور الرباط غدا، ويلتقي نظيره المغربي يوم الخميس المقبل، على أن يعود إلى القاهرة ليل الجمعة إلى السبت.
بيروت - أقر مجلس النواب في جلسة عقدها في 10 كانون الثاني/يناير 2014 قانون الإيجارات، الذي عُدِّل في شباط - فبراير من العام نفسه، ثم في أيار (مايو) 2015، وفي تشرين الأول الماضي.
الجزائر - أعلنت وزارة الداخلية أن الانتخابات ستجرى في 4 ماي 2017، وأن الحملة الانتخابية ستنطلق في 9 أفريل، فيما تجرى الدورة الثانية في جوان المقبل، وأن نتائج جويلية 2016 وأوت 2016 نشرت في فيفري.
الرباط - صادق المجلس الحكومي خلال اجتماعه المنعقد يوم الخميس 22 دجنبر 2016 على مشروع مرسوم، وسيعرض على البرلمان في شتنبر، بعد دورة أكتوبر التي افتتحت في نونبر 2016 وغشت 2017 ويوليوز 2018.
تونس - شهدت البلاد منذ 17 ديسمبر 2010 إلى غاية 14 جانفي 2011 احتجاجات واسعة، وتواصلت أيام 15 و16 و17 جانفي، فيما عقد الحوار الوطني يومي 5 و6 أكتوبر 2013.
مكة المكرمة 9 ذو الحجة 1436 هـ - يقف الحجاج اليوم على صعيد عرفات، بعد أن توافدوا منذ الأول من ذي الحجة، وسيبدأ النفر في الثاني عشر من ذي الحجة، وكانت الرئاسة أعلنت في 25 ذي القعدة الماضي عن خطتها، وفي 1 رمضان 1436 عن موسم العمرة.
وتعود بداية المشروع إلى عام 1435 هـ، حين أقر في رجب 1435 هـ، وقد دشن في 15 شعبان 1436هـ الموافق 2 يونيو 2015، وذكر مسؤول أن صفر لا يكفي وأن 15 صفر 1437 موعد مهم، وأن رجب طيب أردوغان زار المملكة.
وأوضح التقرير أن عدد الزوار ارتفع قبل ثلاثة أيام، وقبل يومين، ومنذ أسبوعين، وقبل 15 يوماً، ومنذ شهرين، ومنذ 10 سنوات، وقبل عامين، لكن قبل يومين من الاجتماع لم يكن كذلك، ومنذ عام 2016 ارتفع العدد، وقبل شهر رمضان.
وفي الشهر الماضي، أعلنت الشركة أرباحها، وفي هذا الشهر أطلقت منتجاً جديداً، وتتوقع نمواً في الشهر المقبل والأسبوع القادم، مقارنة بالشهر ذاته من عام 2014، وبنفس الشهر من السنة الماضية، وخلال الفترة نفسها من العام قبل الماضي.
وأكد أن الأسعار في أواخر العام الماضي ومستهل هذا العام، وفي منتصف الشهر الجاري، ونهاية السنة الماضية كانت مرتفعة، وأن اليوم العالمي للمرأة واليوم الأول من المؤتمر وذلك اليوم وقناة روسيا اليوم وصحيفة المصري اليوم ليست تواريخ.
دبي - ارتفعت الأسهم اليوم الخميس بنسبة 2.5 في المائة، وقال محلل إن السوق ستتأثر غداً الجمعة، وإن الأحد عشر لاعباً والأحد القادم والسبت والجمعة وحدها لا تكفي، وإن أحد عشر كوكبا ليس يوم الأحد.
وفي 2016 دولار، قبل 2000 عام، في 2016 و2017، عامي 2015 و2016، سنتي 2013 و2014م، طيلة 2012، حتى 2020 - 2021، بلغ 2016 و2017 ريالا.
أعلنت الوزارة في ٢٠١٥/٠٧/٢١ وفي ۱۴۳۶ هـ وفي عام ٢٠١٤، وفي 21.07.2015 وعنوان 192.168.1.1 ورقم 1.2.2025.4 و13/13/2025 و2015/7/21م.
الريـاض - وصـل غَداً الوفدُ، وأمـس الأربعـاء، ويوم الأَحَد، وليلة البارحة، والليلة الماضية، وأمس الأول، وأول من أمس، ويوم غد، وصباح الغد، ونحو غد أفضل.
وكتب: "Tuesday 4 March ४ مارس" ثم مارس الجيش ضغوطا، ومن مارس العنف، واعتبارا من مارس 2016، وابتداء من أبريل، وفي آب وفي شهر آب و4 آب، وقال حميد شباط، والنصف الثاني من مارس.
وقال الوزير، الثلاثاء، إن بلاده
الأربعاء: وصل الوفد
يوم الاثنين، ثم في اليوم التالي، ويوم الأحد، وفي اليوم السابق، وفي نفس اليوم، وفي ذات اليوم، وفي العام نفسه، وفي نفس العام، ومساء اليوم ذاته.
وقررت الحكومة أمس الأربعاء تعليق المعاهدة الموقعة في 8 أكتوبر 2002، وفي اليوم نفسه استدعت السفير، ومن 18 نوفمبر 2024 إلى 26 من الشهر ذاته، والرابع من الشهر الجاري، و4 من هذا الشهر، و26 من الشهر نفسه.
وفي 6 أغسطس 2012، الموافق 17 رمضان، وفي 4 مارس المقبل، و20 مارس الماضي، و4 يناير من هذا العام، و4 يناير من عام 2020، و10 رمضان الماضي، و5 شوال الجاري، و7 محرم المقبل.
والحادي والعشرين من أيار 2024، والحادي عشر من سبتمبر 2001، والتاسع والعشرين من شباط، والحادي والثلاثين من كانون الأول، والعاشر من ربيع الأول 1437.
وتنطلق الدورة الساعة 8 مساء يوم الثلاثاء 4 أغسطس 2015، وتختتم في منتصف ليل الأحد، وكانت النسخة السابقة أقيمت خلال الفترة من 1 - 5 سبتمبر، وفي 29 فبراير 2016 و29 فبراير 2015 و31 أبريل.
يوم 31 مارس، الثلاثاء 4 مارس، الخميس، 6 رمضان 1446 هـ الموافق 6 مارس 2025 م، للعام 2015، وللشهر الجاري، وبالأسبوع الماضي، وللسنة المقبلة، ولليوم التالي، وبيوم الأحد، وفبعد غد، وكأمس.
`

// goldenPubs are the publication days the golden texts are read against.
var goldenPubs = []time.Time{
	day(thursday),
	day("2015-07-21"),
	day("2024-12-30"),
	{},
}

// goldenGenerated returns texts built from the tables: each month name,
// weekday and relative word in the frames a rule looks for.
func goldenGenerated() []string {
	var out []string
	for _, names := range gregorianMonths {
		for _, n := range names {
			out = append(out, fmt.Sprintf("في 4 %s 2025، و%s الماضي، وفي %s، ول%s 2019، و%s المقبل، و31 %s، والأول من %s، ومطلع %s، وشهر %s، و%s/%s، و%s", n, n, n, n, n, n, n, n, n, n, n, n))
		}
	}
	for _, names := range hijriMonths {
		for _, n := range names {
			out = append(out, fmt.Sprintf("15 %s 1436 هـ، و%s 1437، والعاشر من شهر %s، و3 %s الماضي، و%s، وفي %s", n, n, n, n, n, n))
		}
	}
	for _, w := range slices.Sorted(maps.Keys(weekdayNames)) {
		out = append(out, fmt.Sprintf("يوم %s، و%s، صباح %s المقبل، %s الماضي، وقال، %s، إن، أمس %s، و%s و%s", w, w, w, w, w, w, w, w))
	}
	return out
}

// goldenRandom returns deterministic word salad from the vocabulary, to
// reach combinations no prose has.
func goldenRandom() []string { return wordSalad(0x9E3779B97F4A7C15, 300) }

// wordSalad returns count texts of up to 24 words and marks of the
// vocabulary, from seed.
func wordSalad(seed uint64, count int) []string {
	words := strings.Fields(`أمس الأمس بالأمس اليوم واليوم الليلة غدا غداً غد الغد بعد قبل منذ أول من
		يوم يومي مساء صباح ليل ليلة منتصف الأحد والأحد الاثنين الثلاثاء الخميس الجمعة السبت
		الماضي المقبل الجاري القادم الماضية التالي السابق نفسه ذاته نفس ذات هذا هذه
		الأسبوع الشهر العام السنة عام سنة عامي لعام شهر أسبوعين يومين أيام سنوات ثلاثة
		مارس آذار كانون الثاني الأول يناير آب ماي أوت دجنبر رمضان صفر ذو الحجة ربيع
		الرابع الحادي عشر العشرين والعشرين مطلع أواخر في خلال حتى إلى و أو هـ م هجري شمسي
		الموافق دولار عام الذي قال الوزير ذلك روسيا العالمي النصف
		4 5 15 31 2015 2016 1436 1446 03 2025 ، , . : ( ) / - ؛`)
	var out []string
	x := seed
	next := func(n int) int { // xorshift64*
		x ^= x >> 12
		x ^= x << 25
		x ^= x >> 27
		return int((x * 2685821657736338717) >> 33 % uint64(n))
	}
	for range count {
		var b strings.Builder
		for k := range 1 + next(24) {
			if k > 0 && next(5) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[next(len(words))])
		}
		out = append(out, b.String())
	}
	return out
}

// writeExprs appends one line per Expr of text read against pub.
func writeExprs(buf *bytes.Buffer, r *Resolver, text string, pub time.Time) {
	for _, e := range r.Find(text, pub) {
		fmt.Fprintf(buf, "%d:%d\t%s\t%s\t%s\n", e.Start, e.End, e.Kind, e.Date, strconv.Quote(e.Text))
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update)", err, t.Name())
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got  %s\n want %s", path, i+1, g, w)
		}
	}
}

// TestFindGolden pins Find's output on the golden prose (whole and line by
// line), the generated and random texts, the benchmark text and the table
// cases, for several publication days.
func TestFindGolden(t *testing.T) {
	r := New()
	var texts []string
	texts = append(texts, goldenText)
	texts = append(texts, strings.Split(goldenText, "\n")...)
	texts = append(texts, goldenGenerated()...)
	texts = append(texts, goldenRandom()...)
	texts = append(texts, benchText)
	for _, tc := range findCases {
		texts = append(texts, tc.text)
	}
	var buf bytes.Buffer
	for i, text := range texts {
		for _, pub := range goldenPubs {
			p := "-"
			if !pub.IsZero() {
				p = pub.Format("2006-01-02")
			}
			fmt.Fprintf(&buf, "# %d %s\n", i, p)
			writeExprs(&buf, r, text, pub)
		}
	}
	checkGolden(t, "find.golden", buf.Bytes())
}

// TestFindSaudiGolden pins Find's output on the benchmark's articles: one
// line per article with the number of Exprs and a hash of them.
func TestFindSaudiGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	texts := saudiArticles(t)
	if len(texts) == 0 {
		t.Skip("corpus not available:", saudiDir)
	}
	r := New()
	pubs := []time.Time{day("2015-07-21"), {}}
	var buf, one bytes.Buffer
	for i, text := range texts {
		for _, pub := range pubs {
			one.Reset()
			writeExprs(&one, r, text, pub)
			n := bytes.Count(one.Bytes(), []byte("\n"))
			sum := sha256.Sum256(one.Bytes())
			fmt.Fprintf(&buf, "%d %t %d %x\n", i, pub.IsZero(), n, sum[:8])
		}
	}
	checkGolden(t, "saudi_find.golden", buf.Bytes())
}

// TestFindThorough checks Find's shortcuts (only starters are tried, a run
// of unknown words is one token) against the rules as written: a rule that
// starts at a word that is not a starter (wordInfo.starter), or looks past
// an unknown word, fails it.
func TestFindThorough(t *testing.T) {
	r := New()
	texts := []string{goldenText, benchText}
	texts = append(texts, strings.Split(goldenText, "\n")...)
	texts = append(texts, goldenGenerated()...)
	texts = append(texts, wordSalad(1, 5000)...)
	for _, tc := range findCases {
		texts = append(texts, tc.text)
	}
	if !testing.Short() {
		arts := saudiArticles(t)
		texts = append(texts, arts[:min(len(arts), 100)]...)
	}
	for _, text := range texts {
		for _, pub := range goldenPubs {
			got, want := r.Find(text, pub), r.find(text, pub, true)
			if !slices.Equal(got, want) {
				t.Fatalf("Find(%q, %v)\n got  %v\n want %v", text, pub, got, want)
			}
		}
	}
}
