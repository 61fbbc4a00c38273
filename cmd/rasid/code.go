package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"rasid/app"
)

func newCodeCommand() *cobra.Command {
	var published string
	var lexDirs []string
	cmd := &cobra.Command{
		Use:   "code [--published YYYY-MM-DD] [FILE|-]...",
		Short: "Code articles into events: one JSON line per article",
		Long: `Code reads articles and writes one JSON line per article:
{"id": ..., "events": [EVENT...], "actors": [MENTION...]}.
A .jsonl file holds items {"id","published","text"} (other keys are kept);
any other file is one plain-text article dated by --published. With no
FILE, or with -, standard input is read. Bad lines are reported on standard
error with their file and line, and the rest is coded (exit status 3).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			day := time.Now().UTC().Truncate(24 * time.Hour)
			if published != "" {
				t, err := app.ParseDay(published)
				if err != nil {
					return fmt.Errorf("--published: %w", err)
				}
				day = t
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			c, _, err := app.NewCoder(lexDirs)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			items := make(chan app.Item, 64)
			failed := 0
			errw := cmd.ErrOrStderr()
			go func() {
				_ = app.ReadItems(ctx, args, cmd.InOrStdin(), day, items, func(e *app.ItemError) {
					failed++
					fmt.Fprintln(errw, "rasid code:", e)
				})
			}()
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			err = app.CodeAll(ctx, c, items, func(cd app.Coded) error { return enc.Encode(cd) })
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				return &exitError{code: 3, err: fmt.Errorf("%d input(s) failed: %w", failed, app.ErrSomeFailed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date of plain-text articles (YYYY-MM-DD; default today)")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	return cmd
}
