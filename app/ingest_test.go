package app_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/app"
	"rasid/ingest"
	"rasid/store"
)

// corpus writes n distinct short articles as JSONL, with the states and
// acts varied so that none is a near-duplicate of another.
func corpus(n int) string {
	states := []string{"المغرب", "الجزائر", "تونس", "مصر", "روسيا", "فرنسا", "إسبانيا", "الأردن", "قطر", "تركيا", "إيطاليا", "ألمانيا"}
	acts := []string{"استقبل وزير الخارجية المغربي ناصر بوريطة، أمس الثلاثاء، سفير %s في الرباط وبحث معه سبل تعزيز التعاون في مجال %s.",
		"نددت وزارة الخارجية الجزائرية، اليوم، بالهجوم الذي استهدف بعثة %s، مؤكدة رفضها لكل أشكال العنف في ملف %s.",
		"وقعت تونس و%s، أمس، اتفاقية للتعاون في مجال %s خلال اجتماع اللجنة المشتركة.",
		"دعا الأمين العام للأمم المتحدة %s إلى ضبط النفس ومواصلة الحوار بشأن %s."}
	topics := []string{"الطاقة المتجددة", "النقل البحري", "الصحة", "التعليم العالي", "الأمن الغذائي", "المياه", "السياحة", "الهجرة", "الزراعة", "الاتصالات", "البحث العلمي"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		text := fmt.Sprintf(acts[i%len(acts)], states[(i/4)%len(states)], topics[(i/7)%len(topics)])
		text += fmt.Sprintf(" وجاء ذلك في إطار الدورة رقم %d للقاءات الثنائية بين الجانبين، وفق بيان رسمي حمل الرقم %d.", i+1, 1000+i*7)
		fmt.Fprintf(&b, "{\"id\":\"t-%05d\",\"published\":\"2024-05-%02d\",\"source\":\"outlet-%d\",\"text\":%q}\n", i, 1+i%28, i%3, text)
	}
	return b.String()
}

func openTemp(t *testing.T) store.Store {
	t.Helper()
	st, err := app.OpenStore(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(in, []byte(corpus(120)), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openTemp(t)
	c, _, err := app.NewCoder(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The generated articles share their wording: near-duplicate
	// detection is off here (it has its own test).
	first, err := app.Ingest(ctx, st, c, []string{in}, nil, app.IngestOptions{BatchSize: 17, NearDistance: -1})
	if err != nil {
		t.Fatal(err)
	}
	if first.Read != 120 || first.New != 120 || first.Events == 0 {
		t.Fatalf("first run: %+v", first)
	}
	s1, _ := st.Stats(ctx)
	second, err := app.Ingest(ctx, st, c, []string{in}, nil, app.IngestOptions{NearDistance: -1})
	if err != nil {
		t.Fatal(err)
	}
	if second.New != 0 || second.Duplicate != 120 {
		t.Fatalf("second run added something: %+v", second)
	}
	s2, _ := st.Stats(ctx)
	if s1.Articles != s2.Articles || s1.Events != s2.Events {
		t.Fatalf("stats changed: %+v → %+v", s1, s2)
	}
}

// TestIngestMixedFolder: good files, invalid UTF-8, binary junk, an empty
// file, a malformed JSONL line, a truncated WARC and a file over the size
// cap: every good article stored, every bad input named with its reason.
func TestIngestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("استقبل الملك محمد السادس، أمس الأربعاء، الرئيس الموريتاني محمد ولد الشيخ الغزواني بالقصر الملكي."))
	good := corpus(5)
	lines := strings.Split(strings.TrimSpace(good), "\n")
	lines = append(lines[:2], append([]string{`{"id":"bad", "text": }`}, lines[2:]...)...)
	write("items.jsonl", []byte(strings.Join(lines, "\n")+"\n"))
	write("latin1.txt", []byte{0xe9, 0xe8, 0xff, 0xfe, 0x41, 0xe0, 0xf1, 0xfa, 0xfb, 0xfc, 0xfd, 0xe9, 0xe8, 0xff})
	write("junk.txt", bytes.Repeat([]byte{0, 1, 2, 3, 0xff, 0x10}, 500))
	write("empty.txt", nil)
	write("cut.warc", []byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>مقال"))
	big := make([]byte, 0, 51<<20)
	for len(big) < 50<<20 {
		big = append(big, "نص طويل جدا يتكرر في ملف كبير. "...)
	}
	write("big.txt", big)
	write("scan.pdf", []byte("%PDF-1.7"))
	st := openTemp(t)
	c, _, _ := app.NewCoder(nil)
	sum, err := app.Ingest(context.Background(), st, c, []string{dir}, nil, app.IngestOptions{NearDistance: -1, Read: ingest.Options{Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)}})
	if !errors.Is(err, app.ErrSomeFailed) {
		t.Fatalf("want ErrSomeFailed, got %v", err)
	}
	if sum.New != 6 {
		t.Errorf("stored %d articles, want the 6 good ones; summary %+v", sum.New, sum)
	}
	want := []string{"items.jsonl:3", "latin1.txt", "empty.txt", "cut.warc", "big.txt", "junk.txt"}
	got := ""
	for _, f := range sum.Failures {
		got += f.Where + ": " + f.Reason + "\n"
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("no failure reported for %s; failures:\n%s", w, got)
		}
	}
	// A file of a kind rasid does not read is not a failure, but named.
	if sum.NotRead != 1 || len(sum.NotReadFiles) != 1 || filepath.Base(sum.NotReadFiles[0].Where) != "scan.pdf" ||
		sum.NotReadFiles[0].Reason != "unknown extension .pdf" {
		t.Errorf("not read: %d %+v, want scan.pdf (unknown extension .pdf)", sum.NotRead, sum.NotReadFiles)
	}
}

// TestIngestNearDuplicate: a wire story carried by a second outlet under
// another headline and with a sentence added is stored once, with two
// sources.
func TestIngestNearDuplicate(t *testing.T) {
	body := "أجرى وزير الخارجية المصري بدر عبد العاطي، أمس الثلاثاء، اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي، تناول تطورات الأوضاع في المنطقة وسبل تعزيز التنسيق بين البلدين في مختلف المجالات، وأكد الوزيران أهمية مواصلة التشاور الثنائي بشأن القضايا الإقليمية ذات الاهتمام المشترك."
	a := fmt.Sprintf("{\"id\":\"w1\",\"published\":\"2025-03-05\",\"source\":\"وكالة أ\",\"text\":%q}\n", "عبد العاطي والصفدي يبحثان التنسيق\n"+body)
	b := fmt.Sprintf("{\"id\":\"w2\",\"published\":\"2025-03-05\",\"source\":\"صحيفة ب\",\"text\":%q}\n", "اتصال مصري أردني\n"+body+" ويأتي الاتصال في إطار التشاور المستمر بين القاهرة وعمّان.")
	// w3 repeats w1 word for word: an exact copy.
	c3 := fmt.Sprintf("{\"id\":\"w3\",\"published\":\"2025-03-05\",\"source\":\"موقع ج\",\"text\":%q}\n", "عبد العاطي والصفدي يبحثان التنسيق\n"+body)
	in := filepath.Join(t.TempDir(), "w.jsonl")
	if err := os.WriteFile(in, []byte(a+b+c3), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, _ := app.NewCoder(nil)
	ctx := context.Background()
	// Into an empty database the run finds copies in its own index only;
	// into one that holds other articles it looks each up in the store
	// too. Both must find the same.
	for _, prestored := range []bool{false, true} {
		t.Run(fmt.Sprintf("prestored=%v", prestored), func(t *testing.T) {
			st := openTemp(t)
			if prestored {
				if _, _, err := st.PutArticle(ctx, store.Article{Document: rasid.Document{ID: "other", Text: "نص آخر لا علاقة له بالاتصال"}}); err != nil {
					t.Fatal(err)
				}
			}
			sum, err := app.Ingest(ctx, st, c, []string{in}, nil, app.IngestOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.New != 1 || sum.NearDuplicate != 1 || sum.Duplicate != 1 {
				t.Fatalf("want 1 new, 1 duplicate and 1 near-duplicate, got %+v", sum)
			}
			art, err := st.Article(ctx, "w1")
			if err != nil {
				t.Fatal(err)
			}
			if art.NumSources != 3 || art.NumArticles != 3 {
				t.Errorf("the story has %d sources and %d articles, want 3 and 3", art.NumSources, art.NumArticles)
			}
		})
	}
}
