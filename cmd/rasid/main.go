// Command rasid is the CLI of rasid, the Arabic-first political event data
// system: it analyses, codes, stores and serves events from Arabic news.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCommand()
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "rasid:", err)
		os.Exit(exitCode(err))
	}
}

// exitError carries a specific exit status (for example 3: "some inputs
// failed") through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error) int {
	if e, ok := err.(*exitError); ok {
		return e.code
	}
	return 1
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "rasid",
		Short:         "rasid (راصد) codes political events from Arabic news",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newVersionCommand(),
		newCodeCommand(),
		newEvalCommand(),
		newActorsCommand(),
		newAnalyzeCommand(),
		newIngestCommand(),
		newEventsCommand(),
		newSearchCommand(),
		newExportCommand(),
		newStatsCommand(),
		newServeCommand(),
		newWorkerCommand(),
		newQueueCommand(),
		newRecodeCommand(),
	)
	return root
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print rasid's version",
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "rasid", version)
			return err
		},
	}
}
