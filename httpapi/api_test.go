package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"rasid"
	"rasid/store"
)

// scenario is one request to the API and what the answer must be.
type scenario struct {
	name   string
	method string // GET when empty
	url    string // {event} is replaced by the id of the fixture's 041 event
	body   string
	header map[string]string
	status int
	// contains are substrings of the body; absent must not occur.
	contains []string
	absent   []string
	// check looks further into the decoded answer.
	check func(t *testing.T, body []byte, h http.Header)
}

var jsonCT = map[string]string{"Content-Type": "application/json"}

func runScenarios(t *testing.T, base string, scenarios []scenario, vars map[string]string) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			method := sc.method
			if method == "" {
				method = http.MethodGet
			}
			u := sc.url
			for k, v := range vars {
				u = strings.ReplaceAll(u, "{"+k+"}", v)
			}
			status, body, h := do(t, http.DefaultClient, method, base+u, sc.body, sc.header)
			if status != sc.status {
				t.Fatalf("%s %s: status %d, want %d; body %.400s", method, u, status, sc.status, body)
			}
			if strings.HasPrefix(u, "/api/") && method != http.MethodHead {
				if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type %q, want JSON", ct)
				}
				if !json.Valid(body) {
					t.Errorf("body is not JSON: %.200s", body)
				}
			}
			if status >= 400 && strings.HasPrefix(u, "/api/") {
				checkErrorBody(t, status, body)
			}
			for _, s := range sc.contains {
				if !strings.Contains(string(body), s) {
					t.Errorf("body lacks %q: %.600s", s, body)
				}
			}
			for _, s := range sc.absent {
				if strings.Contains(string(body), s) {
					t.Errorf("body holds %q: %.600s", s, body)
				}
			}
			if sc.check != nil {
				sc.check(t, body, h)
			}
		})
	}
}

// checkErrorBody checks the shape of a failure: {"error":{"code","message"}}
// with the code of the status.
func checkErrorBody(t *testing.T, status int, body []byte) {
	t.Helper()
	var e struct {
		Error *struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("error body %q is not {\"error\":{\"code\",\"message\"}}", body)
	}
	want := map[int]string{400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "not_found",
		405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type", 500: "internal"}[status]
	if e.Error.Code != want {
		t.Errorf("status %d with code %q, want %q", status, e.Error.Code, want)
	}
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %.200s: %v", body, err)
	}
	return v
}

// events decodes a page of GET /api/events.
func events(t *testing.T, body []byte) eventsPage { return decode[eventsPage](t, body) }

// wantEvents checks a page: n events, each passing ok.
func wantEvents(n int, ok func(rasid.Event) bool) func(*testing.T, []byte, http.Header) {
	return func(t *testing.T, body []byte, _ http.Header) {
		t.Helper()
		p := events(t, body)
		if len(p.Events) != n {
			t.Errorf("%d events, want %d: %s", len(p.Events), n, body)
		}
		for _, e := range p.Events {
			if e.ID <= 0 || e.ArticleID == "" {
				t.Errorf("event without id or article_id: %+v", e)
			}
			if ok != nil && !ok(e) {
				t.Errorf("event %d %s %s→%s %s does not match the filter", e.ID, e.Code, e.Source, e.Target, e.Date)
			}
		}
	}
}

// fixture serves the articles of testdata through a store filled by the
// coder. The five articles yield eight events: MAR→RUS 041 and 051
// (2025-04-09), DZA→FRA 161 and 111 (2025-05-19), EGY→SDN 057 and 043
// (2025-06-03), MAR→RUS 043 and 057 (2025-06-14); the fifth (weather)
// none.
func fixture(t *testing.T, token string) (string, map[string]string) {
	t.Helper()
	st := openStore(t, fixtureDocs(t))
	ts := startServer(t, newServer(t, st, token))
	page, err := st.Events(context.Background(), store.EventFilter{Code: "041"})
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("the fixture's 041 event: %v %v", page.Events, err)
	}
	return ts.URL, map[string]string{"event": fmt.Sprint(page.Events[0].ID)}
}

func TestAPI(t *testing.T) {
	base, vars := fixture(t, "")
	big := `{"text":"` + strings.Repeat("ا", DefaultMaxBody/2+1) + `"}` // 2 bytes a letter: over 1 MiB
	scenarios := []scenario{
		{name: "healthz", url: "/healthz", status: 200, contains: []string{`"status":"ok"`}},

		// GET /api/events
		{name: "events/all", url: "/api/events", status: 200, contains: []string{`"next":""`},
			check: func(t *testing.T, b []byte, _ http.Header) {
				wantEvents(8, nil)(t, b, nil)
				p := events(t, b)
				if !slices.IsSortedFunc(p.Events, func(x, y rasid.Event) int { return -strings.Compare(x.Date, y.Date) }) {
					t.Error("events are not newest first")
				}
			}},
		{name: "events/source", url: "/api/events?source=MAR", status: 200,
			check: wantEvents(4, func(e rasid.Event) bool { return e.Source == "MAR" })},
		{name: "events/dyad+root", url: "/api/events?source=MAR&target=RUS&root=04", status: 200,
			check: wantEvents(2, func(e rasid.Event) bool { return e.Target == "RUS" && e.Root == "04" })},
		{name: "events/either", url: "/api/events?either=FRA", status: 200,
			check: wantEvents(2, func(e rasid.Event) bool { return e.Source == "FRA" || e.Target == "FRA" })},
		{name: "events/code", url: "/api/events?code=161", status: 200,
			check: wantEvents(1, func(e rasid.Event) bool { return e.Code == "161" })},
		{name: "events/quad", url: "/api/events?quad=4", status: 200,
			check: wantEvents(1, func(e rasid.Event) bool { return e.QuadClass == 4 })},
		{name: "events/date range", url: "/api/events?from=2025-06&to=2025-06-30", status: 200,
			check: wantEvents(4, func(e rasid.Event) bool { return strings.HasPrefix(e.Date, "2025-06") })},
		{name: "events/words", url: "/api/events?q=" + urlq("اتصالا هاتفيا"), status: 200, contains: []string{`"code":"041"`},
			check: wantEvents(1, nil)},
		{name: "events/limit", url: "/api/events?limit=3", status: 200,
			check: func(t *testing.T, b []byte, _ http.Header) {
				if p := events(t, b); len(p.Events) != 3 || p.Next == "" {
					t.Errorf("limit 3: %d events, next %q", len(p.Events), p.Next)
				}
			}},
		{name: "events/bad cursor", url: "/api/events?cursor=bogus", status: 400, contains: []string{"cursor"}},
		{name: "events/bad date", url: "/api/events?from=2025-13-01", status: 400, contains: []string{"from"}},
		{name: "events/no such day", url: "/api/events?to=2025-02-30", status: 400, contains: []string{"does not exist"}},
		{name: "events/from after to", url: "/api/events?from=2025-07&to=2025-01", status: 400, contains: []string{"after"}},
		{name: "events/limit too big", url: "/api/events?limit=5000", status: 400, contains: []string{"limit"}},
		{name: "events/limit not a number", url: "/api/events?limit=ten", status: 400, contains: []string{"limit"}},
		{name: "events/quad out of range", url: "/api/events?quad=7", status: 400, contains: []string{"quad"}},
		{name: "events/bad root", url: "/api/events?root=4", status: 400, contains: []string{"root"}},
		{name: "events/unknown parameter", url: "/api/events?sauce=MAR", status: 400, contains: []string{"sauce", "known"}},
		{name: "events/repeated parameter", url: "/api/events?source=MAR&source=RUS", status: 400, contains: []string{"2 times"}},

		// GET /api/events/{id}
		{name: "event", url: "/api/events/{event}", status: 200, contains: []string{`"event":`, `"article":`, `"mentions":`, `"code":"041"`, "fx-001"},
			check: func(t *testing.T, b []byte, _ http.Header) {
				d := decode[store.EventDetail](t, b)
				ev := d.Event.Evidence
				if ev.Text == "" || d.Article.Text[ev.Start:ev.End] != ev.Text {
					t.Errorf("evidence [%d,%d) %q is not the article's bytes", ev.Start, ev.End, ev.Text)
				}
				if len(d.Article.Mentions) == 0 {
					t.Error("no mentions to highlight")
				}
				for _, m := range d.Article.Mentions {
					if d.Article.Text[m.Start:m.End] != m.Text {
						t.Errorf("mention %q at [%d,%d) is not the article's bytes", m.Text, m.Start, m.End)
					}
				}
			}},
		{name: "event/unknown", url: "/api/events/999999", status: 404},
		{name: "event/not a number", url: "/api/events/abc", status: 400, contains: []string{"positive integer"}},
		{name: "event/zero", url: "/api/events/0", status: 400},
		{name: "event/parameter", url: "/api/events/{event}?x=1", status: 400, contains: []string{"takes none"}},

		// GET /api/articles
		{name: "search", url: "/api/articles?q=" + urlq("بوريطة"), status: 200, contains: []string{"fx-001", "fx-004"},
			check: func(t *testing.T, b []byte, _ http.Header) {
				ans := decode[searchAnswer](t, b)
				if len(ans.Hits) != 2 {
					t.Fatalf("%d hits, want 2", len(ans.Hits))
				}
				for _, h := range ans.Hits {
					if len(h.Highlights) == 0 {
						t.Errorf("hit %s: no highlights", h.ID)
					}
					for _, s := range h.Highlights {
						if got := h.Snippet[s.Start:s.End]; !strings.Contains(got, "بوريطة") {
							t.Errorf("hit %s: highlight [%d,%d) of the snippet is %q", h.ID, s.Start, s.End, got)
						}
					}
				}
			}},
		{name: "search/limit", url: "/api/articles?limit=1&q=" + urlq("بوريطة"), status: 200,
			check: func(t *testing.T, b []byte, _ http.Header) {
				if n := len(decode[searchAnswer](t, b).Hits); n != 1 {
					t.Errorf("%d hits, want 1", n)
				}
			}},
		{name: "search/nothing found", url: "/api/articles?q=" + urlq("كوالالمبور"), status: 200, contains: []string{`"hits":[]`}},
		{name: "search/no query", url: "/api/articles", status: 400, contains: []string{"q"}},
		{name: "search/blank query", url: "/api/articles?q=%20", status: 400},
		{name: "search/bad limit", url: "/api/articles?q=x&limit=-1", status: 400},

		// GET /api/articles/{id}
		{name: "article", url: "/api/articles/fx-002", status: 200, contains: []string{"الجزائر تستدعي سفيرها", `"code":"161"`, `"mentions":[`, `"num_articles":1`},
			check: func(t *testing.T, b []byte, _ http.Header) {
				a := decode[store.ArticleDetail](t, b)
				if len(a.Events) != 2 {
					t.Errorf("%d events, want 2", len(a.Events))
				}
			}},
		{name: "article/no events", url: "/api/articles/fx-005", status: 200, contains: []string{`"events":[]`}},
		{name: "article/unknown", url: "/api/articles/nope", status: 404, contains: []string{"nope"}},

		// GET /api/dyads/{a}/{b}/timeline
		{name: "timeline", url: "/api/dyads/MAR/RUS/timeline", status: 200, contains: []string{`"interval":"month"`},
			check: func(t *testing.T, b []byte, _ http.Header) {
				tl := decode[timelineAnswer](t, b)
				var periods []string
				n := 0
				for _, p := range tl.Points {
					periods = append(periods, p.Period)
					n += p.Events
				}
				if want := []string{"2025-04-01", "2025-05-01", "2025-06-01"}; !slices.Equal(periods, want) {
					t.Errorf("periods %v, want %v (empty months included)", periods, want)
				}
				if n != 4 || tl.Points[0].Quad[0] != 2 {
					t.Errorf("events %d (want 4), April quads %v", n, tl.Points[0].Quad)
				}
			}},
		{name: "timeline/either direction", url: "/api/dyads/RUS/MAR/timeline?interval=week&from=2025-04-01&to=2025-04-30", status: 200,
			contains: []string{`"interval":"week"`, `"period":"2025-04-07","events":2`}},
		{name: "timeline/bad interval", url: "/api/dyads/MAR/RUS/timeline?interval=year", status: 400, contains: []string{"interval"}},
		{name: "timeline/bad date", url: "/api/dyads/MAR/RUS/timeline?from=soon", status: 400, contains: []string{"from"}},
		{name: "timeline/too many days", url: "/api/dyads/MAR/RUS/timeline?interval=day&from=1800&to=2025", status: 400, contains: []string{"too many"}},

		// GET /api/network
		{name: "network", url: "/api/network", status: 200,
			contains: []string{`"source":"MAR","target":"RUS","events":4`, `"code":"MAR","name":"المغرب","name_en":"Morocco"`}},
		{name: "network/range", url: "/api/network?from=2025-05&to=2025-05", status: 200,
			contains: []string{`"source":"DZA","target":"FRA"`}, absent: []string{`"MAR"`}},
		{name: "network/bad date", url: "/api/network?to=2025-02-30", status: 400},

		// GET /api/actors
		{name: "actors", url: "/api/actors", status: 200, contains: []string{`"code":"MAR"`, `"name":"روسيا"`, `"as_source":`},
			check: func(t *testing.T, b []byte, _ http.Header) {
				acs := decode[map[string][]Actor](t, b)["actors"]
				if len(acs) != 6 || acs[0].Events != 4 {
					t.Errorf("actors %+v; want 6, the first with 4 events", acs)
				}
			}},
		{name: "actors/limit", url: "/api/actors?limit=2", status: 200,
			check: func(t *testing.T, b []byte, _ http.Header) {
				if n := len(decode[map[string][]Actor](t, b)["actors"]); n != 2 {
					t.Errorf("%d actors, want 2", n)
				}
			}},
		{name: "actors/bad limit", url: "/api/actors?limit=-1", status: 400},

		// GET /api/stats
		{name: "stats", url: "/api/stats", status: 200, contains: []string{`"articles":5`, `"events":8`, `"top_dyads":[`, `"roots":[`}},

		// POST /api/code
		{name: "code", method: "POST", url: "/api/code", header: jsonCT,
			body:   `{"id":"x1","lang":"ar","published":"2025-03-06","text":"أجرى وزير الخارجية المغربي ناصر بوريطة، أمس الأربعاء، اتصالاً هاتفياً مع نظيره الروسي سيرغي لافروف."}`,
			status: 200, contains: []string{`"id":"x1"`, `"lang":"ar"`, `"code":"041"`, `"date":"2025-03-05"`, `"actors":[`},
			check: func(t *testing.T, b []byte, _ http.Header) {
				line := decode[map[string]json.RawMessage](t, b)
				if _, ok := line["text"]; ok {
					t.Error("the answer repeats the text")
				}
				if len(line) != 5 { // id, lang, published, events, actors
					t.Errorf("keys of the answer: %d, want 5: %s", len(line), b)
				}
			}},
		{name: "code/default day", method: "POST", url: "/api/code", header: jsonCT,
			body:   `{"text":"أجرى وزير الخارجية المغربي ناصر بوريطة، أمس، اتصالاً هاتفياً مع نظيره الروسي سيرغي لافروف."}`,
			status: 200, contains: []string{`"id":""`, `"date":"2025-06-19"`}},
		{name: "code/numeric id", method: "POST", url: "/api/code", header: jsonCT, body: `{"id":42,"text":"أمطار."}`,
			status: 200, contains: []string{`"id":"42"`}},
		{name: "code/nothing to code", method: "POST", url: "/api/code", header: jsonCT, body: `{"text":"أمطار غزيرة في الدار البيضاء."}`,
			status: 200, contains: []string{`"events":[]`}},
		{name: "code/bad date", method: "POST", url: "/api/code", header: jsonCT, body: `{"text":"نص","published":"06/03/2025"}`, status: 400, contains: []string{"published"}},
		{name: "code/no text", method: "POST", url: "/api/code", header: jsonCT, body: `{"published":"2025-03-06"}`, status: 400, contains: []string{"text"}},
		{name: "code/text not a string", method: "POST", url: "/api/code", header: jsonCT, body: `{"text":42}`, status: 400, contains: []string{"text"}},
		{name: "code/not JSON", method: "POST", url: "/api/code", header: jsonCT, body: `text=hello`, status: 400},
		{name: "code/JSON array", method: "POST", url: "/api/code", header: jsonCT, body: `[]`, status: 400},
		{name: "code/form content type", method: "POST", url: "/api/code", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			body: `{"text":"نص"}`, status: 415},
		{name: "code/oversized", method: "POST", url: "/api/code", header: jsonCT, body: big, status: 413, contains: []string{"1 MiB"}},

		// POST /api/articles without a token
		{name: "ingest/off", method: "POST", url: "/api/articles", header: map[string]string{"Content-Type": "application/json", "Authorization": "Bearer anything"},
			body: `{"id":"n1","text":"نص"}`, status: 403, contains: []string{"ingest is off"}},

		// GET /api/openapi.json
		{name: "openapi", url: "/api/openapi.json", status: 200, contains: []string{`"openapi": "3.0.3"`, `"/api/dyads/{a}/{b}/timeline"`}},

		// Routing
		{name: "unknown route", url: "/api/nothing", status: 404, contains: []string{"no route"}},
		{name: "wrong method", method: "DELETE", url: "/api/events", status: 405,
			check: func(t *testing.T, _ []byte, h http.Header) {
				if a := h.Get("Allow"); a != "GET, HEAD" {
					t.Errorf("Allow %q", a)
				}
			}},
		{name: "wrong method/two allowed", method: "PUT", url: "/api/articles", status: 405,
			check: func(t *testing.T, _ []byte, h http.Header) {
				if a := h.Get("Allow"); a != "GET, POST, HEAD" {
					t.Errorf("Allow %q", a)
				}
			}},
		{name: "head", method: "HEAD", url: "/api/stats", status: 200},

		// The page
		{name: "page", url: "/", status: 200, contains: []string{`<html lang="ar" dir="rtl">`, "vendor/echarts.min.js", "vendor/cytoscape.min.js"},
			check: func(t *testing.T, _ []byte, h http.Header) {
				if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
					t.Errorf("CSP %q", csp)
				}
				if h.Get("X-Content-Type-Options") != "nosniff" {
					t.Error("no nosniff")
				}
			}},
		{name: "page/script", url: "/app.js", status: 200, contains: []string{"byteIndexer"}},
		{name: "page/echarts", url: "/vendor/echarts.min.js", status: 200, contains: []string{"Apache License"}},
		{name: "page/cytoscape", url: "/vendor/cytoscape.min.js", status: 200, contains: []string{"Cytoscape Consortium"}},
		{name: "page/missing", url: "/nothing.js", status: 404},
		{name: "page/no listing", url: "/vendor/", status: 404, absent: []string{"echarts"}},
		{name: "page/post", method: "POST", url: "/", status: 405},
	}
	runScenarios(t, base, scenarios, vars)
}

// TestIngest posts articles to a server that has a token.
func TestIngest(t *testing.T) {
	const token = "s3cret-token"
	base, vars := fixture(t, token)
	auth := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token}
	article := `{"id":"new-1","published":"2025-07-02","source":"نشرة","title":"عنوان","url":"https://x.test/1",` +
		`"text":"أجرى وزير الخارجية المغربي ناصر بوريطة، أمس الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي سيرغي لافروف."}`
	big := `{"id":"big","text":"` + strings.Repeat("ا", DefaultMaxBody/2+1) + `"}`
	runScenarios(t, base, []scenario{
		{name: "no token", method: "POST", url: "/api/articles", header: jsonCT, body: article, status: 401,
			check: func(t *testing.T, _ []byte, h http.Header) {
				if h.Get("WWW-Authenticate") == "" {
					t.Error("no WWW-Authenticate")
				}
			}},
		{name: "wrong token", method: "POST", url: "/api/articles", body: article, status: 401,
			header: map[string]string{"Content-Type": "application/json", "Authorization": "Bearer s3cret-tokem"}},
		{name: "not bearer", method: "POST", url: "/api/articles", body: article, status: 401,
			header: map[string]string{"Content-Type": "application/json", "Authorization": "Basic " + token}},
		{name: "one article", method: "POST", url: "/api/articles", header: auth, body: article, status: 201,
			contains: []string{`"id":"new-1","created":true`, `"created":1`}},
		{name: "stored with its events", url: "/api/articles/new-1", status: 200, contains: []string{`"code":"041"`, `"date":"2025-07-01"`, `"title":"عنوان"`}},
		{name: "again: a duplicate", method: "POST", url: "/api/articles", header: auth, body: article, status: 200,
			contains: []string{`"created":false`, `"duplicate":1`}},
		{name: "same text, new id: a duplicate", method: "POST", url: "/api/articles", header: auth,
			body: strings.Replace(article, `"new-1"`, `"new-1-copy"`, 1), status: 200, contains: []string{`"id":"new-1","created":false`}},
		{name: "an array", method: "POST", url: "/api/articles", header: auth,
			body:   `[{"id":"new-2","text":"استقبل الرئيس المصري عبد الفتاح السيسي، أمس، وزير الخارجية الفرنسي في القاهرة."},{"id":"new-3","published":"2025-07-03T10:00:00Z","text":"أمطار في طنجة."}]`,
			status: 201, contains: []string{`"id":"new-2","created":true`, `"id":"new-3","created":true`, `"created":2`}},
		{name: "the array's second, dated", url: "/api/articles/new-3", status: 200, contains: []string{`"published":"2025-07-03T00:00:00Z"`}},
		{name: "events of ingested articles", url: "/api/events?from=2025-07", status: 200, contains: []string{"new-1"}},
		{name: "unknown field", method: "POST", url: "/api/articles", header: auth, body: `{"id":"x","text":"نص","body":"?"}`, status: 400, contains: []string{"body"}},
		{name: "no id", method: "POST", url: "/api/articles", header: auth, body: `{"text":"نص"}`, status: 400, contains: []string{"id is missing"}},
		{name: "no text", method: "POST", url: "/api/articles", header: auth, body: `{"id":"x"}`, status: 400, contains: []string{"text is missing"}},
		{name: "bad date", method: "POST", url: "/api/articles", header: auth, body: `{"id":"x","text":"نص","published":"yesterday"}`, status: 400, contains: []string{"published"}},
		{name: "empty array", method: "POST", url: "/api/articles", header: auth, body: `[]`, status: 400, contains: []string{"no article"}},
		{name: "not JSON", method: "POST", url: "/api/articles", header: auth, body: `{"id":`, status: 400},
		{name: "oversized", method: "POST", url: "/api/articles", header: auth, body: big, status: 413},
		{name: "oversized without length", method: "POST", url: "/api/articles", header: map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token, "Transfer-Encoding": "chunked"}, body: big, status: 413},
	}, vars)
}

func urlq(s string) string { return url.QueryEscape(s) }

// TestPagination follows the cursors of GET /api/events through every
// page and gets every event once, in the order of one big page.
func TestPagination(t *testing.T) {
	base, _ := fixture(t, "")
	_, all, _ := do(t, http.DefaultClient, "GET", base+"/api/events?limit=1000", "", nil)
	want := events(t, all).Events
	var got []rasid.Event
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("the cursors do not end")
		}
		status, body, _ := do(t, http.DefaultClient, "GET", base+"/api/events?limit=3&cursor="+cursor, "", nil)
		if status != 200 {
			t.Fatalf("page %d: %d %s", pages, status, body)
		}
		p := events(t, body)
		got = append(got, p.Events...)
		if p.Next == "" {
			if pages != 2 {
				t.Errorf("%d pages of 3 for 8 events, want 3", pages+1)
			}
			break
		}
		cursor = p.Next
	}
	ids := func(es []rasid.Event) []int64 {
		var out []int64
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	if !slices.Equal(ids(got), ids(want)) {
		t.Errorf("pages hold %v, one page %v", ids(got), ids(want))
	}
}

// failing is a store whose every method fails with err (or panics).
type failing struct {
	err   error
	panic bool
}

func (f failing) fail() error {
	if f.panic {
		panic("boom")
	}
	return f.err
}
func (f failing) Events(context.Context, store.EventFilter) (store.EventPage, error) {
	return store.EventPage{}, f.fail()
}
func (f failing) Event(context.Context, int64) (store.EventDetail, error) {
	return store.EventDetail{}, f.fail()
}
func (f failing) SearchArticles(context.Context, string, int) ([]store.ArticleHit, error) {
	return nil, f.fail()
}
func (f failing) Article(context.Context, string) (store.ArticleDetail, error) {
	return store.ArticleDetail{}, f.fail()
}
func (f failing) DyadTimeline(context.Context, string, string, string, string, string) ([]store.TimelinePoint, error) {
	return nil, f.fail()
}
func (f failing) Network(context.Context, string, string) ([]store.Edge, error) { return nil, f.fail() }
func (f failing) Actors(context.Context, int) ([]store.ActorCount, error)       { return nil, f.fail() }
func (f failing) Stats(context.Context) (store.Stats, error)                    { return store.Stats{}, f.fail() }
func (f failing) PutArticles(context.Context, []store.Article) ([]store.PutResult, error) {
	return nil, f.fail()
}

// TestStoreErrors checks the mapping of the store's errors to statuses,
// and that an internal error's details stay in the log.
func TestStoreErrors(t *testing.T) {
	secret := errors.New("sqlite: disk I/O error at /srv/secret/rasid.db")
	cases := []struct {
		name   string
		store  failing
		status int
		msg    string
	}{
		{"internal", failing{err: fmt.Errorf("events: %w", secret)}, 500, "internal error"},
		{"invalid", failing{err: store.Errorf(store.EINVALID, "limit 9 is odd")}, 400, "limit 9 is odd"},
		{"not found", failing{err: store.Errorf(store.ENOTFOUND, "no article x")}, 404, "no article x"},
		{"conflict", failing{err: fmt.Errorf("put: %w", store.Errorf(store.ECONFLICT, "id reused"))}, 409, "id reused"},
		{"panic", failing{panic: true}, 500, "internal error"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var logged strings.Builder
			s := newServer(t, nil, "tok")
			s.Store = c.store
			s.Logger = slogTo(&logged)
			ts := startServer(t, s)
			for _, r := range []struct{ method, url, body string }{
				{"GET", "/api/events", ""}, {"GET", "/api/events/1", ""}, {"GET", "/api/articles?q=x", ""},
				{"GET", "/api/articles/x", ""}, {"GET", "/api/dyads/A/B/timeline", ""}, {"GET", "/api/network", ""},
				{"GET", "/api/actors", ""}, {"GET", "/api/stats", ""}, {"POST", "/api/articles", `{"id":"a","text":"نص"}`},
			} {
				status, body, _ := do(t, http.DefaultClient, r.method, ts.URL+r.url, r.body,
					map[string]string{"Content-Type": "application/json", "Authorization": "Bearer tok"})
				if status != c.status {
					t.Errorf("%s %s: %d, want %d (%s)", r.method, r.url, status, c.status, body)
					continue
				}
				checkErrorBody(t, status, body)
				if !strings.Contains(string(body), c.msg) || strings.Contains(string(body), "secret") {
					t.Errorf("%s %s: body %s, want the message %q and no details", r.method, r.url, body, c.msg)
				}
			}
			if c.status == 500 && !strings.Contains(logged.String(), "secret") && !strings.Contains(logged.String(), "boom") {
				t.Errorf("the internal error is not logged: %s", logged.String())
			}
		})
	}
}

// TestOpenAPI checks that openapi.json is OpenAPI 3 and describes exactly
// the routes the server has.
func TestOpenAPI(t *testing.T) {
	var spec struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIJSON, &spec); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	var described, served []string
	for path, ops := range spec.Paths {
		for method, op := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
			var o struct {
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(op, &o); err != nil || len(o.Responses) == 0 {
				t.Errorf("%s %s: no responses", method, path)
			}
		}
	}
	for _, rt := range routes {
		served = append(served, rt.pattern)
	}
	slices.Sort(described)
	slices.Sort(served)
	if !slices.Equal(described, served) {
		t.Errorf("openapi.json describes\n%v\nthe server serves\n%v", described, served)
	}
	// Every $ref resolves.
	var doc map[string]any
	_ = json.Unmarshal(openAPIJSON, &doc)
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				if k == "$ref" {
					ref, _ := y.(string)
					if !resolves(doc, ref) {
						t.Errorf("$ref %q does not resolve", ref)
					}
				}
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(doc)
}

func resolves(doc map[string]any, ref string) bool {
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// TestNow checks that the clock of the server dates texts posted without
// a day.
func TestNow(t *testing.T) {
	s := &Server{Now: func() time.Time { return time.Date(2024, 2, 29, 23, 30, 0, 0, time.FixedZone("X", -3*3600)) }}
	d, err := s.day("")
	if err != nil || d.Format(time.DateOnly) != "2024-03-01" {
		t.Errorf("day = %v %v; want 2024-03-01 (UTC)", d, err)
	}
}
