package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"rasid/app"
)

// codeInputs codes the articles named by args (.txt, .jsonl or - for
// standard input) as `rasid code` and `rasid actors` read them, handing each
// result to emit in input order, writing through a buffer to standard
// output. Unreadable inputs are reported on standard error under the
// command's name and make it exit with status 3. output returns the
// function that writes one result and the one that ends the output.
func codeInputs(cmd *cobra.Command, args []string, published string, lexDirs []string, output func(w io.Writer) (emit func(app.Coded) error, end func() error)) error {
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
			fmt.Fprintf(errw, "rasid %s: %v\n", cmd.Name(), e)
		})
	}()
	w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
	emit, end := output(w)
	err = app.CodeAll(ctx, c, items, emit)
	if eerr := end(); err == nil {
		err = eerr
	}
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
}
