package httpapi

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rasid"
	"rasid/store"
)

//go:embed openapi.json
var openAPIJSON []byte

// MaxPosted is the most articles one POST /api/articles takes.
const MaxPosted = 1000

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := params(r); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, err := w.Write(openAPIJSON)
	return err
}

// eventsPage is the answer of GET /api/events: next is "" after the last
// page.
type eventsPage struct {
	Events []rasid.Event `json:"events"`
	Next   string        `json:"next"`
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) error {
	q, err := params(r, "source", "target", "either", "root", "code", "from", "to", "quad", "q", "limit", "cursor")
	if err != nil {
		return err
	}
	f := store.EventFilter{
		Source: q.Get("source"),
		Target: q.Get("target"),
		Actor:  q.Get("either"),
		Root:   q.Get("root"),
		Code:   q.Get("code"),
		From:   q.Get("from"),
		To:     q.Get("to"),
		Query:  q.Get("q"),
		Cursor: q.Get("cursor"),
	}
	if f.QuadClass, err = intParam(q, "quad", 0, 4); err != nil {
		return err
	}
	if f.Limit, err = intParam(q, "limit", 0, store.MaxLimit); err != nil {
		return err
	}
	page, err := s.Store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, eventsPage{Events: nonNil(page.Events), Next: page.Next})
	return nil
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) error {
	if _, err := params(r); err != nil {
		return err
	}
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return store.Errorf(store.EINVALID, "event id %.40q is not a positive integer", raw)
	}
	d, err := s.Store.Event(r.Context(), id)
	if err != nil {
		return err
	}
	d.Article.Mentions = nonNil(d.Article.Mentions)
	d.Article.Events = nonNil(d.Article.Events)
	d.Article.Sources = nonNil(d.Article.Sources)
	writeJSON(w, http.StatusOK, d)
	return nil
}

// searchAnswer is the answer of GET /api/articles.
type searchAnswer struct {
	Query string             `json:"query"`
	Hits  []store.ArticleHit `json:"hits"`
}

func (s *Server) searchArticles(w http.ResponseWriter, r *http.Request) error {
	q, err := params(r, "q", "limit")
	if err != nil {
		return err
	}
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		return store.Errorf(store.EINVALID, "q: give the words to search for")
	}
	limit, err := intParam(q, "limit", 0, store.MaxLimit)
	if err != nil {
		return err
	}
	hits, err := s.Store.SearchArticles(r.Context(), query, limit)
	if err != nil {
		return err
	}
	for i := range hits {
		hits[i].Highlights = nonNil(hits[i].Highlights)
		hits[i].Matches = nonNil(hits[i].Matches)
	}
	writeJSON(w, http.StatusOK, searchAnswer{Query: query, Hits: nonNil(hits)})
	return nil
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	if _, err := params(r); err != nil {
		return err
	}
	a, err := s.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	a.Mentions = nonNil(a.Mentions)
	a.Events = nonNil(a.Events)
	a.Sources = nonNil(a.Sources)
	writeJSON(w, http.StatusOK, a)
	return nil
}

// timelineAnswer is the answer of GET /api/dyads/{a}/{b}/timeline.
type timelineAnswer struct {
	A        string                `json:"a"`
	B        string                `json:"b"`
	Interval string                `json:"interval"`
	From     string                `json:"from,omitempty"`
	To       string                `json:"to,omitempty"`
	Points   []store.TimelinePoint `json:"points"`
}

func (s *Server) dyadTimeline(w http.ResponseWriter, r *http.Request) error {
	q, err := params(r, "interval", "from", "to")
	if err != nil {
		return err
	}
	a, b := r.PathValue("a"), r.PathValue("b")
	interval, err := store.CheckInterval(q.Get("interval"))
	if err != nil {
		return err
	}
	pts, err := s.Store.DyadTimeline(r.Context(), a, b, interval, q.Get("from"), q.Get("to"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, timelineAnswer{A: a, B: b, Interval: interval, From: q.Get("from"), To: q.Get("to"), Points: nonNil(pts)})
	return nil
}

// Node is a state of GET /api/network: its names, and its events and
// mean Goldstein over the edges it is on.
type Node struct {
	Code      string  `json:"code"`
	Name      string  `json:"name,omitempty"`
	NameEn    string  `json:"name_en,omitempty"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"`
}

// networkAnswer is the answer of GET /api/network.
type networkAnswer struct {
	Nodes []Node       `json:"nodes"`
	Edges []store.Edge `json:"edges"`
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	q, err := params(r, "from", "to")
	if err != nil {
		return err
	}
	edges, err := s.Store.Network(r.Context(), q.Get("from"), q.Get("to"))
	if err != nil {
		return err
	}
	index := map[string]int{}
	var nodes []Node
	var sums []float64
	add := func(code string, e store.Edge) {
		i, ok := index[code]
		if !ok {
			i = len(nodes)
			index[code] = i
			n := Node{Code: code}
			n.Name, n.NameEn = s.names(code)
			nodes = append(nodes, n)
			sums = append(sums, 0)
		}
		nodes[i].Events += e.Events
		sums[i] += e.Goldstein * float64(e.Events)
	}
	for _, e := range edges {
		add(e.Source, e)
		add(e.Target, e)
	}
	for i := range nodes {
		if nodes[i].Events > 0 {
			nodes[i].Goldstein = round2(sums[i] / float64(nodes[i].Events))
		}
	}
	slices.SortStableFunc(nodes, func(a, b Node) int {
		if a.Events != b.Events {
			return b.Events - a.Events
		}
		return strings.Compare(a.Code, b.Code)
	})
	writeJSON(w, http.StatusOK, networkAnswer{Nodes: nonNil(nodes), Edges: nonNil(edges)})
	return nil
}

// Actor is one code of GET /api/actors with its names.
type Actor struct {
	store.ActorCount
	Name   string `json:"name,omitempty"`
	NameEn string `json:"name_en,omitempty"`
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	q, err := params(r, "limit")
	if err != nil {
		return err
	}
	limit, err := intParam(q, "limit", 0, store.MaxLimit)
	if err != nil {
		return err
	}
	acs, err := s.Store.Actors(r.Context(), limit)
	if err != nil {
		return err
	}
	out := make([]Actor, len(acs))
	for i, a := range acs {
		out[i].ActorCount = a
		out[i].Name, out[i].NameEn = s.names(a.Code)
	}
	writeJSON(w, http.StatusOK, map[string][]Actor{"actors": out})
	return nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	if _, err := params(r); err != nil {
		return err
	}
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	st.Months = nonNil(st.Months)
	st.TopDyads = nonNil(st.TopDyads)
	st.Roots = nonNil(st.Roots)
	writeJSON(w, http.StatusOK, st)
	return nil
}

// code codes a posted text without storing it and answers as one line of
// `rasid code`: the keys posted besides text and published, then id,
// events and actors.
func (s *Server) code(w http.ResponseWriter, r *http.Request) error {
	if _, err := params(r); err != nil {
		return err
	}
	body, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return store.Errorf(store.EINVALID, "the body is not a JSON object %s", `{"text": "…", "published": "YYYY-MM-DD"}`)
	}
	var text, published string
	if err := stringField(m, "text", &text); err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return store.Errorf(store.EINVALID, "text: give the text to code")
	}
	if err := stringField(m, "published", &published); err != nil {
		return err
	}
	day, err := s.day(published)
	if err != nil {
		return err
	}
	if s.Coder == nil {
		return errors.New("no coder configured")
	}
	res := s.Coder.Code(text, day)
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		switch k {
		case "text", "events", "actors":
		default:
			out[k] = v
		}
	}
	// The id as `rasid code` writes it: a string, a number's digits.
	id := ""
	if raw, ok := m["id"]; ok && string(raw) != "null" {
		if json.Unmarshal(raw, &id) != nil {
			id = strings.TrimSpace(string(raw))
		}
	}
	out["id"] = id
	out["events"] = nonNil(res.Events)
	out["actors"] = nonNil(res.Actors)
	writeJSON(w, http.StatusOK, out)
	return nil
}

// postedArticle is one article of POST /api/articles.
type postedArticle struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// ingested is the outcome of one posted article.
type ingested struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
	Events  int    `json:"events"` // events stored from it (0 for a duplicate)
}

// ingestAnswer is the answer of POST /api/articles.
type ingestAnswer struct {
	Articles  []ingested `json:"articles"`
	Created   int        `json:"created"`
	Duplicate int        `json:"duplicate"`
	Events    int        `json:"events"`
}

func (s *Server) ingestArticles(w http.ResponseWriter, r *http.Request) error {
	if s.Token == "" {
		return &httpError{status: http.StatusForbidden, code: "forbidden",
			msg: "ingest is off: start the server with --token or $RASID_TOKEN to post articles"}
	}
	if !s.authorized(r) {
		return &httpError{status: http.StatusUnauthorized, code: "unauthorized",
			msg: "ingest needs the header Authorization: Bearer <token>"}
	}
	if _, err := params(r); err != nil {
		return err
	}
	body, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	var posted []postedArticle
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		err = decodeStrict(trimmed, &posted)
	} else {
		var one postedArticle
		err = decodeStrict(trimmed, &one)
		posted = []postedArticle{one}
	}
	if err != nil {
		return store.Errorf(store.EINVALID, "the body is not an article %s or an array of them: %s",
			`{"id","published","text",["title","url","source"]}`, jsonProblem(err))
	}
	if len(posted) == 0 {
		return store.Errorf(store.EINVALID, "no article posted")
	}
	if len(posted) > MaxPosted {
		return store.Errorf(store.EINVALID, "%d articles posted; at most %d at a time", len(posted), MaxPosted)
	}
	if s.Coder == nil {
		return errors.New("no coder configured")
	}
	arts := make([]store.Article, len(posted))
	for i, p := range posted {
		where := fmt.Sprintf("article %d", i)
		if p.ID != "" {
			where = fmt.Sprintf("article %d (%.40q)", i, p.ID)
		}
		if strings.TrimSpace(p.ID) == "" {
			return store.Errorf(store.EINVALID, "%s: id is missing", where)
		}
		if strings.TrimSpace(p.Text) == "" {
			return store.Errorf(store.EINVALID, "%s: text is missing", where)
		}
		day, err := s.day(p.Published)
		if err != nil {
			return store.Errorf(store.EINVALID, "%s: %s", where, store.ErrorMessage(err))
		}
		a := store.Article{Document: rasid.Document{
			ID: p.ID, URL: p.URL, Source: p.Source, Title: p.Title, Published: day, Text: p.Text,
		}}
		if s.Fingerprint != nil {
			a.ContentHash, a.SimHash = s.Fingerprint(p.Text)
		}
		if err := r.Context().Err(); err != nil {
			return err
		}
		res := s.Coder.Code(p.Text, day)
		a.Events, a.Mentions = res.Events, res.Actors
		arts[i] = a
	}
	results, err := s.Store.PutArticles(r.Context(), arts)
	if err != nil {
		return err
	}
	ans := ingestAnswer{Articles: make([]ingested, len(results))}
	for i, res := range results {
		ans.Articles[i] = ingested{ID: res.ID, Created: res.Created}
		if res.Created {
			ans.Created++
			ans.Articles[i].Events = len(arts[i].Events)
			ans.Events += len(arts[i].Events)
		} else {
			ans.Duplicate++
		}
	}
	status := http.StatusOK
	if ans.Created > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, ans)
	return nil
}

// readBody reads a JSON request body of at most MaxBody bytes.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, &httpError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
				msg: fmt.Sprintf("Content-Type %.60q: send application/json", ct)}
		}
	} else {
		return nil, &httpError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
			msg: "no Content-Type: send application/json"}
	}
	if r.ContentLength > s.maxBody() {
		return nil, &http.MaxBytesError{Limit: s.maxBody()}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody()))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, store.Errorf(store.EINVALID, "reading the body: %v", err)
	}
	if !utf8.Valid(body) {
		return nil, store.Errorf(store.EINVALID, "the body is not UTF-8")
	}
	return body, nil
}

// day parses a publication day, YYYY-MM-DD or RFC 3339 (its day is
// kept); "" is today by s.Now, in UTC.
func (s *Server) day(v string) (time.Time, error) {
	if v == "" {
		t := s.now().UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, store.Errorf(store.EINVALID, "published %.40q is not a date (YYYY-MM-DD)", v)
}

func (s *Server) names(code string) (string, string) {
	if s.Names == nil {
		return "", ""
	}
	return s.Names(code)
}

// params returns the query of r after checking that it holds only the
// allowed names, each once.
func params(r *http.Request, allowed ...string) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, store.Errorf(store.EINVALID, "the query string is malformed")
	}
	for k, v := range q {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return nil, store.Errorf(store.EINVALID, "unknown parameter %.40q: this route takes none", k)
			}
			return nil, store.Errorf(store.EINVALID, "unknown parameter %.40q (known: %s)", k, strings.Join(allowed, ", "))
		}
		if len(v) > 1 {
			return nil, store.Errorf(store.EINVALID, "parameter %q is given %d times", k, len(v))
		}
	}
	return q, nil
}

// intParam reads an integer parameter within [lo, hi]; absent is 0.
func intParam(q url.Values, name string, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, store.Errorf(store.EINVALID, "%s %.20q is not a whole number %d-%d", name, v, lo, hi)
	}
	return n, nil
}

// stringField sets *dst from m[key] when it is a string; absent or null
// leave it empty.
func stringField(m map[string]json.RawMessage, key string, dst *string) error {
	raw, ok := m[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return store.Errorf(store.EINVALID, "%s: want a string", key)
	}
	return nil
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

// jsonProblem says briefly what is wrong with a JSON body.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		if te.Field != "" {
			return fmt.Sprintf("field %q: want a %s", te.Field, te.Type)
		}
		return "want an object or an array of objects"
	case errors.Is(err, io.EOF):
		return "empty body"
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if r := []rune(msg); len(r) > 80 {
		msg = string(r[:80]) + "…"
	}
	return msg
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
