package timex

import (
	"strings"
	"sync"
	"testing"
	"time"

	"rasid/internal/corpus"
)

// benchText is a few KB of news prose written for this benchmark: mostly
// words that are not time expressions, with the forms of every kind.
const benchText = `الرباط - أجرى وزير الشؤون الخارجية المغربي، مساء أمس الأربعاء، مباحثات هاتفية مع نظيره الإسباني، تناولت سبل تعزيز التعاون الثنائي في مجالات الهجرة والطاقة والأمن، وذلك في إطار التحضير للاجتماع رفيع المستوى المقرر عقده في مدريد خلال شهر أبريل المقبل.
وأوضح بيان صادر عن الوزارة، اليوم الخميس، أن الجانبين أشادا بمستوى العلاقات التي عرفت تطوراً ملحوظاً منذ الإعلان المشترك الموقع في 7 أبريل 2022، خلال زيارة رئيس الحكومة الإسبانية إلى الرباط، وهو الإعلان الذي أسس لمرحلة جديدة من الشراكة بين البلدين.
وكان الوزيران قد التقيا في بروكسل يوم الاثنين الماضي على هامش اجتماع وزاري، واتفقا على مواصلة التنسيق بشأن الملفات الإقليمية، ولا سيما الوضع في منطقة الساحل وليبيا.
وفي اليوم التالي، استقبل رئيس الحكومة وفداً برلمانياً أوروبياً، أكد خلاله أهمية الاستثمارات المشتركة في الطاقات المتجددة، مشيراً إلى أن حجم المبادلات التجارية بلغ خلال العام الماضي مستوى قياسياً.
وفي سياق متصل، أعلنت وزارة الداخلية، الثلاثاء، أن السلطات أحبطت منذ مطلع الشهر الجاري عدة محاولات للهجرة غير النظامية، وأوقفت 120 شخصاً، مقابل 85 شخصاً خلال الفترة نفسها من العام الماضي.
دمشق - قالت مصادر رسمية إن وزير الخارجية السوري سيزور عمّان غداً الجمعة، في أول زيارة من نوعها منذ عام 2011، على أن يلتقي نظيره الأردني لبحث ملفي اللاجئين والمعابر الحدودية. وكانت الحكومتان قد وقعتا اتفاقاً للتعاون في مجال النقل في كانون الثاني/يناير الماضي، ثم عقدتا جولة ثانية من المحادثات في 15 شباط 2025.
الجزائر - أعلنت الرئاسة الجزائرية، في بيان صدر ليل الأحد إلى الاثنين، استدعاء سفيرها لدى باريس للتشاور، بعد تصريحات وصفتها بأنها "تدخل سافر في الشؤون الداخلية". ويأتي القرار بعد أزمة مماثلة اندلعت في جويلية 2024، حين سحبت الجزائر سفيرها احتجاجاً على موقف فرنسي، قبل أن يعود في شهر نوفمبر من العام نفسه.
تونس - شهدت العاصمة يوم 3 مارس وقفة احتجاجية نظمتها نقابات قطاع التعليم للمطالبة بتحسين الأجور، فيما دعا الاتحاد العام التونسي للشغل إلى إضراب عام يومي 18 و19 مارس الجاري. وقال الأمين العام للاتحاد، الأربعاء، إن المفاوضات مع الحكومة متوقفة منذ أسبوعين.
الرياض 6 رمضان 1446 هـ - وصل إلى الرياض اليوم وفد رسمي برئاسة وزير الخارجية، في زيارة تستمر يومين، يجري خلالها مباحثات مع المسؤولين السعوديين حول التحضيرات لموسم الحج لعام 1446 هـ، والتعاون الاقتصادي الذي شهد نمواً كبيراً منذ 2016 وفق أرقام رسمية نشرت قبل ثلاثة أيام.
وبحسب الأرقام الصادرة في 2025/02/27، ارتفع حجم الصادرات غير النفطية بنسبة 12 في المائة مقارنة بالفترة ذاتها من عام 2023، وهو ما اعتبره المسؤولون مؤشراً على نجاح خطط التنويع الاقتصادي التي أطلقت قبل عامين.
الرباط - أفاد بلاغ لوزارة الاقتصاد والمالية بأن مشروع قانون المالية لسنة 2026 سيعرض على البرلمان في أكتوبر المقبل، بعد استكمال المشاورات مع الفرقاء الاجتماعيين التي انطلقت في 22 دجنبر 2024 وتواصلت إلى غاية 30 يناير الماضي.
`

func BenchmarkFind(b *testing.B) {
	r := New()
	pub := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(benchText, pub)
	}
}

// saudiDir holds the SaudiNewsNet corpus: zips of one JSON array of
// articles each.
const saudiDir = "../../shared/corpus/saudinewsnet"

// saudiLimit bounds the article text loaded for the benchmark.
const saudiLimit = 4 << 20

var saudi struct {
	once  sync.Once
	texts []string
	err   error
}

// saudiArticles returns the contents of the first articles of the corpus,
// in file order, up to saudiLimit bytes in all; nil when the corpus is
// absent.
func saudiArticles(tb testing.TB) []string {
	tb.Helper()
	saudi.once.Do(func() {
		saudi.texts, saudi.err = corpus.SaudiNewsNet(saudiDir, saudiLimit)
	})
	if saudi.err != nil {
		tb.Fatal(saudi.err)
	}
	return saudi.texts
}

// saudiBench readies a benchmark over the SaudiNewsNet articles, skipping
// it when the corpus is absent: the texts, a Resolver and the publication
// day, with bytes set to the articles' whole length.
func saudiBench(b *testing.B) ([]string, *Resolver, time.Time) {
	texts := saudiArticles(b)
	if len(texts) == 0 {
		b.Skip("corpus not available:", saudiDir)
	}
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	return texts, New(), time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
}

// BenchmarkFindSaudiNewsNet runs Find over up to 4 MB of real articles.
func BenchmarkFindSaudiNewsNet(b *testing.B) {
	texts, r, pub := saudiBench(b)
	for b.Loop() {
		for _, t := range texts {
			r.Find(t, pub)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New()
	}
}

func TestBenchTextFinds(t *testing.T) {
	// The benchmark text exercises most kinds; keep it so.
	kinds := map[string]bool{}
	for _, e := range New().Find(benchText, day(thursday)) {
		kinds[e.Kind] = true
	}
	for _, k := range []string{KindYesterday, KindToday, KindTomorrow, KindWeekday, KindNextDay,
		KindRelativeDay, KindRelativeWeek, KindRelativeMonth, KindRelativeYear, KindExplicit, KindYear, KindHijri} {
		if !kinds[k] {
			t.Errorf("benchmark text has no %s expression", k)
		}
	}
}

// TestFindLongInput guards against quadratic matching on long runs of
// near-misses ("1 و 1 و 1 و ...").
func TestFindLongInput(t *testing.T) {
	r := New()
	for _, unit := range []string{"1 و ", "1-", "الحادي و", "عام 2016 و", "، الأحد", "2025/", "4 من ", "يومي "} {
		text := strings.Repeat(unit, 20000)
		start := time.Now()
		r.Find(text, day(thursday))
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%q x 20000 took %v", unit, d)
		}
	}
}

// BenchmarkFinderSaudiNewsNet asks a Finder for the expressions of the
// first half of each article, as the coder asks for those up to the act
// it dates: MB/s of the whole articles.
func BenchmarkFinderSaudiNewsNet(b *testing.B) {
	texts, r, pub := saudiBench(b)
	for b.Loop() {
		for _, t := range texts {
			r.NewFinder(t, pub).Until(len(t) / 2)
		}
	}
}
