package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rasid"
	"rasid/app"
)

func newActorsCommand() *cobra.Command {
	var published, format string
	var lexDirs []string
	cmd := &cobra.Command{
		Use:   "actors [--published YYYY-MM-DD] [--format jsonl|table] [FILE|-]...",
		Short: "List the actor mentions of articles",
		Long: `Actors reads articles as "rasid code" does (.txt files, .jsonl items
{"id","published","text"}, or standard input) and writes, per article, the
actors it mentions with their codes, roles, kinds and byte offsets:
{"id": ..., "actors": [MENTION...]}, or a table with --format table.
Office-holders are resolved by the publication date.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "table" {
				return fmt.Errorf("--format %q: want jsonl or table", format)
			}
			return codeInputs(cmd, args, published, lexDirs, func(w io.Writer) (func(app.Coded) error, func() error) {
				if format == "table" {
					tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "ID\tCODE\tROLE\tKIND\tSTART\tEND\tTEXT")
					emit := tableActors(tw)
					return func(cd app.Coded) error { return emit(cd.Item.ID, cd.Result.Actors) }, tw.Flush
				}
				emit := jsonActors(w)
				return func(cd app.Coded) error { return emit(cd.Item.ID, cd.Result.Actors) }, func() error { return nil }
			})
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date of plain-text articles (YYYY-MM-DD; default today)")
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or table")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	return cmd
}

func jsonActors(w io.Writer) func(string, []rasid.Mention) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(id string, ms []rasid.Mention) error {
		return enc.Encode(struct {
			ID     string          `json:"id"`
			Actors []rasid.Mention `json:"actors"`
		}{id, ms})
	}
}

func tableActors(w io.Writer) func(string, []rasid.Mention) error {
	return func(id string, ms []rasid.Mention) error {
		for _, m := range ms {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", id, m.Code, m.Role, m.Kind, m.Start, m.End, m.Text); err != nil {
				return err
			}
		}
		return nil
	}
}
