package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"rasid/app"
	"rasid/store"
)

func newRecodeCommand() *cobra.Command {
	var db string
	var lexDirs []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "recode [--db PATH] [--lexicon DIR]...",
		Short: "Code the stored articles again with this version of the coder and dictionaries",
		Long: `recode codes every article of the database again, with this version of
rasid and the dictionaries given by --lexicon, and replaces the events and
mentions of the articles whose coding changed; the others keep their events
and event ids. Each batch is one transaction: an interrupted recode leaves
every article coded by one version or the other, and running it again
finishes the work.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			app.BatchGC()
			c, _, err := app.NewCoder(lexDirs)
			if err != nil {
				return err
			}
			return withStore(cmd, db, func(st store.Store) error {
				w := cmd.ErrOrStderr()
				update, stop := progressTo(w, "recoding")
				sum, err := app.Recode(cmd.Context(), st, c, app.RecodeOptions{Progress: func(s app.RecodeSummary) {
					update(s.Articles, func() string {
						return fmt.Sprintf("recoded %d: changed %d", s.Articles, s.Changed)
					})
				}})
				stop()
				if asJSON {
					enc := json.NewEncoder(cmd.OutOrStdout())
					if jerr := enc.Encode(sum); jerr != nil {
						return jerr
					}
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: recoded %d articles, %d changed, %d events now\n",
						app.DisplayDB(app.DBPath(db)), sum.Articles, sum.Changed, sum.Events)
				}
				return err
			})
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "database: an SQLite file or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}
