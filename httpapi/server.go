// Package httpapi serves rasid's JSON HTTP API and its web page.
//
// The routes (parameters and answers in openapi.json, served at
// /api/openapi.json):
//
//	GET  /healthz                         {"status":"ok"}
//	GET  /api/events?source=&target=&either=&root=&code=&from=&to=&quad=&q=&limit=&cursor=
//	                                      {"events":[EVENT…],"next":cursor}, newest first
//	GET  /api/events/{id}                 {"event":EVENT,"article":{…text, mentions, events}}
//	GET  /api/articles?q=&limit=          {"query","hits":[{id,title,snippet,highlights,matches,…}]}
//	GET  /api/articles/{id}               the article with its sources, mentions and events
//	GET  /api/dyads/{a}/{b}/timeline?interval=day|week|month&from=&to=
//	                                      {"a","b","interval","points":[{period,events,goldstein,quad}]}
//	GET  /api/network?from=&to=           {"nodes":[…],"edges":[{source,target,events,goldstein}]}
//	GET  /api/actors?limit=               {"actors":[{code,name,name_en,events,as_source,as_target}]}
//	GET  /api/stats                       counts of the corpus
//	POST /api/code                        {"text","published"} → {"id","events","actors"}, not stored
//	POST /api/articles                    ingest {"id","published","text",…} or an array; needs the token
//	GET  /api/openapi.json                the OpenAPI 3 description
//	GET  /                                the page (package web)
//
// Dates are YYYY, YYYY-MM or YYYY-MM-DD (from: the first day, to: the
// last); byte offsets count UTF-8 bytes of the article's text. An unknown
// query parameter, or one given twice, is invalid. Request bodies are
// JSON (Content-Type application/json) of at most MaxBody bytes.
//
// Every route answers JSON; a failure is
//
//	{"error": {"code": "invalid", "message": "from: date \"2025-13\" does not exist"}}
//
// with the code of store.ErrorCode mapped to a status (see statusOf):
// invalid 400, not_found 404, conflict 409, internal 500 (whose message
// never carries the details, which go to the log). The server adds its own
// codes for what happens before the store is asked: unauthorized 401,
// forbidden 403, method_not_allowed 405, too_large 413,
// unsupported_media_type 415.
//
// The routes are listed in routes and described in openapi.json (served
// at /api/openapi.json); a test checks that the two agree.
package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"rasid/coder"
	"rasid/store"
	"rasid/web"
)

// Store is what the server asks of a store: the read side of store.Store
// and PutArticles for ingest. A store.Store is one.
type Store interface {
	Events(ctx context.Context, f store.EventFilter) (store.EventPage, error)
	Event(ctx context.Context, id int64) (store.EventDetail, error)
	SearchArticles(ctx context.Context, query string, limit int) ([]store.ArticleHit, error)
	Article(ctx context.Context, id string) (store.ArticleDetail, error)
	DyadTimeline(ctx context.Context, a, b, interval, from, to string) ([]store.TimelinePoint, error)
	Network(ctx context.Context, from, to string) ([]store.Edge, error)
	Actors(ctx context.Context, limit int) ([]store.ActorCount, error)
	Stats(ctx context.Context) (store.Stats, error)
	PutArticles(ctx context.Context, as []store.Article) ([]store.PutResult, error)
}

var _ Store = store.Store(nil)

// Coder codes one article's text into events and actor mentions, dating
// relative expressions from published. *coder.Coder is one.
type Coder interface {
	Code(text string, published time.Time) coder.Result
}

var _ Coder = (*coder.Coder)(nil)

// DefaultMaxBody is the largest request body the server reads when
// Server.MaxBody is 0: 1 MiB.
const DefaultMaxBody = 1 << 20

// Server serves the API over Store and the page. Set the fields, then
// call Handler; the fields must not change afterwards.
type Server struct {
	Store Store
	// Coder codes the texts of POST /api/code and POST /api/articles;
	// without one those routes answer 500.
	Coder Coder
	// Token, when not empty, turns POST /api/articles on for requests
	// that carry "Authorization: Bearer <Token>". Empty: ingest is off
	// (403).
	Token string
	// Now is the clock (publication day of texts posted without one);
	// nil means time.Now.
	Now func() time.Time
	// Logger receives one line per request and the details of internal
	// errors; nil means slog.Default().
	Logger *slog.Logger

	// Fingerprint, when set, gives each posted article its content hash
	// and SimHash, so that the store recognises a text it already holds.
	Fingerprint func(text string) (contentHash string, simhash uint64)
	// Names, when set, gives the Arabic and English names of an actor code
	// ("MAR" → "المغرب", "Morocco"; "" when unknown) for /api/actors and
	// /api/network.
	Names func(code string) (arabic, english string)
	// Assets is the page served at /; nil means web.Assets().
	Assets fs.FS
	// MaxBody bounds request bodies in bytes; 0 means DefaultMaxBody.
	MaxBody int64
}

// route is one API route: a net/http pattern and its handler.
type route struct {
	pattern string
	handle  func(s *Server, w http.ResponseWriter, r *http.Request) error
}

// routes are the API's routes; openapi.json describes each of them.
var routes = []route{
	{"GET /healthz", (*Server).healthz},
	{"GET /api/events", (*Server).listEvents},
	{"GET /api/events/{id}", (*Server).getEvent},
	{"GET /api/articles", (*Server).searchArticles},
	{"POST /api/articles", (*Server).ingestArticles},
	{"GET /api/articles/{id}", (*Server).getArticle},
	{"GET /api/dyads/{a}/{b}/timeline", (*Server).dyadTimeline},
	{"GET /api/network", (*Server).network},
	{"GET /api/actors", (*Server).actors},
	{"GET /api/stats", (*Server).stats},
	{"POST /api/code", (*Server).code},
	{"GET /api/openapi.json", (*Server).openAPI},
}

// Handler returns the HTTP handler of the API and the page.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range routes {
		h := rt.handle
		mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(s, w, r); err != nil {
				s.writeError(w, r, err)
			}
		})
	}
	// Anything else under /api/ is a JSON 404 or 405, not the page.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, noRoute(mux, r))
	})
	assets := s.Assets
	if assets == nil {
		assets = web.Assets()
	}
	files := http.FileServerFS(assets)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.writeError(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
				msg: r.Method + " is not allowed here; use GET, HEAD", allow: []string{http.MethodGet, http.MethodHead}})
			return
		}
		if r.URL.Path != "/" && strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no listing of the asset folders
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
		files.ServeHTTP(w, r)
	})
	return s.recoverer(s.logRequests(secureHeaders(mux)))
}

// contentSecurityPolicy keeps the page to its own scripts: no CDN, no
// inline script. Styles may be inline because the chart libraries set
// them on their elements.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// noRoute explains why mux has no route for r: 405 with the methods it
// would take, or 404.
func noRoute(mux *http.ServeMux, r *http.Request) error {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/api/" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		if slices.Contains(allow, http.MethodGet) {
			allow = append(allow, http.MethodHead)
		}
		return &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
			msg: r.Method + " is not allowed here; use " + strings.Join(allow, ", "), allow: allow}
	}
	return &httpError{status: http.StatusNotFound, code: store.ENOTFOUND, msg: "no route " + r.URL.Path}
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Server) maxBody() int64 {
	if s.MaxBody > 0 {
		return s.MaxBody
	}
	return DefaultMaxBody
}

// authorized reports whether r carries the bearer token, comparing in
// constant time (over hashes, so that the length does not leak either).
func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	want := sha256.Sum256([]byte(s.Token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// httpError is a failure the server finds itself, with its status.
type httpError struct {
	status int
	code   string
	msg    string
	allow  []string // for 405
}

func (e *httpError) Error() string { return e.msg }

// errorBody is the JSON of every failure.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// statusOf maps a store error code to an HTTP status.
func statusOf(code string) int {
	switch code {
	case store.EINVALID:
		return http.StatusBadRequest
	case store.ENOTFOUND:
		return http.StatusNotFound
	case store.ECONFLICT:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// writeError answers err as JSON. Internal errors are logged with their
// details and answered with a generic message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	status := http.StatusInternalServerError
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		status, body.Error.Code, body.Error.Message = he.status, he.code, he.msg
		if len(he.allow) > 0 {
			w.Header().Set("Allow", strings.Join(he.allow, ", "))
		}
		if status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="rasid"`)
		}
	case errors.As(err, &mbe):
		status, body.Error.Code = http.StatusRequestEntityTooLarge, "too_large"
		body.Error.Message = "the request body is larger than " + byteSize(mbe.Limit)
	default:
		code := store.ErrorCode(err)
		status = statusOf(code)
		if status == http.StatusInternalServerError {
			code = store.EINTERNAL
			if errors.Is(err, context.Canceled) {
				// The client went away; nobody reads the answer.
				s.logger().LogAttrs(r.Context(), slog.LevelInfo, "request canceled", slog.String("path", r.URL.Path))
			} else {
				s.logger().LogAttrs(r.Context(), slog.LevelError, "internal error",
					slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("err", err.Error()))
			}
		}
		body.Error.Code, body.Error.Message = code, store.ErrorMessage(err)
	}
	writeJSON(w, status, body)
}

// writeJSON writes v as JSON with status. Arabic and <, >, & are written
// as they are: the content type is JSON and nosniff is set.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// secureHeaders sets the headers every answer carries.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of an answer for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs one line per request: method, path, status, size and
// duration. Query strings are logged (they hold search words, no secrets);
// headers are not (they may hold the token).
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.logger().LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("query", r.URL.RawQuery),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

// recoverer turns a panic in a handler into a 500 and a logged stack.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logger().LogAttrs(r.Context(), slog.LevelError, "panic",
					slog.String("path", r.URL.Path), slog.Any("value", v), slog.String("stack", string(debug.Stack())))
				writeJSON(w, http.StatusInternalServerError, json.RawMessage(`{"error":{"code":"internal","message":"internal error"}}`))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
