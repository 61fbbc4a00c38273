package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rasid/arabic"
)

// newAnalyzeCommand shows what package arabic makes of a text: the first
// thing to look at when a dictionary entry does not match.
func newAnalyzeCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-]",
		Short: "Show the sentences and tokens of a text with offsets and normal forms",
		Long: `Analyze splits a text into sentences and tokens as the coder sees them and
prints, for each token, its byte offsets into the text, its kind (word,
latin, number, punct, symbol), the text as written and its normalised form.
With no FILE, or with -, standard input is read. --json writes one object:
{"sentences":[{"start","end","text","tokens":[{"start","end","text","norm","kind"}]}]}.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			text, err := readAnalyzeInput(cmd.InOrStdin(), name)
			if err != nil {
				return err
			}
			a := analyzeText(text)
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				err = enc.Encode(a)
			} else {
				err = writeAnalysisTable(w, a)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "write one JSON object instead of a table")
	return cmd
}

// readAnalyzeInput reads the named file, or stdin for "-"; errors name the
// file.
func readAnalyzeInput(stdin io.Reader, name string) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		name = "standard input"
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", fmt.Errorf("analyze %s: %w", name, err)
	}
	return string(b), nil
}

// analysis is the --json output.
type analysis struct {
	Sentences []analyzedSentence `json:"sentences"`
}

type analyzedSentence struct {
	Start  int             `json:"start"`
	End    int             `json:"end"`
	Text   string          `json:"text"`
	Tokens []analyzedToken `json:"tokens"`
}

type analyzedToken struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Norm  string `json:"norm"`
	Kind  string `json:"kind"`
}

// analyzeText tokenises the whole text once and hands each token to the
// sentence that holds its first byte.
func analyzeText(text string) analysis {
	sents := arabic.Sentences(text)
	a := analysis{Sentences: make([]analyzedSentence, len(sents))}
	for i, s := range sents {
		a.Sentences[i] = analyzedSentence{Start: s.Start, End: s.End, Text: text[s.Start:s.End], Tokens: []analyzedToken{}}
	}
	for _, t := range arabic.Tokenize(text) {
		i := arabic.SentenceIndex(sents, t.Start)
		if i < 0 {
			continue // cannot happen: every token starts inside a sentence
		}
		a.Sentences[i].Tokens = append(a.Sentences[i].Tokens, analyzedToken{
			Start: t.Start, End: t.End, Text: text[t.Start:t.End], Norm: t.Norm, Kind: t.Kind.String(),
		})
	}
	return a
}

// writeAnalysisTable prints each sentence with a table of its tokens.
func writeAnalysisTable(w io.Writer, a analysis) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, s := range a.Sentences {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "sentence %d [%d:%d] %s\n", i+1, s.Start, s.End, s.Text)
		fmt.Fprintln(tw, "  start\tend\tkind\ttext\tnorm")
		for _, t := range s.Tokens {
			fmt.Fprintf(tw, "  %d\t%d\t%s\t%s\t%s\n", t.Start, t.End, t.Kind, t.Text, t.Norm)
		}
		// Flush per sentence: the columns need not line up across
		// sentences, and a long text is not held in the tabwriter.
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return tw.Flush()
}
