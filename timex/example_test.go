package timex_test

import (
	"fmt"
	"time"

	"rasid/timex"
)

func Example() {
	r := timex.New()
	published := time.Date(2025, 3, 6, 9, 0, 0, 0, time.UTC) // a Thursday
	text := "أجرى ناصر بوريطة، يوم الثلاثاء، اتصالاً هاتفياً مع سيرغي لافروف، " +
		"منذ توقيع الشراكة الاستراتيجية في عام 2016. وفي اليوم التالي استقبل " +
		"الوزير نظيره، على أن يلتقيا مجدداً في 20 آذار/مارس."
	for _, e := range r.Find(text, published) {
		fmt.Printf("%-10s %-11s %-6s %s\n", e.Kind, e.Date, e.Date.Precision, e.Text)
	}
	// Output:
	// weekday    2025-03-04  day    يوم الثلاثاء
	// year       2016        year   عام 2016
	// next-day   2025-03-05  day    اليوم التالي
	// explicit   2025-03-20  day    20 آذار/مارس
}

func ExampleHijriToGregorian() {
	fmt.Println(timex.HijriToGregorian(1446, 9, 1).Format("2006-01-02")) // 1 Ramadan 1446
	// Output: 2025-03-01
}
