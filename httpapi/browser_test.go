package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary ($RASID_CHROME
// first, then chromium, chromium-browser, google-chrome and
// google-chrome-stable in PATH), or "".
func chromium() string {
	if p := os.Getenv("RASID_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotPath is where the browser test saves its screenshot of name:
// $RASID_SCREENSHOT (a .png file for the event view, whose folder takes
// the others too), or the test's temporary folder.
func screenshotPath(t *testing.T, name string) string {
	if p := os.Getenv("RASID_SCREENSHOT"); p != "" {
		if name == "event" {
			return p
		}
		return strings.TrimSuffix(p, filepath.Ext(p)) + "-" + name + ".png"
	}
	return filepath.Join(t.TempDir(), name+".png")
}

// TestBrowser drives the page in a real headless Chromium over the demo
// corpus: the overview loads, a search finds articles, a dyad shows its
// chart and events, an event opens its article with the evidence marked
// (also after a character outside the BMP, where UTF-8 byte offsets and
// UTF-16 string indices part), and a text is coded from the page.
func TestBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("browser test skipped: no chromium, chromium-browser or google-chrome in PATH (apt-get install chromium, or set $RASID_CHROME)")
	}
	start := time.Now()
	const token = "browser-test-token"
	st := openStore(t, demoDocs(t))
	ts := startServer(t, newServer(t, st, token))

	// An article whose evidence follows an emoji and a mathematical letter
	// (four UTF-8 bytes, two UTF-16 units each).
	tricky := `{"id":"utf16-check","published":"2025-10-20","title":"اختبار الإزاحات 😀","text":"اختبار الإزاحات 😀 𝕏 🇲🇦\nأجرى وزير الشؤون الخارجية المغربي ناصر بوريطة، أمس الأحد، اتصالاً هاتفياً مع نظيره الروسي سيرغي لافروف، تناول العلاقات الثنائية."}`
	status, body, _ := do(t, http.DefaultClient, "POST", ts.URL+"/api/articles", tricky,
		map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token})
	if status != http.StatusCreated {
		t.Fatalf("posting the UTF-16 check article: %d %s", status, body)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// The first Run starts the browser and must not carry a timeout.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1440, 1000)); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	// Collect what the page writes to its console: errors fail the test.
	var mu sync.Mutex
	var problems []string
	msgs := chromedp.Console(bctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, strings.TrimSpace(m.String()+" "+m.URL))
				mu.Unlock()
			}
		}
	}()
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	shoot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		p := screenshotPath(t, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of the %s view: %s", name, p)
	}

	// The overview: right to left, the counts and the charts.
	run("loading the page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#chart-months canvas")),
		chromedp.Poll[chromedp.Void](`document.querySelector("#stat-events").textContent !== "—"`),
	)
	dir, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).direction + " " + document.documentElement.lang`))
	if err != nil || dir != "rtl ar" {
		t.Errorf("direction and language = %q, %v; want rtl ar", dir, err)
	}
	if got := text("#stat-articles"); got == "0" || got == "—" {
		t.Errorf("articles count shows %q", got)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#top-dyads li").length`)); n == 0 {
		t.Error("no top dyads on the overview")
	}
	shoot("overview")

	// Search: type a query in the box, see hits with the word marked.
	run("searching",
		chromedp.SendKeys(chromedp.CSS("#search-q"), "بوريطة"),
		chromedp.Click(chromedp.CSS(`#search-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#search-results li.hit")),
	)
	if hits := text("#search-results"); !strings.Contains(hits, "بوريطة") {
		t.Errorf("search hits do not show the query: %.200q", hits)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#search-results mark").length`)); n == 0 {
		t.Error("search hits mark no word")
	}
	shoot("search")

	// A dyad: pick two states in the form, wait for the chart's canvas
	// and the dyad's events.
	run("opening a dyad",
		chromedp.Click(chromedp.CSS(`.tabs a[data-view="dyad"]`)),
		chromedp.WaitVisible(chromedp.CSS("#dyad-form")),
		chromedp.SetValue(chromedp.CSS("#d-a"), "MAR"),
		chromedp.SetValue(chromedp.CSS("#d-b"), "ESP"),
		chromedp.Click(chromedp.CSS(`#dyad-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#chart-dyad canvas")),
		chromedp.WaitVisible(chromedp.CSS("#dyad-events tbody td.evidence a")),
	)
	if title := text("#dyad-title"); !strings.Contains(title, "المغرب") || !strings.Contains(title, "إسبانيا") {
		t.Errorf("dyad title = %q, want both states", title)
	}
	shoot("dyad")

	// An event from the dyad's list: its article with the evidence marked.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#dyad-events tbody td.evidence a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimPrefix(href, "#event/")
	want := eventEvidence(t, ts.URL, id)
	run("opening an event",
		chromedp.Click(chromedp.CSS("#dyad-events tbody td.evidence a")),
		chromedp.WaitVisible(chromedp.CSS(`#event-text mark.evidence#evidence[data-event="`+id+`"]`)),
	)
	if got := text("#evidence"); got != want {
		t.Errorf("event %s: the evidence <mark> holds\n%q\nwant\n%q", id, got, want)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#event-text mark.mention").length`)); n == 0 {
		t.Error("no actor mention is marked in the article")
	}
	run("settling", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	shoot("event")

	// The event after characters outside the BMP.
	page := eventsOf(t, ts.URL, "utf16-check")
	if len(page) == 0 {
		t.Fatal("the UTF-16 check article yielded no event")
	}
	// The same document at another fragment: wait for this event's mark,
	// not the previous one's.
	run("opening the UTF-16 check event",
		chromedp.Navigate(fmt.Sprintf("%s/#event/%d", ts.URL, page[0])),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#evidence[data-event="%d"]`, page[0]))),
	)
	if got, want := text("#evidence"), eventEvidence(t, ts.URL, fmt.Sprint(page[0])); got != want {
		t.Errorf("after an emoji, the evidence <mark> holds\n%q\nwant\n%q", got, want)
	}
	for _, m := range []string{"المغربي", "الروسي"} {
		if got := text("#evidence"); !strings.Contains(got, m) {
			t.Errorf("evidence %q lacks %q", got, m)
		}
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#event-text mark.mention")].map(m => m.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if !containsSubstring(marks, "بوريطة") || !containsSubstring(marks, "لافروف") {
		t.Errorf("mentions marked after an emoji: %q; want the two ministers", marks)
	}

	// Code a text from the page.
	run("coding a text",
		chromedp.Click(chromedp.CSS(`.tabs a[data-view="code"]`)),
		chromedp.WaitVisible(chromedp.CSS("#code-text")),
		chromedp.Click(chromedp.CSS(`#code-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#code-events tbody tr")),
	)
	if got := text("#code-events"); !strings.Contains(got, "041") {
		t.Errorf("coded events of the sample text lack 041: %.300q", got)
	}
	shoot("code")

	// The network of states.
	run("opening the network",
		chromedp.Click(chromedp.CSS(`.tabs a[data-view="network"]`)),
		chromedp.WaitVisible(chromedp.CSS("#network-graph canvas")),
	)
	shoot("network")

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("browser test took %v", time.Since(start).Round(time.Millisecond))
}

func containsSubstring(ss []string, sub string) bool {
	for _, s := range ss {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// eventEvidence asks the API for the evidence text of event id.
func eventEvidence(t *testing.T, base, id string) string {
	t.Helper()
	status, body, _ := do(t, http.DefaultClient, "GET", base+"/api/events/"+id, "", nil)
	if status != http.StatusOK {
		t.Fatalf("GET /api/events/%s: %d %s", id, status, body)
	}
	var d struct {
		Event struct {
			Evidence struct {
				Start, End int
				Text       string
			}
		}
		Article struct{ Text string }
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	ev := d.Event.Evidence
	if got := d.Article.Text[ev.Start:ev.End]; got != ev.Text {
		t.Fatalf("event %s: the article's bytes [%d,%d) are %q, the evidence %q", id, ev.Start, ev.End, got, ev.Text)
	}
	return ev.Text
}

// eventsOf returns the ids of the events of article id.
func eventsOf(t *testing.T, base, id string) []int64 {
	t.Helper()
	status, body, _ := do(t, http.DefaultClient, "GET", base+"/api/articles/"+id, "", nil)
	if status != http.StatusOK {
		t.Fatalf("GET /api/articles/%s: %d %s", id, status, body)
	}
	var a struct{ Events []struct{ ID int64 } }
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range a.Events {
		ids = append(ids, e.ID)
	}
	return ids
}
