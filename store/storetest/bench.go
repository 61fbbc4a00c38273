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

// The corpus of the 10-million-event benchmarks (run with
// RASID_BENCH_10M=1): every backend builds the same one, so that their
// timings compare. Its numbers are pseudo-random functions of the
// article's number that SQL computes as well (store/sqlite builds the
// corpus with INSERT … SELECT, and its tests check that it agrees with
// Bench10MArticle). States are skewed towards the first of the list (the
// product of two uniform draws), so a few dyads are heavy, as in news.
const (
	Bench10MArticles   = 2_000_000
	Bench10MPerArticle = 5 // events per article: 10,000,000 events
	Bench10MDays       = 4018
	Bench10MFirstDay   = "2015-01-01"
	Bench10MStates     = "MARRUSUSACHNFRADZAESPEGYSAUTURIRNISRGBRDEUITAJPNINDBRAZAFNGAKENETHQATARETUNLBYJORLBNSYRIRQYEMOMNKWTBHRSDNMRTPSEPAKAFGUKRPOLNLDBELSWENORCANMEXARGKORIDNMYS"
	Bench10MCAMEO      = "010020036040041042043051057061071100111112120130138141150163172173180190"
)

// Bench10MArticle returns article i (from 1) of the 10M corpus with its
// Bench10MPerArticle events; it has no title, text or mentions.
func Bench10MArticle(i int) store.Article {
	numStates, numCAMEO := len(Bench10MStates)/3, len(Bench10MCAMEO)/3
	first, _ := time.Parse(time.DateOnly, Bench10MFirstDay)
	h := uint64((i*2654435761)%2147483647)<<32 + uint64((i*40503+7)%4294967291)
	a := store.Article{
		Document: rasid.Document{
			ID: fmt.Sprintf("bench-%08d", i), URL: fmt.Sprintf("https://example.org/%d", i),
			Source:    fmt.Sprintf("outlet-%02d", i%20),
			Published: first.AddDate(0, 0, (i*7919)%Bench10MDays).Add(12 * time.Hour),
		},
		ContentHash: fmt.Sprintf("bh-%d", i),
		SimHash:     h,
		Events:      make([]rasid.Event, Bench10MPerArticle),
	}
	for j := range a.Events {
		n := i*Bench10MPerArticle + j
		h1 := (n*2654435761 + 97) % 1000000007
		h2 := (n*40503 + 12345) % 998244353
		si := (h1 % numStates) * ((h1 / numStates) % numStates) / numStates
		ti := (h2 % numStates) * ((h2 / numStates) % numStates) / numStates
		if ti == si {
			ti = (ti + 1) % numStates
		}
		k := (h1 / 7) % numCAMEO * 3
		code := Bench10MCAMEO[k : k+3]
		a.Events[j] = rasid.Event{
			Source: Bench10MStates[si*3 : si*3+3], SourceRole: rasid.RoleGOV,
			Target: Bench10MStates[ti*3 : ti*3+3], TargetRole: rasid.RoleGOV,
			Code: code, Root: code[:2], QuadClass: 1 + h2%4, Goldstein: float64(h1%201)/10 - 10,
			Date: a.Published.AddDate(0, 0, -j).Format(time.DateOnly), DatePrecision: rasid.PrecisionDay,
			Confidence: 0.5,
		}
	}
	return a
}
