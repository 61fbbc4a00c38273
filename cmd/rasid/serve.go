package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"rasid/app"
	"rasid/coder"
	"rasid/demo"
	"rasid/httpapi"
	"rasid/ingest"
	"rasid/lexicon"
	"rasid/queue"
	"rasid/store"
)

// DefaultAddr is where rasid serve listens unless told otherwise: the
// loopback interface only.
const DefaultAddr = "127.0.0.1:8080"

// serveMain runs rasid serve: flags in, a server until its context ends.
type serveMain struct {
	DB      string
	Addr    string
	Demo    bool
	Token   string
	LexDirs []string
	Quiet   bool
	// Queue "embedded" runs a NATS JetStream server and a worker in the
	// process (development only), listening on QueueAddr, its files in
	// QueueDir (a temporary folder when "").
	Queue     string
	QueueAddr string
	QueueDir  string
	// QueueURL is where the embedded queue listens, set before Ready is
	// called.
	QueueURL string

	Stdout, Stderr io.Writer
	// Ready, when set, is called with the page's address once the server
	// listens (tests use it to learn the port of :0).
	Ready func(url string)
}

func newServeCommand() *cobra.Command {
	m := &serveMain{}
	cmd := &cobra.Command{
		Use:   "serve [--db PATH] [--addr 127.0.0.1:8080] [--demo] [--token T]",
		Short: "Serve the JSON API and the web page",
		Long: `Serve answers the JSON HTTP API (described at /api/openapi.json) and serves
the web page at /: search, events, dyad timelines, the network of states,
events with their evidence highlighted, and a box that codes a text.

--demo codes the embedded demo corpus into a temporary database, removed on
exit, and serves it. Otherwise --db (default $RASID_DB or ./rasid.db) is
served.

POST /api/articles (ingest over HTTP) is off unless a token is given with
--token or $RASID_TOKEN; clients then send "Authorization: Bearer <token>".
The server listens on the loopback interface unless --addr says otherwise,
logs one line per request on standard error (--quiet: only problems), and
stops on SIGINT or SIGTERM, finishing the requests under way.

--queue embedded is for development only: it also runs a NATS JetStream
server inside rasid (on --queue-addr, its files in --queue-dir or a
temporary folder) and a worker that codes what is queued into the served
database, so that "rasid ingest --queue nats://127.0.0.1:4222 …" in another
terminal fills the page. In production run a NATS server (or cluster) and
"rasid worker" processes instead.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m.Stdout, m.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			if m.Token == "" {
				m.Token = os.Getenv("RASID_TOKEN")
			}
			return m.Run(cmd.Context())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&m.DB, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	fl.StringVar(&m.Addr, "addr", DefaultAddr, "address to listen on (host:port; port 0 picks one)")
	fl.BoolVar(&m.Demo, "demo", false, "serve the embedded demo corpus from a temporary database")
	fl.StringVar(&m.Token, "token", "", "bearer token that turns POST /api/articles on (default $RASID_TOKEN)")
	fl.StringSliceVar(&m.LexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	fl.BoolVarP(&m.Quiet, "quiet", "q", false, "log only warnings and errors, not every request")
	fl.StringVar(&m.Queue, "queue", "", `"embedded": run a NATS JetStream queue and a worker in process (development only)`)
	fl.StringVar(&m.QueueAddr, "queue-addr", "127.0.0.1:4222", "with --queue embedded: where the queue listens (port 0 picks one)")
	fl.StringVar(&m.QueueDir, "queue-dir", "", "with --queue embedded: folder of the queue's files (default: a temporary one, removed on exit)")
	return cmd
}

// Run opens (or, with Demo, builds) the store and serves until ctx ends.
func (m *serveMain) Run(ctx context.Context) error {
	if m.Stdout == nil {
		m.Stdout = io.Discard
	}
	if m.Stderr == nil {
		m.Stderr = io.Discard
	}
	if m.Demo && m.DB != "" {
		return errors.New("--demo and --db exclude each other")
	}
	if m.Queue != "" && m.Queue != "embedded" {
		return fmt.Errorf("--queue %q: serve runs only an embedded queue (--queue embedded); with a NATS server, run rasid worker", m.Queue)
	}
	c, lx, err := app.NewCoder(m.LexDirs)
	if err != nil {
		return err
	}
	var st store.Store
	if m.Demo {
		dir, err := os.MkdirTemp("", "rasid-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		st, err = openDemo(ctx, filepath.Join(dir, "demo.db"), c, m.Stdout)
		if err != nil {
			return err
		}
	} else {
		path := app.DBPath(m.DB)
		if st, err = app.OpenStore(ctx, path); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "serving %s\n", app.DisplayDB(path))
	}
	defer st.Close()

	level := slog.LevelInfo
	if m.Quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	if m.Queue == "embedded" {
		stop, err := m.startQueue(ctx, st, c, logger)
		if err != nil {
			return err
		}
		defer stop()
	}
	srv := &httpapi.Server{
		Store:  st,
		Coder:  c,
		Token:  m.Token,
		Logger: logger,
		Fingerprint: func(text string) (string, uint64) {
			return ingest.ContentHash(text), ingest.SimHash(text)
		},
		Names: stateNames(lx),
	}
	return listenAndServe(ctx, m.Addr, srv.Handler(), logger, m.Stdout, m.Token != "", m.Ready)
}

// startQueue starts the embedded queue server and a worker storing into
// st; stop ends the worker (letting its batch finish) and the server.
func (m *serveMain) startQueue(ctx context.Context, st store.Store, c *coder.Coder, logger *slog.Logger) (stop func(), err error) {
	dir := m.QueueDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "rasid-queue-"); err != nil {
			return nil, err
		}
	}
	cleanup := func() {
		if m.QueueDir == "" {
			os.RemoveAll(dir)
		}
	}
	srv, err := queue.StartServer(queue.ServerOptions{Dir: dir, Addr: m.QueueAddr})
	if err != nil {
		cleanup()
		return nil, err
	}
	q, err := srv.Open(ctx, queue.Options{Name: "rasid serve worker"})
	if err != nil {
		srv.Shutdown()
		cleanup()
		return nil, err
	}
	m.QueueURL = srv.URL()
	fmt.Fprintf(m.Stdout, "embedded NATS JetStream queue (development only) on %s, files in %s\n", m.QueueURL, dir)
	fmt.Fprintf(m.Stdout, "queue articles with: rasid ingest --queue %s SOURCE...\n", m.QueueURL)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		opt := app.WorkOptions{Consume: queue.ConsumeOptions{Log: logger}}
		opt.Progress = func(s app.IngestSummary) {
			logger.Info("queue worker", "taken", s.Read, "new", s.New, "events", s.Events, "duplicate", s.Duplicate+s.NearDuplicate)
		}
		if _, err := app.Work(wctx, q, st, c, opt); err != nil {
			logger.Error("the queue worker stopped", "err", err)
		}
	}()
	return func() {
		cancel()
		<-done
		q.Close()
		srv.Shutdown()
		cleanup()
	}, nil
}

// openDemo codes the embedded demo corpus into a new database at path,
// through the same ingest as `rasid ingest` (so that stories carried
// twice are recorded as one article with two sources).
func openDemo(ctx context.Context, path string, c *coder.Coder, out io.Writer) (store.Store, error) {
	docs, err := demo.Articles()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		item := map[string]string{
			"id": d.ID, "published": d.Published.Format(time.DateOnly),
			"source": d.Source, "url": d.URL, "title": d.Title, "text": d.Text,
		}
		if err := enc.Encode(item); err != nil {
			return nil, err
		}
	}
	st, err := app.OpenStore(ctx, path)
	if err != nil {
		return nil, err
	}
	sum, err := app.Ingest(ctx, st, c, []string{"-"}, &buf, app.IngestOptions{})
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("coding the demo corpus: %w", err)
	}
	fmt.Fprintf(out, "demo: %d articles coded into %d events (%d copies of the same stories kept as sources)\n",
		sum.New, sum.Events, sum.Duplicate+sum.NearDuplicate)
	return st, nil
}

// stateNames names state codes from the dictionaries: the first Arabic
// name and the English one.
func stateNames(lx *lexicon.Lexicon) func(string) (string, string) {
	return func(code string) (string, string) {
		if s, ok := lx.State(code); ok {
			ar := ""
			if len(s.Names) > 0 {
				ar = s.Names[0]
			}
			return ar, s.English
		}
		return "", ""
	}
}

// listenAndServe serves h on addr until ctx ends, then shuts down,
// giving the requests under way a few seconds to finish.
func listenAndServe(ctx context.Context, addr string, h http.Handler, logger *slog.Logger, out io.Writer, ingestOn bool, ready func(string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	url := pageURL(ln.Addr().(*net.TCPAddr))
	fmt.Fprintf(out, "rasid is serving on %s — open %s in a browser (API: %sapi/openapi.json)\n", ln.Addr(), url, url)
	if !ingestOn {
		fmt.Fprintln(out, "POST /api/articles is off (no --token or $RASID_TOKEN)")
	}
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(out, "note: listening on %s, not only on this machine's loopback interface\n", ip)
	}
	if ready != nil {
		ready(url)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err = hs.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	fmt.Fprintln(out, "rasid serve: stopped")
	return err
}

// pageURL is the address to open for a listener: the loopback address
// when it listens on every interface.
func pageURL(a *net.TCPAddr) string {
	host := a.IP.String()
	switch {
	case a.IP.IsUnspecified():
		host = "127.0.0.1"
	case a.IP.To4() == nil:
		host = "[" + host + "]"
	}
	return fmt.Sprintf("http://%s:%d/", host, a.Port)
}
