package main

import (
	"io"

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
			app.BatchGC()
			return codeInputs(cmd, args, published, lexDirs, func(w io.Writer) (func(app.Coded) error, func() error) {
				enc := app.NewCodedEncoder(w)
				return enc.Encode, func() error { return nil }
			})
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date of plain-text articles (YYYY-MM-DD; default today)")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	return cmd
}
