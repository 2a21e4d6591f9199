package shadow

import (
	"context"
	"errors"
	"fmt"
	"sync"

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
	// mu guards warm and opened: Warm may come before the database is
	// open or after.
	mu     sync.Mutex
	warm   []string // fingerprints Warm was given before it was open
	opened bool
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
		db, err := open(ctx, serverURL)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.db, p.err, p.opened = db, err, true
		if err == nil && db != nil {
			for _, fp := range p.warm {
				db.Warm(fp)
			}
		}
	}()
	return p
}

// Warm is [DB.Warm] on the database being opened: as soon as it is
// open, a clone of the kept copy read with fingerprint starts being made
// in the background (spare.go).
func (p *Pending) Warm(fingerprint string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.opened {
		p.warm = append(p.warm, fingerprint)
		return
	}
	if p.err == nil && p.db != nil && !p.taken {
		p.db.Warm(fingerprint)
	}
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
	p.mu.Lock()
	defer p.mu.Unlock()
	p.taken = true
	return p.db, p.err
}

// Discard gives up the scratch database: its opening is cancelled, and
// what was opened is closed (the throwaway cluster stopped and removed).
func (p *Pending) Discard() error {
	p.mu.Lock()
	taken := p.taken
	p.mu.Unlock()
	if taken {
		return nil
	}
	p.cancel()
	<-p.done
	p.mu.Lock()
	p.taken = true
	p.mu.Unlock()
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
