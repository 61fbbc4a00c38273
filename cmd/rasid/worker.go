package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/spf13/cobra"

	"rasid/app"
	"rasid/coder"
	"rasid/queue"
	"rasid/store"
)

// queueURL is the queue of worker and queue status: the flag, else
// $RASID_QUEUE, else a NATS server on this machine.
func queueURL(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("RASID_QUEUE"); env != "" {
		return env
	}
	return nats.DefaultURL
}

func newWorkerCommand() *cobra.Command {
	var url, db string
	var lexDirs []string
	var opt app.WorkOptions
	var replicas int
	var every time.Duration
	cmd := &cobra.Command{
		Use:   "worker [--queue nats://HOST:4222] [--db PATH|postgres://…]",
		Short: "Code and store the articles queued by rasid ingest --queue",
		Long: `Worker takes batches of articles from the NATS JetStream queue that
"rasid ingest --queue" fills, recognises those already stored (the same
text, or the same story from another outlet: recorded as another source),
codes the others on all cores and stores them; a batch is acknowledged
only once it is committed. Start as many workers as you like, on as many
machines, against one database (PostgreSQL for several machines), and stop
or start them at any time: the work of a worker that stops is taken up by
the others, and a batch delivered twice is stored once.

It logs progress on standard error every --every, and stops on SIGINT or
SIGTERM: the batch under way is finished and acknowledged within --grace,
or handed back to the queue. A document that cannot be decoded or always
fails is moved to the dead-letter stream (see rasid queue status --dead).

The queue is --queue, else $RASID_QUEUE, else nats://127.0.0.1:4222; the
database --db, else $RASID_DB, else ./rasid.db.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			app.BatchGC()
			ctx := cmd.Context()
			url = queueURL(url)
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
			q, err := queue.Connect(ctx, url, queue.Options{Replicas: replicas, Name: "rasid worker"})
			if err != nil {
				return err
			}
			defer q.Close()
			errw := cmd.ErrOrStderr()
			logger := slog.New(slog.NewTextHandler(errw, &slog.HandlerOptions{Level: slog.LevelWarn}))
			opt.Consume.Log = logger
			fmt.Fprintf(errw, "rasid worker: taking articles from %s into %s (batches of %d, %d coders); stop with Ctrl-C\n",
				url, path, opt.Consume.Batch, max(opt.Coders, 1))
			sum, err := work(ctx, q, st, c, opt, errw, every)
			fmt.Fprintf(cmd.OutOrStdout(), "rasid worker: stored %d new articles (%d events); %d duplicates, %d near-duplicates, %d non-Arabic\n",
				sum.New, sum.Events, sum.Duplicate, sum.NearDuplicate, sum.NonArabic)
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&url, "queue", "", "NATS URL(s) of the queue, comma-separated for a cluster (default $RASID_QUEUE or nats://127.0.0.1:4222)")
	fl.StringVar(&db, "db", "", "database: a file, or a postgres:// URL (default $RASID_DB or ./rasid.db)")
	fl.StringSliceVar(&lexDirs, "lexicon", nil, "directory of extra dictionary files (repeatable)")
	fl.IntVar(&opt.NearDistance, "near", 3, "SimHash distance (bits) of near-duplicate stories; -1 turns it off")
	fl.IntVar(&opt.Consume.Batch, "batch", 64, "articles taken, coded and stored at a time (one transaction)")
	fl.IntVar(&opt.Coders, "concurrency", runtime.GOMAXPROCS(0), "goroutines coding a batch (the default is one per core)")
	fl.DurationVar(&opt.Consume.Grace, "grace", 10*time.Second, "on stop, time the batches under way have to finish before they are handed back")
	fl.DurationVar(&every, "every", 10*time.Second, "how often to log progress (0: never)")
	fl.IntVar(&replicas, "replicas", 1, "replicas of the queue's streams in a NATS cluster, when this worker creates them")
	return cmd
}

// work runs app.Work, logging the totals and the rate every so often.
func work(ctx context.Context, q *queue.Queue, st store.Store, c *coder.Coder, opt app.WorkOptions, log io.Writer, every time.Duration) (app.IngestSummary, error) {
	var mu sync.Mutex
	var total app.IngestSummary
	opt.Progress = func(s app.IngestSummary) { mu.Lock(); total = s; mu.Unlock() }
	done := make(chan struct{})
	var wg sync.WaitGroup
	if every > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(every)
			defer t.Stop()
			last, lastAt := 0, time.Now()
			for {
				select {
				case <-done:
					return
				case now := <-t.C:
					mu.Lock()
					s := total
					mu.Unlock()
					if s.Read == last {
						continue // idle: nothing to say
					}
					rate := float64(s.Read-last) / now.Sub(lastAt).Seconds()
					fmt.Fprintf(log, "rasid worker: %d articles taken (%.1f/s): new %d (%d events), duplicate %d, near-duplicate %d, non-Arabic %d\n",
						s.Read, rate, s.New, s.Events, s.Duplicate, s.NearDuplicate, s.NonArabic)
					last, lastAt = s.Read, now
				}
			}
		}()
	}
	sum, err := app.Work(ctx, q, st, c, opt)
	close(done)
	wg.Wait()
	return sum, err
}

func newQueueCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "queue",
		Short: "Look at the NATS JetStream queue of rasid ingest --queue and rasid worker",
	}
	cmd.AddCommand(newQueueStatusCommand(), newQueueRequeueCommand())
	return cmd
}

func newQueueRequeueCommand() *cobra.Command {
	var url string
	var limit int
	cmd := &cobra.Command{
		Use:   "requeue [--queue nats://HOST:4222] [--limit N]",
		Short: "Put dead letters back on the queue for the workers to try again",
		Long: `Requeue puts the dead letters (oldest first, at most --limit; all by
default) back on the queue, once what made them fail is mended (a
dictionary, the database), and removes them from the dead letters. Dead
letters that cannot be decoded stay; rasid queue status --dead N lists
them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			url = queueURL(url)
			q, err := queue.Connect(ctx, url, queue.Options{ReadOnly: true, Name: "rasid queue requeue"})
			if err != nil {
				return err
			}
			defer q.Close()
			res, err := q.Requeue(ctx, limit)
			fmt.Fprintf(cmd.OutOrStdout(), "requeued %d dead letters, kept %d that cannot be decoded\n",
				res.Requeued, res.Kept)
			return err
		},
	}
	cmd.Flags().StringVar(&url, "queue", "", "NATS server URL (default $RASID_QUEUE or nats://127.0.0.1:4222)")
	cmd.Flags().IntVar(&limit, "limit", 0, "requeue at most N dead letters (0: all)")
	return cmd
}

func newQueueStatusCommand() *cobra.Command {
	var url, format string
	var interval time.Duration
	var dead int
	cmd := &cobra.Command{
		Use:   "status [--queue nats://HOST:4222] [--format table|json]",
		Short: "Show the queue's backlog, work in flight, rates and dead letters",
		Long: `Status samples the queue twice, --interval apart, and shows the articles
waiting (backlog), delivered to workers and not yet stored (in flight),
redelivered, stored by workers (done), moved to the dead-letter stream,
and the rates between the two samples, with the time left at that pace.
--dead N lists the last N dead letters with their reasons.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "table" && format != "json" {
				return fmt.Errorf("--format %q: want table or json", format)
			}
			ctx := cmd.Context()
			url = queueURL(url)
			q, err := queue.Connect(ctx, url, queue.Options{ReadOnly: true, Name: "rasid queue status"})
			if err != nil {
				return err
			}
			defer q.Close()
			var s queue.Status
			if interval > 0 {
				s, err = q.StatusOver(ctx, interval)
			} else {
				s, err = q.Status(ctx)
			}
			if err != nil {
				return err
			}
			var letters []queue.DeadLetter
			if dead > 0 {
				if letters, err = q.DeadLetters(ctx, dead); err != nil {
					return err
				}
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(struct {
					queue.Status
					URL         string             `json:"url"`
					DeadLetters []queue.DeadLetter `json:"dead_letters,omitempty"`
				}{s, url, letters})
			}
			printStatus(w, url, s, letters)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&url, "queue", "", "NATS URL(s) of the queue (default $RASID_QUEUE or nats://127.0.0.1:4222)")
	fl.StringVar(&format, "format", "table", "table or json")
	fl.DurationVar(&interval, "interval", time.Second, "time between the two samples the rates come from (0: one sample, no rates)")
	fl.IntVar(&dead, "dead", 0, "list the last N dead letters")
	return cmd
}

func printStatus(w io.Writer, url string, s queue.Status, dead []queue.DeadLetter) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "queue\t%s (stream %s, consumer %s)\n", url, s.Stream, s.Consumer)
	fmt.Fprintf(tw, "backlog\t%d\twaiting for a worker\n", s.Pending)
	fmt.Fprintf(tw, "in flight\t%d\twith workers, not yet stored (%d redelivered)\n", s.InFlight, s.Redelivered)
	fmt.Fprintf(tw, "done\t%d\tstored by workers, of %d queued (%s in the stream)\n", s.Done, s.Published, sizeOf(s.Bytes))
	fmt.Fprintf(tw, "dead letters\t%d\tsee --dead N\n", s.Dead)
	fmt.Fprintf(tw, "idle workers\t%d\twaiting for articles\n", s.Waiting)
	if r := s.Rates; r != nil {
		fmt.Fprintf(tw, "rates\t\tover %s: queued %.1f/s, delivered %.1f/s, done %.1f/s\n", r.Over.Round(time.Millisecond), r.Published, r.Delivered, r.Done)
		if r.Done > 0 && s.Messages > 0 {
			fmt.Fprintf(tw, "time left\t\tabout %s at this pace\n", time.Duration(float64(s.Messages)/r.Done*float64(time.Second)).Round(time.Second))
		}
	}
	fmt.Fprintf(tw, "settings\t\tack wait %s, max deliveries %d\n", s.AckWait, s.MaxDeliver)
	tw.Flush()
	for _, d := range dead {
		id := d.ID
		if id == "" {
			id = "(undecodable)"
		}
		fmt.Fprintf(w, "dead: seq %d, %s, delivered %d times, %s: %s\n", d.Seq, id, d.Deliveries, d.Time.Format(time.RFC3339), d.Reason)
	}
}

func sizeOf(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
