package storetest

import (
	"fmt"
	"strings"
	"time"

	"rasid"
	"rasid/arabic"
	"rasid/store"
)

// Analyzer is the analyzer the suite expects the store under test to be
// built with: the Stem of the normalised form of every Arabic word, and
// the normalised form of Latin words and numbers. With it a search for
// "مغربية" finds "المغرب" (both stem to مغرب).
func Analyzer(text string) []string {
	var terms []string
	for _, tok := range arabic.Tokenize(text) {
		switch tok.Kind {
		case arabic.Word:
			terms = append(terms, arabic.Stem(tok.Norm))
		case arabic.Latin, arabic.Number:
			terms = append(terms, tok.Norm)
		}
	}
	return terms
}

// SimHashes of the fixture: h1 and three variants at known distances.
const (
	h1 uint64 = 0x0123_4567_89AB_CDEF
	h2        = h1 ^ 0x7                   // distance 3, shares bands 0-2
	h3        = h1 ^ 0x00FF_0000_0003_0000 // distance 10, shares bands 1 and 3
	h4        = ^h1                        // distance 64, shares no band
)

var (
	casablanca = time.FixedZone("+01", 3600)
	riyadh     = time.FixedZone("+03", 3*3600)
)

// span returns the span of the first sub in text; it panics if there is
// none, which is a bug in the fixture.
func span(text, sub string) rasid.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("fixture: %q not in %q", sub, text))
	}
	return rasid.Span{Start: i, End: i + len(sub), Text: sub}
}

// mention makes a mention of the first sub in text.
func mention(text, sub, code, role, kind string) rasid.Mention {
	s := span(text, sub)
	return rasid.Mention{Text: sub, Code: code, Role: role, Kind: kind, Start: s.Start, End: s.End}
}

// ev makes an event; evidence is the first evidence in text ("" for none).
func ev(text, source, target, code string, quad int, goldstein float64, date, evidence string) rasid.Event {
	e := rasid.Event{
		Source: source, SourceRole: rasid.RoleGOV, Target: target, TargetRole: rasid.RoleGOV,
		Code: code, Root: code[:2], QuadClass: quad, Goldstein: goldstein, Date: date,
		DatePrecision: rasid.PrecisionDay, Confidence: 0.8,
	}
	switch len(date) {
	case 4:
		e.DatePrecision = rasid.PrecisionYear
	case 7:
		e.DatePrecision = rasid.PrecisionMonth
	case 0:
		e.DatePrecision = ""
	}
	if evidence != "" {
		e.Evidence = span(text, evidence)
	}
	return e
}

// fixEvent is what the suite expects of a fixture event: the day it is
// filed under. An event is known by its article and code.
type fixEvent struct {
	article, code string
	day           string
}

// fixtureDays are the days of the fixture's events (the first day of the
// date, or the publication day when there is no date).
var fixtureDays = []fixEvent{
	{"a1", "041", "2025-03-04"},
	{"a1", "051", "2025-03-04"},
	{"a1", "057", "2016-01-01"},
	{"a2", "112", "2025-03-09"},
	{"a3", "057", "2025-02-14"},
	{"a3", "061", "2025-02-14"},
	{"a4", "130", "2025-01-20"},
	{"a5", "036", "2024-12-01"},
	{"a6", "020", "2025-03-05"},
	{"a6", "010", "2025-03-05"},
}

// fixture returns six articles written for the suite, with ten events
// between MAR, RUS, DZA, FRA, ESP, UKR and EU.
func fixture() []store.Article {
	t1 := "الرباط – أجرى وزير الشؤون الخارجية ناصر بوريطة، يوم الثلاثاء، اتصالا هاتفيا مع نظيره سيرغي لافروف. " +
		"وأشاد الوزيران بتقدم العلاقات المغربية الروسية منذ الشراكة الاستراتيجية المعمقة الموقعة سنة 2016."
	a1 := store.Article{
		Document: rasid.Document{
			ID: "a1", URL: "https://example.ma/a1", Source: "هسبريس",
			Title:     "بوريطة ولافروف يبحثان العلاقات الثنائية",
			Published: time.Date(2025, 3, 6, 9, 30, 0, 0, casablanca), Text: t1, Lang: "ar",
		},
		ContentHash: "h-a1", SimHash: h1, Sources: []string{"Le360", "هسبريس"},
		Mentions: []rasid.Mention{
			mention(t1, "ناصر بوريطة", "MAR", rasid.RoleGOV, rasid.KindPerson),
			mention(t1, "سيرغي لافروف", "RUS", rasid.RoleGOV, rasid.KindPerson),
		},
	}
	e := ev(t1, "MAR", "RUS", "041", 1, 1.0, "2025-03-04", "أجرى وزير الشؤون الخارجية ناصر بوريطة، يوم الثلاثاء، اتصالا هاتفيا مع نظيره سيرغي لافروف")
	e.SourceText, e.TargetText, e.Symmetric, e.Plover = "ناصر بوريطة", "سيرغي لافروف", true, "CONSULT"
	a1.Events = append(a1.Events, e)
	e = ev(t1, "MAR", "RUS", "051", 1, 3.4, "2025-03-04", "وأشاد الوزيران بتقدم العلاقات المغربية الروسية")
	e.Sentence, e.Symmetric = 1, true
	a1.Events = append(a1.Events, e)
	e = ev(t1, "MAR", "RUS", "057", 1, 8.0, "2016", "الشراكة الاستراتيجية المعمقة الموقعة سنة 2016")
	e.Sentence, e.Historical = 1, true
	e.Evidence.Text = "" // offsets only: the store takes the text from the article
	a1.Events = append(a1.Events, e)

	t2 := "استدعت وزارة الخارجية الجزائرية سفير فرنسا لدى الجزائر، واتهمت باريس بالتدخل في الشؤون الداخلية."
	a2 := store.Article{
		Document: rasid.Document{
			ID: "a2", URL: "https://example.com/a2", Source: "الشرق الأوسط",
			Title:     "الجزائر تستدعي سفير فرنسا",
			Published: time.Date(2025, 3, 10, 8, 0, 0, 0, riyadh), Text: t2,
		},
		ContentHash: "h-a2", SimHash: h2,
		Events: []rasid.Event{ev(t2, "DZA", "FRA", "112", 3, -2.0, "2025-03-09", "واتهمت باريس بالتدخل في الشؤون الداخلية")},
	}

	t3 := "وقع المغرب وإسبانيا اتفاقية للتعاون في مجال الطاقة المتجددة. وستمول مدريد مشاريع للربط الكهربائي."
	a3 := store.Article{
		Document: rasid.Document{
			ID: "a3", Source: "Le360", Title: "اتفاقية طاقة بين الرباط ومدريد",
			Published: time.Date(2025, 2, 15, 0, 0, 0, 0, time.UTC), Text: t3,
		},
		ContentHash: "h-a3", SimHash: h3,
		Events: []rasid.Event{
			ev(t3, "MAR", "ESP", "057", 1, 8.0, "2025-02-14", "وقع المغرب وإسبانيا اتفاقية للتعاون في مجال الطاقة المتجددة"),
			ev(t3, "ESP", "MAR", "061", 2, 6.4, "2025-02-14", "وستمول مدريد مشاريع للربط الكهربائي"),
		},
	}

	t4 := "هددت روسيا بفرض عقوبات جديدة على أوكرانيا."
	a4 := store.Article{
		Document: rasid.Document{
			ID: "a4", Title: "تهديد روسي لكييف",
			Published: time.Date(2025, 1, 20, 23, 30, 0, 0, riyadh), Text: t4,
		},
		ContentHash: "h-a4", SimHash: h4,
		// No date and no evidence: filed under the publication day (in
		// its own zone), found through the article's text.
		Events: []rasid.Event{ev(t4, "RUS", "UKR", "130", 3, -4.4, "", "")},
	}

	t5 := "أعلنت موسكو عزمها استقبال بعثة مغربية في ديسمبر المقبل."
	a5 := store.Article{
		Document: rasid.Document{
			ID: "a5", Title: "زيارة مرتقبة", Published: time.Date(2024, 11, 28, 10, 0, 0, 0, time.UTC), Text: t5,
		},
		Events: []rasid.Event{ev(t5, "RUS", "MAR", "036", 1, 4.0, "2024-12", t5[:len(t5)-1])},
	}

	t6 := "دعا الاتحاد الأوروبي المغرب إلى تعزيز التعاون في مجال الهجرة. وأكد المغرب التزامه بذلك."
	a6 := store.Article{
		Document: rasid.Document{
			ID: "a6", URL: "https://example.eu/a6", Title: "بروكسل تدعو الرباط",
			Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC), Text: t6,
		},
		ContentHash: "h-a6",
		Mentions: []rasid.Mention{
			mention(t6, "الاتحاد الأوروبي", "EU", "", rasid.KindOrganisation),
		},
		Events: []rasid.Event{
			ev(t6, "EU", "MAR", "020", 1, 3.0, "2025-03-05", "دعا الاتحاد الأوروبي المغرب إلى تعزيز التعاون في مجال الهجرة"),
			ev(t6, "MAR", "MAR", "010", 1, 0.0, "2025-03-05", "وأكد المغرب التزامه بذلك"),
		},
	}
	return []store.Article{a1, a2, a3, a4, a5, a6}
}
