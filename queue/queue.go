// Package queue distributes documents to any number of coder workers
// through NATS JetStream, so that ingest can run on many machines.
//
// Publishers put each rasid.Document as one JSON message on a stream
// (RASID_DOCS, subjects rasid.docs.>), with the document id as its
// message id: within the stream's duplicate window, a document published
// twice is stored once. The stream is a work queue: a message is removed
// once a worker acknowledges it.
//
// Workers share one durable pull consumer. A worker fetches a batch,
// hands its documents to a Handler, and acknowledges the batch only when
// the handler returns nil, after the handler has committed it to the
// database: delivery is at least once, and the store's idempotent writes
// make a redelivery harmless. A message not acknowledged within the
// consumer's AckWait (its worker died) is delivered again, to any worker;
// one that cannot be decoded, that fails for good, or that has been
// delivered MaxDeliver times is copied, with the reason, to a dead-letter
// stream (RASID_DEAD, subjects rasid.dead.>) and terminated.
//
// The first program to connect creates the streams and the consumer with
// its Options; later ones use them as they are.
//
// An embedded server (StartServer) runs JetStream inside the process, for
// tests and development; production uses a NATS server (2.10 or later)
// or cluster.
package queue

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of what the queue creates on the server, when Options do not say
// otherwise.
const (
	DefaultStream     = "RASID_DOCS"
	DefaultConsumer   = "rasid-workers"
	DefaultDeadStream = "RASID_DEAD"
	// Subject is the subject documents are published on.
	Subject = "rasid.docs.article"
	// subjects are those of the stream: room for other kinds later.
	subjects     = "rasid.docs.>"
	deadSubjects = "rasid.dead.>"
)

// Defaults of Options.
const (
	DefaultDuplicateWindow = 24 * time.Hour
	DefaultAckWait         = 30 * time.Second
	DefaultMaxDeliver      = 20
	DefaultMaxAckPending   = 4096
)

// Options say how to create the stream and the consumer when they do not
// exist yet. The zero value is the default set-up.
type Options struct {
	// Stream, Consumer and DeadStream name them; "" means the defaults.
	Stream, Consumer, DeadStream string
	// Replicas of the streams in a NATS cluster (1, 3 or 5); 0 means 1.
	Replicas int
	// DuplicateWindow is how long the stream remembers message ids: a
	// document published again within it is not stored again. 0 means
	// DefaultDuplicateWindow.
	DuplicateWindow time.Duration
	// AckWait is how long a delivered message may go without an ack (or
	// a keepalive) before it is delivered to another worker: how soon
	// the work of a dead worker is taken up. 0 means DefaultAckWait.
	AckWait time.Duration
	// MaxDeliver is how many times a message is delivered before it is
	// dead-lettered; 0 means DefaultMaxDeliver.
	MaxDeliver int
	// MaxAckPending bounds the messages delivered and not yet acked, over
	// all workers; 0 means DefaultMaxAckPending.
	MaxAckPending int
	// ReadOnly opens an existing queue only (for status): it fails
	// instead of creating what is missing.
	ReadOnly bool
	// Name names the connection in the server's monitoring.
	Name string
}

func (o Options) withDefaults() Options {
	if o.Stream == "" {
		o.Stream = DefaultStream
	}
	if o.Consumer == "" {
		o.Consumer = DefaultConsumer
	}
	if o.DeadStream == "" {
		o.DeadStream = DefaultDeadStream
	}
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.DuplicateWindow <= 0 {
		o.DuplicateWindow = DefaultDuplicateWindow
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = DefaultMaxDeliver
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = DefaultMaxAckPending
	}
	if o.Name == "" {
		o.Name = "rasid"
	}
	return o
}

// Queue is a connection to the document queue: its stream, dead-letter
// stream and workers' consumer. It is safe for concurrent use.
type Queue struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	opt    Options
	stream jetstream.Stream
	dead   jetstream.Stream
	cons   jetstream.Consumer
	ownsNC bool
}

// Connect connects to the NATS server(s) at url ("nats://host:4222", or
// several separated by commas for a cluster; user:password@ and tls://
// as NATS understands them) and opens the queue, creating it if needed.
// The connection reconnects by itself when a server goes away.
func Connect(ctx context.Context, url string, opt Options) (*Queue, error) {
	opt = opt.withDefaults()
	nc, err := nats.Connect(url, nats.Name(opt.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue: connecting to %s: %w (is a NATS server with JetStream running there?)", redact(url), err)
	}
	q, err := New(ctx, nc, opt)
	if err != nil {
		nc.Close()
		return nil, err
	}
	q.ownsNC = true
	return q, nil
}

// New opens the queue over a connection the caller made (and closes);
// tests and the embedded server connect in process this way.
func New(ctx context.Context, nc *nats.Conn, opt Options) (*Queue, error) {
	opt = opt.withDefaults()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(1024), jetstream.WithPublishAsyncTimeout(30*time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	q := &Queue{nc: nc, js: js, opt: opt}
	if err := q.ensure(ctx); err != nil {
		return nil, err
	}
	return q, nil
}

// ensure opens the streams and the consumer, creating them unless
// ReadOnly.
func (q *Queue) ensure(ctx context.Context) error {
	o := q.opt
	var err error
	q.stream, err = q.ensureStream(ctx, jetstream.StreamConfig{
		Name:        o.Stream,
		Description: "rasid: documents waiting to be coded",
		Subjects:    []string{subjects},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    o.Replicas,
		Duplicates:  o.DuplicateWindow,
		Discard:     jetstream.DiscardNew,
	})
	if err != nil {
		return err
	}
	q.dead, err = q.ensureStream(ctx, jetstream.StreamConfig{
		Name:        o.DeadStream,
		Description: "rasid: documents no worker could code or store, with the reason",
		Subjects:    []string{deadSubjects},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    o.Replicas,
		Duplicates:  time.Hour,
	})
	if err != nil {
		return err
	}
	q.cons, err = q.stream.Consumer(ctx, o.Consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) && !o.ReadOnly {
		q.cons, err = q.stream.CreateConsumer(ctx, jetstream.ConsumerConfig{
			Durable:       o.Consumer,
			Description:   "rasid workers: each document to one of them",
			AckPolicy:     jetstream.AckExplicitPolicy,
			AckWait:       o.AckWait,
			MaxDeliver:    o.MaxDeliver,
			MaxAckPending: o.MaxAckPending,
			FilterSubject: subjects,
		})
		if errors.Is(err, jetstream.ErrConsumerExists) {
			// Another program created it meanwhile.
			q.cons, err = q.stream.Consumer(ctx, o.Consumer)
		}
	}
	if err != nil {
		return fmt.Errorf("queue: consumer %s of stream %s: %w", o.Consumer, o.Stream, err)
	}
	return nil
}

func (q *Queue) ensureStream(ctx context.Context, cfg jetstream.StreamConfig) (jetstream.Stream, error) {
	s, err := q.js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		if q.opt.ReadOnly {
			return nil, fmt.Errorf("queue: there is no stream %s on this server yet: nothing was ever queued there (rasid ingest --queue creates it)", cfg.Name)
		}
		s, err = q.js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			s, err = q.js.Stream(ctx, cfg.Name)
		}
	}
	if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, nats.ErrJetStreamNotEnabled) {
		return nil, fmt.Errorf("queue: the NATS server does not run JetStream (start nats-server with -js): %w", err)
	}
	if err != nil {
		return nil, fmt.Errorf("queue: stream %s: %w", cfg.Name, err)
	}
	if got := s.CachedInfo().Config; cfg.Name == q.opt.Stream && got.Retention != jetstream.WorkQueuePolicy {
		return nil, fmt.Errorf("queue: stream %s exists but is not a work queue (retention %s): delete it (nats stream rm) or use another server", cfg.Name, got.Retention)
	}
	return s, nil
}

// Close closes the connection when Connect made it, after sending what is
// buffered (acks above all).
func (q *Queue) Close() error {
	if !q.ownsNC {
		return nil
	}
	var err error
	if q.nc.IsConnected() { // a flush while reconnecting would wait in vain
		err = q.nc.FlushTimeout(5 * time.Second)
	}
	q.nc.Close()
	if errors.Is(err, nats.ErrConnectionClosed) {
		err = nil
	}
	return err
}

// Options returns the options the queue was opened with, defaults filled
// in; the consumer's own settings (which win when it existed before) are
// in Status.
func (q *Queue) Options() Options { return q.opt }

// redact hides the user and password of NATS URLs for messages.
func redact(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		if u, err := neturl.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			u.User = neturl.User("xxxxx") // a token passes as a user name
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
