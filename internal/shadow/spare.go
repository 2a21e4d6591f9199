package shadow

// Spare clones: cloning a kept copy (CREATE DATABASE ... TEMPLATE) is
// the largest part of a verification that finds its copy kept, about a
// second at 1,000 tables, nearly all of it creating files. Which kept
// copy a verification will clone is decided late (its key hashes the
// statements that build the copy, planned during the verification), but
// which one it can use is known as soon as the target is read: a kept
// copy is used only when the fingerprint it was read with is the
// target's. So Warm starts cloning that one in the background, while the
// plan is computed (the CLI) or the verification plans its builds; the
// NewDatabase that asks for a clone of it takes the spare instead of
// making one. A spare is an ordinary clone made earlier: nothing about
// it is trusted that a clone made on demand would not be, and one left
// unused is dropped with the run's other scratch databases.

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state/catalog"
)

// spare is a clone of a kept database being made in the background.
type spare struct {
	name   string // the clone's database
	cancel context.CancelFunc
	done   chan struct{}
	err    error // once done
}

// Warm starts cloning, in the background, the kept database that was
// read with fingerprint, if there is one and no clone of it was started:
// the verification that may clone it (NewDatabase) then takes that
// clone. Nothing for a shadow that keeps nothing.
func (d *DB) Warm(fingerprint string) {
	if d.keep == nil || fingerprint == "" {
		return
	}
	d.keep.warm(fingerprint)
}

func (k *keeper) warm(fingerprint string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, key := range slices.Sorted(maps.Keys(k.kept)) {
		kd := k.kept[key]
		if kd.Name == "" || kd.Fingerprint != fingerprint {
			continue
		}
		if k.spares[key] != nil {
			return
		}
		name, err := scratchName()
		if err != nil {
			return // NewDatabase clones it then
		}
		ctx, cancel := context.WithCancel(context.Background())
		s := &spare{name: name, cancel: cancel, done: make(chan struct{})}
		k.spares[key] = s
		// Listed before it exists: a run that ends while it is being
		// made drops it (close drops every database not kept).
		k.scratch = append(k.scratch, name)
		go func() {
			defer close(s.done)
			s.err = k.createFrom(ctx, name, kd.Name)
		}()
		// One kept database is read with a given fingerprint in
		// practice; a second one would be a guess more.
		return
	}
}

// takeSpare returns the name of the spare clone of the database kept
// under key, waiting for it to be made, and false when there is none or
// making it failed (it is then dropped with the run's scratch databases).
func (k *keeper) takeSpare(ctx context.Context, key string) (string, bool) {
	k.mu.Lock()
	s := k.spares[key]
	delete(k.spares, key)
	k.mu.Unlock()
	if s == nil {
		return "", false
	}
	select {
	case <-s.done:
	case <-ctx.Done():
		s.cancel()
		<-s.done
		return "", false
	}
	return s.name, s.err == nil
}

// stopSpares cancels the spare clones still being made and waits for
// them: before the cluster is stopped.
func (k *keeper) stopSpares() {
	k.mu.Lock()
	keys := make([]string, 0, len(k.spares))
	for key := range k.spares {
		keys = append(keys, key)
	}
	k.mu.Unlock()
	for _, key := range keys {
		k.dropSpare(key)
	}
}

// dropSpare cancels the spare clone of the database kept under key, if
// any, and waits for it: the database is about to be replaced, and a
// clone of what it held must not be handed out. What was made of it is
// dropped with the run's scratch databases.
func (k *keeper) dropSpare(key string) {
	k.mu.Lock()
	s := k.spares[key]
	delete(k.spares, key)
	k.mu.Unlock()
	if s != nil {
		s.cancel()
		<-s.done
	}
}

// createFrom creates database name as a copy of template: template0
// (empty), or a kept database, copied by its files. WAL_LOG, the default
// from 15 on, writes every block of a kept database to the WAL (seconds
// for thousands of tables); FILE_COPY copies the files.
func (k *keeper) createFrom(ctx context.Context, name, template string) error {
	strategy := ""
	if template != "template0" && k.srv.Version() >= 15 {
		strategy = " STRATEGY FILE_COPY"
	}
	admin, err := catalog.Connect(ctx, k.adminDSN)
	if err != nil {
		return fmt.Errorf("connecting to the shadow cluster: %w", err)
	}
	defer admin.Close(context.Background())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{template}.Sanitize()+strategy); err != nil {
		return fmt.Errorf("creating the scratch database %s from %s: %w", name, template, err)
	}
	return nil
}
