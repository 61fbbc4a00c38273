package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"rasid"
	"rasid/app"
	"rasid/eval"
)

func newEvalCommand() *cobra.Command {
	var gold, gsr, ner string
	var asJSON, showErrors bool
	var lexDirs []string
	cmd := &cobra.Command{
		Use:   "eval (--gold FILE | --gsr DIR | --ner FILE) [--json]",
		Short: "Score the coder against gold data",
		Long: `Eval codes gold data and scores it:
  --gold FILE  a GUIDE.md gold JSONL file: root-level event P/R/F1, full-code,
               date and historical agreement, actor F1 by code, recall per root
  --gsr DIR    the OEDA Arabic gold standard: PROTEST (root 14) and ASSAULT
               (roots 18-20) detection, "yes" against "easy no"
  --ner FILE   a BIO file (ANERcorp): LOC and ORG F1 of actor mentions`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if gold == "" && gsr == "" && ner == "" {
				return errors.New("give --gold FILE, --gsr DIR or --ner FILE")
			}
			c, lx, err := app.NewCoder(lexDirs)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			report := map[string]any{}
			if gold != "" {
				f, err := os.Open(gold)
				if err != nil {
					return err
				}
				items, err := eval.ReadGold(f, gold)
				f.Close()
				if err != nil {
					return err
				}
				sys := map[string]eval.SystemItem{}
				for _, it := range items {
					day, err := app.ParseDay(it.Published)
					if err != nil {
						return fmt.Errorf("%s: item %s: %w", gold, it.ID, err)
					}
					r := c.Code(it.Text, day)
					sys[it.ID] = eval.SystemItem{ID: it.ID, Events: r.Events, Actors: r.Actors}
				}
				rep := eval.Score(items, sys)
				if !showErrors {
					rep.Errors = nil
				}
				if asJSON {
					report["gold"] = rep
				} else {
					if showErrors {
						printErrors(out, rep)
					}
					if err := rep.WriteText(out); err != nil {
						return err
					}
				}
			}
			if gsr != "" {
				day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
				res, err := eval.ScoreGSR(gsr, func(text string) []rasid.Event { return c.Code(text, day).Events })
				if err != nil {
					return err
				}
				if asJSON {
					report["gsr"] = res
				} else {
					for _, r := range res {
						fmt.Fprintf(out, "gsr %-8s detection P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d; yes %d, easy no %d); difficult no fired %d/%d (%.3f); source accuracy %d/%d (%.3f)\n",
							r.Task, r.Detection.Precision, r.Detection.Recall, r.Detection.F1, r.Detection.TP, r.Detection.FP, r.Detection.FN,
							r.Yes, r.EasyNo, r.DifficultNoFired, r.DifficultNo, r.DifficultFalseHit, r.SourceCorrect, r.SourceChecked, r.SourceAccuracy)
					}
				}
			}
			if ner != "" {
				f, err := os.Open(ner)
				if err != nil {
					return err
				}
				res, err := eval.ScoreNER(f, ner, func(text string) []rasid.Mention { return app.NERMentions(lx, text) })
				f.Close()
				if err != nil {
					return err
				}
				if asJSON {
					report["ner"] = res
				} else {
					res.WriteText(out)
				}
			}
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(report)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold JSONL file (GUIDE.md format)")
	cmd.Flags().StringVar(&gsr, "gsr", "", "directory of the OEDA gold standard (protest_gsr.csv, assault_gsr.csv, *_spans.json)")
	cmd.Flags().StringVar(&ner, "ner", "", "BIO named-entity file (ANERcorp)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list each item's missed and false events")
	cmd.Flags().StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	return cmd
}

func printErrors(w io.Writer, rep eval.Report) {
	for _, ie := range rep.Errors {
		for _, g := range ie.Missed {
			fmt.Fprintf(w, "%s MISS %s %s→%s %s\n", ie.ID, g.Code, g.Source, g.Target, g.Date)
		}
		for _, e := range ie.False {
			fmt.Fprintf(w, "%s FALSE %s %s→%s %s (%s | %s)\n", ie.ID, e.Code, e.Source, e.Target, e.Date, e.SourceText, e.TargetText)
		}
	}
}
