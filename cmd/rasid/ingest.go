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
)

func newIngestCommand() *cobra.Command {
	var db, published string
	var lexDirs []string
	var asJSON bool
	var near, batch int
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH] SOURCE...",
		Short: "Read, deduplicate, code and store articles",
		Long: `Ingest reads articles from files and folders (.txt, .jsonl, .html, RSS/Atom
feeds, WARC archives, TREC XML, any of them gzipped) or standard input (-),
skips what is not Arabic, recognises articles already stored (the same
text, or the same story from another outlet: recorded as another source),
codes the new ones and stores them. It is safe to rerun and to interrupt:
a rerun stores exactly what one run would. A summary follows; inputs that
could not be read are listed with the reason (exit status 3).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			opt := app.IngestOptions{NearDistance: near, BatchSize: batch, Read: ingest.Options{Published: time.Now().UTC().Truncate(24 * time.Hour)}}
			if published != "" {
				t, err := app.ParseDay(published)
				if err != nil {
					return fmt.Errorf("--published: %w", err)
				}
				opt.Read.Published = t
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
	cmd.Flags().IntVar(&batch, "batch", 256, "articles stored per transaction")
	return cmd
}

// progress shows a bar on a terminal and a line every 10,000 articles
// otherwise; the returned func ends it.
func progress(w io.Writer, opt *app.IngestOptions) func() {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		opt.Progress = func(s app.IngestSummary) { _ = bar.Set(s.Read) }
		return func() { _ = bar.Finish() }
	}
	last := 0
	opt.Progress = func(s app.IngestSummary) {
		if s.Read/10000 > last/10000 {
			fmt.Fprintf(w, "read %d: new %d, duplicate %d, near-duplicate %d, non-Arabic %d, failed %d\n",
				s.Read, s.New, s.Duplicate, s.NearDuplicate, s.NonArabic, s.Failed)
		}
		last = s.Read
	}
	return func() {}
}

func printSummary(w io.Writer, path string, s app.IngestSummary) {
	fmt.Fprintf(w, "%s: read %d, new %d (%d events), duplicate %d, near-duplicate %d, skipped non-Arabic %d, failed %d\n",
		path, s.Read, s.New, s.Events, s.Duplicate, s.NearDuplicate, s.NonArabic, s.Failed)
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed: %s: %s\n", f.Where, f.Reason)
	}
	if s.Failed > len(s.Failures) {
		fmt.Fprintf(w, "  … and %d more\n", s.Failed-len(s.Failures))
	}
}
