package shadow

import (
	"context"
	"errors"
	"fmt"

	"github.com/renovate-pg/renovate/internal/pgserver"
)

// Pending is a scratch database being opened in the background (see
// [Prepare]). Call Wait, or Discard, or both (Discard after Wait does
// nothing).
type Pending struct {
	serverURL string
	done      chan struct{}
	db        *DB
	err       error
	cancel    context.CancelFunc
	taken     bool // Wait returned the database: the caller closes it
}

// Prepare starts opening the scratch database of serverURL, as [Open]
// does, in a goroutine: a throwaway cluster starts while the caller
// computes the plan it will verify. ctx bounds the start.
func Prepare(ctx context.Context, serverURL string) *Pending {
	return PrepareWith(ctx, serverURL, Open)
}

// PrepareWith is Prepare with open in place of [Open].
func PrepareWith(ctx context.Context, serverURL string, open func(context.Context, string) (*DB, error)) *Pending {
	ctx, cancel := context.WithCancel(ctx)
	p := &Pending{serverURL: serverURL, done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(p.done)
		p.db, p.err = open(ctx, serverURL)
	}()
	return p
}

// ServerURL is the serverURL the scratch database is opened on.
func (p *Pending) ServerURL() string { return p.serverURL }

// Wait returns the scratch database, waiting for it to be opened. The
// caller closes it.
func (p *Pending) Wait(ctx context.Context) (*DB, error) {
	select {
	case <-p.done:
	case <-ctx.Done():
		return nil, errors.Join(fmt.Errorf("waiting for the shadow database: %w", ctx.Err()), p.Discard())
	}
	p.taken = true
	return p.db, p.err
}

// Discard gives up the scratch database: its opening is cancelled, and
// what was opened is closed (the throwaway cluster stopped and removed).
func (p *Pending) Discard() error {
	if p.taken {
		return nil
	}
	p.cancel()
	<-p.done
	p.taken = true
	if p.err != nil || p.db == nil {
		return nil
	}
	return p.db.Close(context.Background())
}

// OpenCold is [Open] without the template cluster: the throwaway cluster
// is made by initdb. The tests compare it with the warm one.
func OpenCold(ctx context.Context, serverURL string) (*DB, error) {
	if serverURL != "" {
		return Open(ctx, serverURL)
	}
	return openThrowaway(ctx, pgserver.Start)
}
