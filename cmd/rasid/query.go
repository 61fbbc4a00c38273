package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rasid"
	"rasid/app"
	"rasid/store"
)

// filterFlags are the event filters shared by events and export.
type filterFlags struct {
	f store.EventFilter
}

func (ff *filterFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&ff.f.Source, "source", "", "source actor code (e.g. MAR)")
	fl.StringVar(&ff.f.Target, "target", "", "target actor code")
	fl.StringVar(&ff.f.Actor, "either", "", "an actor code on either side")
	fl.StringVar(&ff.f.Root, "root", "", "CAMEO root (two digits)")
	fl.StringVar(&ff.f.Code, "code", "", "CAMEO code")
	fl.StringVar(&ff.f.From, "from", "", "first date (YYYY[-MM[-DD]])")
	fl.StringVar(&ff.f.To, "to", "", "last date (YYYY[-MM[-DD]])")
	fl.IntVar(&ff.f.QuadClass, "quad", 0, "quad class 1-4")
	fl.StringVar(&ff.f.Query, "q", "", "words of the evidence sentence")
}

func withStore(cmd *cobra.Command, db string, fn func(st store.Store) error) error {
	st, err := app.OpenStore(cmd.Context(), app.DBPath(db))
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

func newEventsCommand() *cobra.Command {
	var db, format string
	var limit int
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "events [--db PATH] [filters] [--format table|jsonl|csv]",
		Short: "List stored events",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "table" && format != "jsonl" && format != "csv" {
				return fmt.Errorf("--format %q: want table, jsonl or csv", format)
			}
			return withStore(cmd, db, func(st store.Store) error {
				w := bufio.NewWriter(cmd.OutOrStdout())
				defer w.Flush()
				emit, done, err := eventWriter(w, format)
				if err != nil {
					return err
				}
				f := ff.f
				n := 0
				for {
					f.Limit = min(store.MaxLimit, limit-n)
					if limit <= 0 {
						f.Limit = store.MaxLimit
					}
					page, err := st.Events(cmd.Context(), f)
					if err != nil {
						return err
					}
					for _, e := range page.Events {
						if err := emit(e); err != nil {
							return err
						}
						n++
					}
					if page.Next == "" || (limit > 0 && n >= limit) {
						break
					}
					f.Cursor = page.Next
				}
				return done()
			})
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().StringVar(&format, "format", "table", "table, jsonl or csv")
	cmd.Flags().IntVar(&limit, "limit", 100, "at most this many events (0: all)")
	ff.add(cmd)
	return cmd
}

// eventWriter returns how to print one event in format, and how to end.
func eventWriter(w io.Writer, format string) (func(rasid.Event) error, func() error, error) {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return func(e rasid.Event) error { return enc.Encode(e) }, func() error { return nil }, nil
	case "csv":
		cw, err := app.NewCSVWriter(w)
		if err != nil {
			return nil, nil, err
		}
		return func(e rasid.Event) error { return cw.Write(store.ExportRow{Event: e}) }, cw.Flush, nil
	default:
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tCODE\tDYAD\tPLOVER\tGOLDSTEIN\tEVIDENCE")
		return func(e rasid.Event) error {
			_, err := fmt.Fprintln(tw, app.FormatEvent(e))
			return err
		}, tw.Flush, nil
	}
}

func newExportCommand() *cobra.Command {
	var db, format string
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "export [--db PATH] --format csv|jsonl [filters]",
		Short: "Export events: GDELT 2.0 columns (csv) or one JSON object a line",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "csv" && format != "jsonl" {
				return fmt.Errorf("--format %q: want csv or jsonl", format)
			}
			return withStore(cmd, db, func(st store.Store) error {
				w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
				defer w.Flush()
				if format == "jsonl" {
					enc := json.NewEncoder(w)
					enc.SetEscapeHTML(false)
					return st.ExportEvents(cmd.Context(), ff.f, func(r store.ExportRow) error { return enc.Encode(r) })
				}
				cw, err := app.NewCSVWriter(w)
				if err != nil {
					return err
				}
				if err := st.ExportEvents(cmd.Context(), ff.f, cw.Write); err != nil {
					return err
				}
				return cw.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().StringVar(&format, "format", "csv", "csv or jsonl")
	ff.add(cmd)
	return cmd
}

func newSearchCommand() *cobra.Command {
	var db string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search [--db PATH] QUERY",
		Short: "Search stored articles (normalised Arabic: مغربية finds المغرب)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := joinArgs(args)
			return withStore(cmd, db, func(st store.Store) error {
				hits, err := st.SearchArticles(cmd.Context(), q, limit)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					enc := json.NewEncoder(out)
					enc.SetEscapeHTML(false)
					return enc.Encode(hits)
				}
				for _, h := range hits {
					fmt.Fprintf(out, "%s\t%s\t%s\n\t%s\n", h.ID, h.Published.Format("2006-01-02"), h.Title, store.Mark(h.Snippet, h.Highlights, "[", "]"))
				}
				if len(hits) == 0 {
					fmt.Fprintln(out, "no article matches")
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many articles")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the hits as JSON")
	return cmd
}

func joinArgs(args []string) string {
	q := ""
	for i, a := range args {
		if i > 0 {
			q += " "
		}
		q += a
	}
	return q
}

func newStatsCommand() *cobra.Command {
	var db string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [--db PATH]",
		Short: "Counts of the database: articles, events, top dyads, events per month",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withStore(cmd, db, func(st store.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				if !asJSON {
					enc.SetIndent("", "  ")
				}
				return enc.Encode(s)
			})
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one line of JSON")
	return cmd
}
