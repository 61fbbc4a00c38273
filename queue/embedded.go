package queue

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// ServerOptions configure an embedded NATS server.
type ServerOptions struct {
	// Dir holds JetStream's files (required): the queue survives a
	// restart of the server on the same Dir.
	Dir string
	// Addr is where it listens, host:port; "" means not at all (only
	// connections in process, for tests), port 0 picks a free port.
	Addr string
}

// Server is a NATS server with JetStream running inside this process:
// for tests and development (rasid serve --queue embedded), not for
// production, where a NATS server or cluster runs on its own.
type Server struct {
	ns  *server.Server
	url string
}

// StartServer starts an embedded server and waits until it accepts
// connections.
func StartServer(opt ServerOptions) (*Server, error) {
	if opt.Dir == "" {
		return nil, errors.New("queue: an embedded server needs a directory for its files")
	}
	so := &server.Options{
		JetStream:  true,
		StoreDir:   opt.Dir,
		NoSigs:     true,
		NoLog:      true,
		DontListen: opt.Addr == "",
		ServerName: "rasid-embedded",
	}
	if opt.Addr != "" {
		host, port, err := net.SplitHostPort(opt.Addr)
		if err != nil {
			return nil, fmt.Errorf("queue: embedded server address %q: %w", opt.Addr, err)
		}
		so.Host = host
		if so.Port, err = strconv.Atoi(port); err != nil {
			return nil, fmt.Errorf("queue: embedded server port %q: %w", port, err)
		}
		if so.Port == 0 {
			so.Port = server.RANDOM_PORT
		}
	}
	ns, err := server.NewServer(so)
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server: %w", err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("queue: the embedded server did not start within 10 s (address %s in use?)", opt.Addr)
	}
	s := &Server{ns: ns}
	if opt.Addr != "" {
		s.url = ns.ClientURL()
	}
	return s, nil
}

// URL is the address clients connect to ("nats://127.0.0.1:4222"); ""
// when the server does not listen.
func (s *Server) URL() string { return s.url }

// Conn connects to the server in process.
func (s *Server) Conn() (*nats.Conn, error) {
	nc, err := nats.Connect("", nats.InProcessServer(s.ns), nats.Name("rasid in process"))
	if err != nil {
		return nil, fmt.Errorf("queue: connecting in process: %w", err)
	}
	return nc, nil
}

// Open opens the queue over a new connection in process; closing the
// queue closes that connection.
func (s *Server) Open(ctx context.Context, opt Options) (*Queue, error) {
	nc, err := s.Conn()
	if err != nil {
		return nil, err
	}
	q, err := New(ctx, nc, opt)
	if err != nil {
		nc.Close()
		return nil, err
	}
	q.ownsNC = true
	return q, nil
}

// Shutdown stops the server; its files stay in Dir.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}
