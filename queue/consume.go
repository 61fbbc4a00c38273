package queue

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"rasid"
)

// Handler codes and stores a batch of documents. It returns nil only once
// they are committed, for then the messages are acknowledged and gone.
//
// An error marked with Permanent says that a document of the batch can
// never be stored: the batch is tried again one document at a time, and
// the one that still fails is dead-lettered. Any other error is taken as
// passing (the database is unreachable): the batch is delivered again
// after a delay, which grows with each attempt, and the worker waits as
// long before it fetches more. A panic in the handler is a permanent
// error of its batch.
//
// ctx ends when the worker must stop and its grace period is over; the
// batch is then handed back to the queue at once, for another worker.
type Handler func(ctx context.Context, docs []rasid.Document) error

// Permanent marks err as a failure that trying again cannot mend (for
// example a document the database rejects as invalid).
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// DeadLetter is a message taken off the queue for good: copied to the
// dead-letter stream with the reason, and terminated.
type DeadLetter struct {
	Seq        uint64    `json:"seq"`        // its sequence in the documents' stream
	ID         string    `json:"id"`         // the document's id; "" when the message cannot be decoded
	Deliveries uint64    `json:"deliveries"` // how many times it had been delivered
	Reason     string    `json:"reason"`
	Time       time.Time `json:"time"` // when it was dead-lettered
	// Data is the message body (filled by DeadLetters).
	Data []byte `json:"-"`
}

// Headers of a dead letter.
const (
	hdrReason     = "Rasid-Reason"
	hdrSeq        = "Rasid-Seq"
	hdrDocID      = "Rasid-Doc-Id"
	hdrDeliveries = "Rasid-Deliveries"
	hdrStream     = "Rasid-Stream"
	hdrSubject    = "Rasid-Subject"
)

// ConsumeOptions tune Consume. The zero value is the default.
type ConsumeOptions struct {
	// Batch is how many messages a fetch asks for; 0 means 64.
	Batch int
	// InFlight is how many batches a worker handles at once; 0 means 2,
	// so that one is stored while the next is coded.
	InFlight int
	// MaxWait is how long a fetch waits for messages when the queue is
	// empty; 0 means 2 s.
	MaxWait time.Duration
	// Grace is how long, once ctx has ended, the batches under way may
	// take to finish (and be acknowledged) before they are handed back;
	// 0 means 10 s.
	Grace time.Duration
	// RetryDelay is the delay before a batch that failed for a passing
	// reason is delivered again, doubled with each delivery up to
	// MaxRetryDelay; 0 means 1 s and 1 min.
	RetryDelay, MaxRetryDelay time.Duration
	// Log receives warnings (retries, dead letters); nil discards them.
	Log *slog.Logger
	// OnDead, when set, is called for every message dead-lettered.
	OnDead func(DeadLetter)
}

func (o ConsumeOptions) withDefaults() ConsumeOptions {
	if o.Batch <= 0 {
		o.Batch = 64
	}
	if o.InFlight <= 0 {
		o.InFlight = 2
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Second
	}
	if o.Grace <= 0 {
		o.Grace = 10 * time.Second
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = time.Second
	}
	if o.MaxRetryDelay <= 0 {
		o.MaxRetryDelay = time.Minute
	}
	if o.MaxRetryDelay < o.RetryDelay {
		o.MaxRetryDelay = o.RetryDelay
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// consumer is one worker's state in Consume.
type consumer struct {
	q          *Queue
	h          Handler
	opt        ConsumeOptions
	ackWait    time.Duration
	maxDeliver int
}

// Consume fetches batches of documents from the queue and hands them to
// h until ctx ends, acknowledging a batch when h returns nil. Then it
// stops fetching, lets the batches under way finish within the grace
// period (or hands them back), sends the acks and returns nil. It returns
// an error when it cannot go on: the connection was closed, the consumer
// deleted.
//
// Several programs (or goroutines, each with its own Queue) may consume
// at once: each message goes to one of them.
func (q *Queue) Consume(ctx context.Context, h Handler, opt ConsumeOptions) error {
	opt = opt.withDefaults()
	info, err := q.cons.Info(ctx)
	if err != nil {
		return fmt.Errorf("queue: consumer %s: %w", q.opt.Consumer, err)
	}
	c := &consumer{q: q, h: h, opt: opt, ackWait: info.Config.AckWait, maxDeliver: info.Config.MaxDeliver}
	if c.ackWait <= 0 {
		c.ackWait = DefaultAckWait
	}

	// Handlers run under their own context, which outlives ctx by the
	// grace period.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	stopGrace := context.AfterFunc(ctx, func() { time.AfterFunc(opt.Grace, hcancel) })
	defer stopGrace()
	// A fatal error of one loop stops the others.
	lctx, lcancel := context.WithCancelCause(ctx)
	defer lcancel(nil)

	var wg sync.WaitGroup
	for i := 0; i < opt.InFlight; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.loop(lctx, hctx); err != nil {
				lcancel(err)
			}
		}()
	}
	wg.Wait()
	var ferr error
	if q.nc.IsConnected() {
		ferr = q.nc.FlushTimeout(5 * time.Second)
	}
	if err := context.Cause(lctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if ferr != nil && !errors.Is(ferr, nats.ErrConnectionClosed) {
		return fmt.Errorf("queue: sending the last acks: %w", ferr)
	}
	return nil
}

// loop fetches and handles batches until ctx ends or the consumer cannot
// go on.
func (c *consumer) loop(ctx, hctx context.Context) error {
	// A deleted consumer does not always make a fetch fail (a busy server
	// may just let pulls time out): an idle worker asks after it now and
	// then.
	checked := time.Now()
	gone := func() error {
		if time.Since(checked) < 5*c.opt.MaxWait {
			return nil
		}
		checked = time.Now()
		if _, err := c.q.cons.Info(ctx); fatal(err) {
			return fmt.Errorf("queue: consumer %s: %w", c.q.opt.Consumer, err)
		}
		return nil
	}
	for ctx.Err() == nil {
		msgs, err := c.fetch()
		if err != nil {
			if fatal(err) {
				return fmt.Errorf("queue: fetching from %s: %w", c.q.opt.Consumer, err)
			}
			if err := gone(); err != nil {
				return err
			}
			c.opt.Log.Warn("fetching failed; trying again", "err", err)
			sleep(ctx, time.Second)
			continue
		}
		if len(msgs) == 0 {
			if err := gone(); err != nil {
				return err
			}
			continue
		}
		if ctx.Err() != nil {
			// Stopping: hand them to another worker now.
			for _, m := range msgs {
				_ = m.Nak()
			}
			return nil
		}
		if wait := c.process(hctx, msgs); wait > 0 {
			sleep(ctx, wait)
		}
	}
	return nil
}

// fetch returns the messages waiting, up to a batch; when none are, it
// waits up to MaxWait for one and takes it with those that came with it,
// so that a trickle of documents is not held back to fill a batch. It
// does not watch ctx, so that no message is left in transit when a
// worker stops (it stops within MaxWait).
func (c *consumer) fetch() ([]jetstream.Msg, error) {
	msgs, err := c.fetchNoWait(c.opt.Batch)
	if len(msgs) > 0 || err != nil {
		return msgs, err
	}
	b, err := c.q.cons.Fetch(1, jetstream.FetchMaxWait(c.opt.MaxWait))
	if err != nil {
		return nil, err
	}
	if msgs, err = collect(b); len(msgs) == 0 || err != nil || c.opt.Batch == 1 {
		return msgs, err
	}
	more, err := c.fetchNoWait(c.opt.Batch - 1)
	if err != nil {
		// Handle what came; the next fetch meets the error again.
		return msgs, nil
	}
	return append(msgs, more...), nil
}

func (c *consumer) fetchNoWait(n int) ([]jetstream.Msg, error) {
	b, err := c.q.cons.FetchNoWait(n)
	if err != nil {
		return nil, err
	}
	return collect(b)
}

func collect(b jetstream.MessageBatch) ([]jetstream.Msg, error) {
	var msgs []jetstream.Msg
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	err := b.Error()
	if errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, nats.ErrTimeout) {
		err = nil
	}
	if len(msgs) > 0 && err != nil {
		// Keep what came; the next fetch will report it again.
		err = nil
	}
	return msgs, err
}

// fatal reports a fetch error that no retry mends.
func fatal(err error) bool {
	return errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConsumerDeleted) ||
		errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, nats.ErrBadSubscription)
}

// item is a decoded message.
type item struct {
	msg jetstream.Msg
	md  *jetstream.MsgMetadata
	doc rasid.Document
}

// process handles one fetched batch and returns how long to wait before
// fetching again (after a passing failure).
func (c *consumer) process(ctx context.Context, msgs []jetstream.Msg) time.Duration {
	stop := c.keepalive(msgs)
	defer stop()
	var fresh, again []item
	for _, m := range msgs {
		md, err := m.Metadata()
		if err != nil {
			c.opt.Log.Error("a message without JetStream metadata; left to time out", "subject", m.Subject(), "err", err)
			continue
		}
		if c.maxDeliver > 1 && md.NumDelivered >= uint64(c.maxDeliver) {
			c.dead(m, md, "", fmt.Sprintf("delivered %d times without being stored (a worker may have crashed on it; see the workers' logs)", md.NumDelivered))
			continue
		}
		doc, err := Decode(m.Data())
		if err != nil {
			c.dead(m, md, "", err.Error())
			continue
		}
		it := item{msg: m, md: md, doc: doc}
		if md.NumDelivered > 1 {
			again = append(again, it)
		} else {
			fresh = append(fresh, it)
		}
	}
	var wait time.Duration
	if len(fresh) > 0 {
		wait = c.handle(ctx, fresh)
	}
	// A redelivered document is handled alone: it may be what brought
	// its last worker down, and should not take a batch with it again.
	for _, it := range again {
		wait = max(wait, c.handle(ctx, []item{it}))
	}
	return wait
}

// handle runs the handler on items and acks, naks or dead-letters them.
func (c *consumer) handle(ctx context.Context, items []item) time.Duration {
	docs := make([]rasid.Document, len(items))
	for i, it := range items {
		docs[i] = it.doc
	}
	err := c.call(ctx, docs)
	switch {
	case err == nil:
		for _, it := range items {
			if aerr := it.msg.Ack(); aerr != nil {
				// Stored but not acked: it comes back and is found stored.
				c.opt.Log.Warn("ack failed; the document will be delivered again and found stored", "seq", it.md.Sequence.Stream, "err", aerr)
			}
		}
		return 0
	case ctx.Err() != nil:
		for _, it := range items {
			_ = it.msg.Nak()
		}
		return 0
	case IsPermanent(err) && len(items) > 1:
		var wait time.Duration
		for _, it := range items {
			wait = max(wait, c.handle(ctx, []item{it}))
		}
		return wait
	case IsPermanent(err):
		c.dead(items[0].msg, items[0].md, items[0].doc.ID, err.Error())
		return 0
	}
	var n uint64
	for _, it := range items {
		n = max(n, it.md.NumDelivered)
	}
	wait := c.retryDelay(n)
	c.opt.Log.Warn("storing a batch failed; it will be delivered again", "documents", len(items), "delivery", n, "retry_in", wait, "err", err)
	for _, it := range items {
		_ = it.msg.NakWithDelay(wait)
	}
	return wait
}

// call runs the handler, turning a panic into a permanent error.
func (c *consumer) call(ctx context.Context, docs []rasid.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			c.opt.Log.Error("the handler panicked", "documents", len(docs), "panic", r, "stack", string(debug.Stack()))
			err = Permanent(fmt.Errorf("panic: %v", r))
		}
	}()
	return c.h(ctx, docs)
}

// retryDelay is the delay after the n-th delivery failed.
func (c *consumer) retryDelay(n uint64) time.Duration {
	d := c.opt.RetryDelay
	for i := uint64(1); i < n && d < c.opt.MaxRetryDelay; i++ {
		d *= 2
	}
	return min(d, c.opt.MaxRetryDelay)
}

// keepalive tells the server, every third of AckWait until stop is
// called, that msgs are being worked on, so that a long batch is not
// given to another worker.
func (c *consumer) keepalive(msgs []jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(max(c.ackWait/3, 50*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					_ = m.InProgress()
				}
			}
		}
	}()
	return func() { close(done) }
}

// dead copies a message to the dead-letter stream with the reason and
// terminates it. If the copy cannot be stored, the message is handed
// back for later rather than lost.
func (c *consumer) dead(m jetstream.Msg, md *jetstream.MsgMetadata, id, reason string) {
	reason = oneLine(reason)
	seq := md.Sequence.Stream
	dm := &nats.Msg{Subject: "rasid.dead." + strconv.FormatUint(seq, 10), Data: m.Data(), Header: nats.Header{}}
	dm.Header.Set(jetstream.MsgIDHeader, md.Stream+"-"+strconv.FormatUint(seq, 10))
	dm.Header.Set(hdrReason, reason)
	dm.Header.Set(hdrSeq, strconv.FormatUint(seq, 10))
	dm.Header.Set(hdrDeliveries, strconv.FormatUint(md.NumDelivered, 10))
	dm.Header.Set(hdrStream, md.Stream)
	dm.Header.Set(hdrSubject, m.Subject())
	if id != "" {
		dm.Header.Set(hdrDocID, oneLine(id))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.q.js.PublishMsg(ctx, dm); err != nil {
		c.opt.Log.Error("a message could not be dead-lettered; it will be delivered again", "seq", seq, "reason", reason, "err", err)
		_ = m.NakWithDelay(c.opt.MaxRetryDelay)
		return
	}
	if err := m.TermWithReason(truncate(reason, 200)); err != nil {
		c.opt.Log.Warn("terminating a dead-lettered message failed; it may come back and be dead-lettered again", "seq", seq, "err", err)
	}
	c.opt.Log.Warn("dead-lettered a message", "seq", seq, "id", id, "deliveries", md.NumDelivered, "reason", reason)
	if c.opt.OnDead != nil {
		c.opt.OnDead(DeadLetter{Seq: seq, ID: id, Deliveries: md.NumDelivered, Reason: reason, Time: time.Now().UTC()})
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
