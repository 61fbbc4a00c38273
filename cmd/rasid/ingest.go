package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"rasid/app"
	"rasid/ingest"
	"rasid/queue"
)

func newIngestCommand() *cobra.Command {
	var db, published, queueURL string
	var lexDirs []string
	var asJSON bool
	var near, batch, replicas int
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH | --queue nats://HOST:4222] SOURCE...",
		Short: "Read, deduplicate, code and store articles (or queue them for workers)",
		Long: `Ingest reads articles from files and folders (.txt, .jsonl, .html, RSS/Atom
feeds, WARC archives, TREC XML, any of them gzipped) or standard input (-),
skips what is not Arabic, recognises articles already stored (the same
text, or the same story from another outlet: recorded as another source),
codes the new ones and stores them. It is safe to rerun and to interrupt:
a rerun stores exactly what one run would. A summary follows; inputs that
could not be read are listed with the reason (exit status 3).

With --queue, ingest reads and checks the language the same way but
publishes the Arabic articles to a NATS JetStream queue instead, for any
number of "rasid worker" processes to deduplicate, code and store; an
article queued twice (a rerun) is kept once by the queue.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			app.BatchGC()
			ctx := cmd.Context()
			opt := app.IngestOptions{NearDistance: near, BatchSize: batch, Read: ingest.Options{Published: time.Now().UTC().Truncate(24 * time.Hour)}}
			if published != "" {
				t, err := app.ParseDay(published)
				if err != nil {
					return fmt.Errorf("--published: %w", err)
				}
				opt.Read.Published = t
			}
			if queueURL != "" {
				for _, f := range []string{"db", "near", "batch", "lexicon"} {
					if cmd.Flags().Changed(f) {
						return fmt.Errorf("--%s is for the workers (rasid worker) when ingest --queue publishes", f)
					}
				}
				return publish(cmd, queueURL, replicas, args, opt.Read, asJSON)
			}
			c, _, err := app.NewCoder(lexDirs)
			if err != nil {
				return err
			}
			path := app.DBPath(db)
			st, err := app.OpenStore(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			errw := cmd.ErrOrStderr()
			stop := progress(errw, &opt)
			sum, err := app.Ingest(ctx, st, c, args, cmd.InOrStdin(), opt)
			stop()
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetEscapeHTML(false)
				if jerr := enc.Encode(sum); jerr != nil {
					return jerr
				}
			} else {
				printSummary(cmd.OutOrStdout(), app.DisplayDB(path), sum)
			}
			if errors.Is(err, app.ErrSomeFailed) {
				return &exitError{code: 3, err: err}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().StringVar(&published, "published", "", "publication date of documents that carry none (YYYY-MM-DD; default today)")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().IntVar(&near, "near", 3, "SimHash distance (bits) of near-duplicate stories; -1 turns it off")
	cmd.Flags().IntVar(&batch, "batch", app.DefaultBatchSize, "articles stored per transaction")
	cmd.Flags().StringVar(&queueURL, "queue", "", "publish to the NATS JetStream queue at this URL for rasid worker, instead of coding and storing")
	cmd.Flags().IntVar(&replicas, "replicas", 1, "with --queue: replicas of the queue's streams in a NATS cluster, when this run creates them")
	return cmd
}

// publish runs ingest --queue: read and publish, then a summary.
func publish(cmd *cobra.Command, url string, replicas int, sources []string, read ingest.Options, asJSON bool) error {
	ctx := cmd.Context()
	q, err := queue.Connect(ctx, url, queue.Options{Replicas: replicas, Name: "rasid ingest"})
	if err != nil {
		return err
	}
	defer q.Close()
	opt := app.PublishOptions{Read: read}
	errw := cmd.ErrOrStderr()
	update, stop := progressTo(errw, "queueing")
	opt.Progress = func(s app.PublishSummary) {
		update(s.Read, func() string {
			return fmt.Sprintf("read %d: queued %d, already queued %d, non-Arabic %d, failed %d", s.Read, s.Published, s.Queued, s.NonArabic, s.Failed)
		})
	}
	sum, err := app.Publish(ctx, q, sources, cmd.InOrStdin(), opt)
	stop()
	if asJSON {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetEscapeHTML(false)
		if jerr := enc.Encode(sum); jerr != nil {
			return jerr
		}
	} else {
		w := cmd.OutOrStdout()
		fmt.Fprintf(w, "%s: read %d, queued %d, already queued %d, skipped non-Arabic %d, failed %d\n",
			url, sum.Read, sum.Published, sum.Queued, sum.NonArabic, sum.Failed)
		printFailures(w, sum.Failed, sum.Failures)
		printNotRead(w, sum.NotRead, sum.NotReadFiles)
	}
	if errors.Is(err, app.ErrSomeFailed) {
		return &exitError{code: 3, err: err}
	}
	return err
}

// progress shows a bar on a terminal and a line every 10,000 articles
// otherwise; the returned func ends it.
func progress(w io.Writer, opt *app.IngestOptions) func() {
	update, stop := progressTo(w, "ingesting")
	opt.Progress = func(s app.IngestSummary) {
		update(s.Read, func() string {
			return fmt.Sprintf("read %d: new %d, duplicate %d, near-duplicate %d, non-Arabic %d, failed %d",
				s.Read, s.New, s.Duplicate, s.NearDuplicate, s.NonArabic, s.Failed)
		})
	}
	return stop
}

// progressTo shows the articles read: a bar on a terminal, otherwise the
// line made by line every 10,000 articles.
func progressTo(w io.Writer, what string) (update func(read int, line func() string), stop func()) {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		return func(read int, _ func() string) { _ = bar.Set(read) }, func() { _ = bar.Finish() }
	}
	last := 0
	return func(read int, line func() string) {
		if read/10000 > last/10000 {
			fmt.Fprintln(w, line())
		}
		last = read
	}, func() {}
}

func printSummary(w io.Writer, path string, s app.IngestSummary) {
	fmt.Fprintf(w, "%s: read %d, new %d (%d events), duplicate %d, near-duplicate %d, skipped non-Arabic %d, failed %d\n",
		path, s.Read, s.New, s.Events, s.Duplicate, s.NearDuplicate, s.NonArabic, s.Failed)
	printFailures(w, s.Failed, s.Failures)
	printNotRead(w, s.NotRead, s.NotReadFiles)
}

func printFailures(w io.Writer, failed int, failures []app.ItemFailure) {
	for _, f := range failures {
		fmt.Fprintf(w, "  failed: %s: %s\n", f.Where, f.Reason)
	}
	if failed > len(failures) {
		fmt.Fprintf(w, "  … and %d more\n", failed-len(failures))
	}
}

func printNotRead(w io.Writer, n int, files []app.ItemFailure) {
	// Files left out by a folder walk are not failures, but a user
	// wondering why a file is missing should find it here.
	const shown = 10
	for i, f := range files {
		if i == shown {
			break
		}
		fmt.Fprintf(w, "  not read: %s: %s\n", f.Where, f.Reason)
	}
	if n > min(shown, len(files)) {
		fmt.Fprintf(w, "  … and %d more files not read (--json lists them)\n", n-min(shown, len(files)))
	}
}
