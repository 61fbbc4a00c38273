package storetest

import (
	"fmt"
	"time"

	"rasid"
	"rasid/store"
)

// BenchArticles returns n articles of perArticle events each, numbered
// from first, between a dozen states over 2015-2025: the articles every
// backend's PutArticles benchmark stores, so that their figures compare.
// Articles of different numbers differ in id, content hash and SimHash.
func BenchArticles(first, n, perArticle int) []store.Article {
	codes := []string{"MAR", "RUS", "DZA", "FRA", "ESP", "USA", "CHN", "EGY", "SAU", "TUR", "IRN", "ISR"}
	out := make([]store.Article, n)
	for k := range out {
		i := first + k
		text := fmt.Sprintf("استقبل وزير الخارجية المغربي نظيره الروسي في الرباط يوم %d، وبحث الجانبان تعزيز التعاون الاقتصادي والتنسيق بشأن القضايا الإقليمية.", i)
		a := store.Article{
			Document: rasid.Document{
				ID: fmt.Sprintf("syn-%08d", i), URL: fmt.Sprintf("https://example.org/%d", i), Source: "هسبريس",
				Title: "لقاء ثنائي", Text: text, Published: time.Date(2015, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, i%4000),
			},
			ContentHash: fmt.Sprintf("hash-%08d", i),
			SimHash:     uint64(i+1) * 0x9E37_79B9_7F4A_7C15,
		}
		for j := range perArticle {
			a.Events = append(a.Events, rasid.Event{
				Source: codes[(i+j)%len(codes)], SourceRole: rasid.RoleGOV,
				Target: codes[(i*7+j+1)%len(codes)], TargetRole: rasid.RoleGOV,
				Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Plover: "CONSULT",
				Date: a.Published.AddDate(0, 0, -j).Format(time.DateOnly), DatePrecision: rasid.PrecisionDay,
				Evidence: rasid.Span{Start: 0, End: len(text)}, Confidence: 0.9,
			})
		}
		out[k] = a
	}
	return out
}
