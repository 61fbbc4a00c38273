package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Status is the state of the queue at one moment, with rates when it was
// sampled twice (StatusOver).
type Status struct {
	Stream   string    `json:"stream"`
	Consumer string    `json:"consumer"`
	Time     time.Time `json:"time"`
	// Published counts the messages ever stored in the stream (its last
	// sequence); Messages those in it now: waiting or being worked on.
	Published uint64 `json:"published"`
	Messages  uint64 `json:"messages"`
	Bytes     uint64 `json:"bytes"`
	// Done counts the messages gone from the stream: stored by a worker
	// or dead-lettered (or purged by hand).
	Done uint64 `json:"done"`
	// Pending is the backlog: messages not yet delivered to any worker.
	// (The stream is a work queue, so this is Messages - InFlight, which
	// unlike the consumer's own count never lags behind the stream.)
	Pending uint64 `json:"pending"`
	// InFlight are delivered and not yet acknowledged: being worked on,
	// or handed back and waiting to be delivered again. Redelivered, of
	// those, were delivered more than once.
	InFlight    int `json:"in_flight"`
	Redelivered int `json:"redelivered"`
	// Deliveries counts every delivery, redeliveries included.
	Deliveries uint64 `json:"deliveries"`
	// Waiting counts the fetches waiting for messages: idle workers.
	Waiting int `json:"waiting"`
	// Dead counts the messages in the dead-letter stream.
	Dead uint64 `json:"dead"`
	// The consumer's settings.
	AckWait    time.Duration `json:"ack_wait_ns"`
	MaxDeliver int           `json:"max_deliver"`
	// Rates are per second, between two samples; nil for one sample.
	Rates *Rates `json:"rates,omitempty"`
}

// Rates are the changes per second between two samples of Status.
type Rates struct {
	Over       time.Duration `json:"over_ns"`
	Published  float64       `json:"published"`  // messages stored in the stream
	Delivered  float64       `json:"delivered"`  // deliveries to workers
	Done       float64       `json:"done"`       // messages stored by workers (or dead-lettered)
	Redelivery float64       `json:"redelivery"` // share of deliveries that were redeliveries
}

// Status samples the queue once.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	si, err := q.stream.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("queue: stream %s: %w", q.opt.Stream, err)
	}
	ci, err := q.cons.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("queue: consumer %s: %w", q.opt.Consumer, err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("queue: stream %s: %w", q.opt.DeadStream, err)
	}
	st := si.State
	return Status{
		Stream:      q.opt.Stream,
		Consumer:    q.opt.Consumer,
		Time:        ci.TimeStamp,
		Published:   st.LastSeq,
		Messages:    st.Msgs,
		Bytes:       st.Bytes,
		Done:        st.LastSeq - min(st.Msgs, st.LastSeq),
		Pending:     st.Msgs - min(st.Msgs, uint64(ci.NumAckPending)),
		InFlight:    ci.NumAckPending,
		Redelivered: ci.NumRedelivered,
		Deliveries:  ci.Delivered.Consumer,
		Waiting:     ci.NumWaiting,
		Dead:        di.State.Msgs,
		AckWait:     ci.Config.AckWait,
		MaxDeliver:  ci.Config.MaxDeliver,
	}, nil
}

// StatusOver samples the queue twice, interval apart, and returns the
// second sample with the rates between them.
func (q *Queue) StatusOver(ctx context.Context, interval time.Duration) (Status, error) {
	a, err := q.Status(ctx)
	if err != nil {
		return Status{}, err
	}
	t := time.NewTimer(interval)
	select {
	case <-t.C:
	case <-ctx.Done():
		t.Stop()
		return Status{}, ctx.Err()
	}
	b, err := q.Status(ctx)
	if err != nil {
		return Status{}, err
	}
	b.Rates = rates(a, b)
	return b, nil
}

func rates(a, b Status) *Rates {
	dt := b.Time.Sub(a.Time)
	if dt <= 0 {
		return &Rates{}
	}
	per := func(x, y uint64) float64 {
		if y < x {
			return 0 // the stream was reset between the samples
		}
		return float64(y-x) / dt.Seconds()
	}
	r := &Rates{
		Over:      dt,
		Published: per(a.Published, b.Published),
		Delivered: per(a.Deliveries, b.Deliveries),
		Done:      per(a.Done, b.Done),
	}
	if firsts := per(a.Published-a.Pending, b.Published-b.Pending); r.Delivered > 0 && firsts <= r.Delivered {
		// Deliveries beyond first deliveries are redeliveries.
		r.Redelivery = 1 - firsts/r.Delivered
	}
	return r
}

// DeadLetters returns the last limit messages of the dead-letter stream,
// newest first.
func (q *Queue) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: stream %s: %w", q.opt.DeadStream, err)
	}
	var out []DeadLetter
	for seq := info.State.LastSeq; seq >= info.State.FirstSeq && seq > 0 && len(out) < limit; seq-- {
		m, err := q.dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		d := DeadLetter{ID: m.Header.Get(hdrDocID), Reason: m.Header.Get(hdrReason), Time: m.Time, Data: m.Data}
		d.Seq, _ = strconv.ParseUint(m.Header.Get(hdrSeq), 10, 64)
		d.Deliveries, _ = strconv.ParseUint(m.Header.Get(hdrDeliveries), 10, 64)
		out = append(out, d)
	}
	return out, nil
}

// RequeueResult counts what Requeue did.
type RequeueResult struct {
	Requeued int `json:"requeued"` // put back on the documents' stream
	Kept     int `json:"kept"`     // left in the dead letters: they cannot be decoded
}

// Requeue puts up to limit dead letters, oldest first, back on the
// documents' stream for the workers to try again (after the cause of
// their failure is mended: a dictionary, the database), and removes them
// from the dead letters once the stream has them. Each is published under
// a message id of its own (the document's id and the dead letter's
// sequence), so that the duplicate window, which still remembers the
// first publication, does not drop it. Dead letters that cannot be
// decoded stay where they are. limit <= 0 means all.
func (q *Queue) Requeue(ctx context.Context, limit int) (RequeueResult, error) {
	var res RequeueResult
	info, err := q.dead.Info(ctx)
	if err != nil {
		return res, fmt.Errorf("queue: stream %s: %w", q.opt.DeadStream, err)
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0 && (limit <= 0 || res.Requeued < limit); seq++ {
		m, err := q.dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return res, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		doc, err := Decode(m.Data)
		if err != nil {
			res.Kept++
			continue
		}
		msg := &nats.Msg{Subject: Subject, Data: m.Data, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, MsgID(doc.ID)+"#dead-"+strconv.FormatUint(seq, 10))
		if _, err := q.js.PublishMsg(ctx, msg); err != nil {
			return res, fmt.Errorf("queue: requeueing %q: %w", doc.ID, err)
		}
		if err := q.dead.DeleteMsg(ctx, seq); err != nil {
			return res, fmt.Errorf("queue: removing dead letter %d (requeued): %w", seq, err)
		}
		res.Requeued++
	}
	return res, nil
}
