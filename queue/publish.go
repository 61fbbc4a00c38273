package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"rasid"
)

// ErrRejected is wrapped by Publish's errors about one document that
// cannot be queued (too large, no id, text or date); the publisher goes
// on with the next.
var ErrRejected = errors.New("cannot be queued")

// publishWindow is how many publishes may await the server's ack: enough
// to keep the link busy, few enough to hold in memory.
const publishWindow = 256

// publishRetries is how often a publish whose ack did not come is tried
// again (the message id makes that safe) before Publish gives up.
const publishRetries = 3

// Publisher puts documents on the queue without waiting for each to be
// confirmed: Publish sends, Flush waits until the server has stored all.
// It is not safe for concurrent use.
type Publisher struct {
	q       *Queue
	pending []pubFuture
	stats   PublishStats
}

type pubFuture struct {
	f   jetstream.PubAckFuture
	msg *nats.Msg
	id  string
}

// PublishStats count what the stream did with the documents published.
type PublishStats struct {
	Published int `json:"published"` // stored in the stream
	Duplicate int `json:"duplicate"` // already there: the same id within the duplicate window
}

// Publisher returns a publisher on the queue's stream.
func (q *Queue) Publisher() *Publisher { return &Publisher{q: q} }

// Publish sends doc. An error wrapping ErrRejected is about doc alone;
// any other (the server did not confirm a document after retries, or ctx
// ended) means the queue cannot be published to now.
func (p *Publisher) Publish(ctx context.Context, doc rasid.Document) error {
	data, err := Encode(doc)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrRejected, err)
	}
	if limit := p.q.nc.MaxPayload() - 1024; int64(len(data)) > limit {
		return fmt.Errorf("%w: document %q is %d KB, more than the %d KB a message may carry on this NATS server (its max_payload)",
			ErrRejected, doc.ID, len(data)>>10, limit>>10)
	}
	msg := &nats.Msg{Subject: Subject, Data: data, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, MsgID(doc.ID))
	for len(p.pending) >= publishWindow {
		if err := p.settleOldest(ctx); err != nil {
			return err
		}
	}
	f, err := p.q.js.PublishMsgAsync(msg)
	if err != nil {
		// Not even sent (the connection is down, too many pending):
		// the synchronous path retries.
		return p.resend(ctx, pubFuture{msg: msg, id: doc.ID}, err)
	}
	p.pending = append(p.pending, pubFuture{f: f, msg: msg, id: doc.ID})
	return nil
}

// Flush waits until the server has confirmed every document published,
// and returns the counts so far.
func (p *Publisher) Flush(ctx context.Context) (PublishStats, error) {
	for len(p.pending) > 0 {
		if err := p.settleOldest(ctx); err != nil {
			return p.stats, err
		}
	}
	return p.stats, nil
}

// Stats returns the counts of the documents confirmed so far.
func (p *Publisher) Stats() PublishStats { return p.stats }

func (p *Publisher) settleOldest(ctx context.Context) error {
	pf := p.pending[0]
	p.pending = p.pending[1:]
	select {
	case ack := <-pf.f.Ok():
		p.count(ack, false)
		return nil
	case err := <-pf.f.Err():
		return p.resend(ctx, pf, err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// resend publishes a message again, synchronously, until the server
// confirms it: under the same message id, so that it is stored once even
// when the first attempt was stored and only its ack was lost.
func (p *Publisher) resend(ctx context.Context, pf pubFuture, cause error) error {
	wait := 500 * time.Millisecond
	for try := 0; try < publishRetries; try++ {
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
		wait *= 2
		tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ack, err := p.q.js.PublishMsg(tctx, &nats.Msg{Subject: pf.msg.Subject, Data: pf.msg.Data, Header: pf.msg.Header})
		cancel()
		if err == nil {
			p.count(ack, true)
			return nil
		}
		cause = err
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return fmt.Errorf("queue: publishing document %q to stream %s: %w", pf.id, p.q.opt.Stream, cause)
}

// count records an ack; after a retry a duplicate is most likely the
// first attempt, stored with its ack lost.
func (p *Publisher) count(ack *jetstream.PubAck, retried bool) {
	if ack.Duplicate && !retried {
		p.stats.Duplicate++
	} else {
		p.stats.Published++
	}
}
