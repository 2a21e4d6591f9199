package shadow

// Kept scratch databases: a verification builds two databases from
// nothing, the copy of the target (from renovate's model of it) and the
// reference (from the files), and on a schema of thousands of tables that
// build is most of its time. The throwaway cluster therefore keeps them:
// when the run kept a database, Close shuts the cluster down cleanly and
// keeps its data directory in the user's cache directory
// (pgserver.StopAndKeep), and the next throwaway cluster starts as a copy
// of it (pgserver.StartKept). Each kept database is named by the key its
// builder gives it (a hash of the statements that built it and of how it
// was read), with the fingerprint it was read with; a later verification
// that would run the same statements clones the kept database
// (CREATE DATABASE ... TEMPLATE) instead. Databases a run neither made nor
// used are dropped before the cluster is kept, so a kept cluster holds
// what the last verification used. A shadow server (a configured URL)
// keeps nothing.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/pgserver"
	"github.com/renovate-pg/renovate/state/catalog"
)

// EnvKeep names the variable that turns kept clusters off ("off") or
// moves them (a directory; by default pgserver.DefaultKeptDir).
const EnvKeep = "RENOVATE_SHADOW_KEEP"

// keptDB is one database of a kept cluster, or (Name "") the record of
// one built and not kept.
type keptDB struct {
	Name        string `json:"name"`
	Key         string `json:"key"`
	Fingerprint string `json:"fingerprint"`
	// Model is the key of the model it was built from, and Steps the
	// statements that built it (Alias); "" and 0 until a verification
	// that used it passed.
	Model string `json:"model,omitempty"`
	Steps int    `json:"steps,omitempty"`
}

// keeper is the kept-database state of a throwaway cluster.
type keeper struct {
	srv      *pgserver.Server
	adminDSN string
	kept     map[string]keptDB // by key: kept before or during this run
	used     map[string]bool   // keys this run cloned or kept
	added    bool              // this run kept a database
	// mu guards scratch and spares, which spare clones' goroutines
	// share. kept and used belong to the goroutine that uses the DB
	// (Warm reads kept on it, or before the DB is handed over: Pending).
	mu      sync.Mutex
	scratch []string          // databases this run made and did not keep
	spares  map[string]*spare // by key: clones made ahead (spare.go)
}

// startKept starts a throwaway cluster that may come from a kept one.
func startKept(ctx context.Context) (*pgserver.Server, error) {
	dir := os.Getenv(EnvKeep)
	if dir == "off" {
		return pgserver.StartWarm(ctx)
	}
	if dir == "" {
		var err error
		if dir, err = pgserver.DefaultKeptDir(); err != nil {
			return pgserver.StartWarm(ctx)
		}
	}
	return pgserver.StartKept(ctx, dir)
}

// newKeeper reads what the cluster srv was kept with and checks it
// against the databases the cluster holds: a database missing is
// forgotten.
func newKeeper(ctx context.Context, srv *pgserver.Server) (*keeper, error) {
	k := &keeper{srv: srv, adminDSN: srv.AdminDSN(), kept: map[string]keptDB{}, used: map[string]bool{}, spares: map[string]*spare{}}
	meta := srv.KeptMeta()
	if len(meta) == 0 {
		return k, nil
	}
	var list []keptDB
	if err := json.Unmarshal(meta, &list); err != nil {
		return k, nil // unreadable: nothing is reused, and the run keeps afresh
	}
	admin, err := catalog.Connect(ctx, k.adminDSN)
	if err != nil {
		return nil, fmt.Errorf("connecting to the shadow cluster: %w", err)
	}
	defer admin.Close(context.Background())
	rows, err := admin.Query(ctx, "SELECT datname FROM pg_catalog.pg_database")
	if err != nil {
		return nil, fmt.Errorf("listing the shadow cluster's databases: %w", err)
	}
	have, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("listing the shadow cluster's databases: %w", err)
	}
	exists := map[string]bool{}
	for _, n := range have {
		exists[n] = true
	}
	for _, d := range list {
		// A record without a database (Record), or a database there.
		if d.Key != "" && (d.Name == "" || d.Name == keptName(d.Key) && exists[d.Name]) {
			k.kept[d.Key] = d
		}
	}
	return k, nil
}

// keptName is the database a key is kept as.
func keptName(key string) string {
	if len(key) > 32 {
		key = key[:32]
	}
	return "renovate_kept_" + key
}

// Keeps reports whether the scratch databases can be kept for later
// verifications (a throwaway cluster, kept clusters not turned off).
func (d *DB) Keeps() bool { return d.keep != nil }

// Kept returns the fingerprint a database kept under key was read with,
// and whether one is kept.
func (d *DB) Kept(key string) (string, bool) {
	if d.keep == nil {
		return "", false
	}
	kd, ok := d.keep.kept[key]
	if ok && kd.Name == "" {
		d.keep.used[key] = true // a record is used by being read
	}
	return kd.Fingerprint, ok
}

// NewDatabase creates a scratch database, empty (from template0) when from
// is "", else a copy of the database kept under from, and connects to
// it. The caller closes the connection; the database goes with the
// cluster unless kept (Keep).
func (d *DB) NewDatabase(ctx context.Context, from string) (*pgx.Conn, error) {
	if d.keep == nil {
		return nil, errors.New("the shadow database keeps nothing")
	}
	template := "template0"
	if from != "" {
		kd, ok := d.keep.kept[from]
		if !ok || kd.Name == "" {
			return nil, fmt.Errorf("no scratch database is kept as %s", from)
		}
		template = kd.Name
		d.keep.used[from] = true
	}
	name, ok := "", false
	if from != "" {
		name, ok = d.keep.takeSpare(ctx, from)
	}
	if !ok {
		var err error
		if name, err = scratchName(); err != nil {
			return nil, err
		}
		if err := d.keep.createFrom(ctx, name, template); err != nil {
			return nil, err
		}
		d.keep.mu.Lock()
		d.keep.scratch = append(d.keep.scratch, name)
		d.keep.mu.Unlock()
	}
	dsn, err := withDatabase(d.keep.adminDSN, name)
	if err != nil {
		return nil, err
	}
	conn, err := catalog.Connect(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("connecting to the scratch database %s: %w", name, err)
	}
	return conn, nil
}

// Keep closes conn, a connection to a database NewDatabase made, and keeps
// that database under key with fingerprint: later runs on the kept
// cluster find it with Kept and clone it with NewDatabase.
func (d *DB) Keep(ctx context.Context, conn *pgx.Conn, key, fingerprint string) error {
	if d.keep == nil {
		return errors.New("the shadow database keeps nothing")
	}
	name := conn.Config().Database
	d.keep.mu.Lock()
	isScratch := slices.Contains(d.keep.scratch, name)
	d.keep.mu.Unlock()
	if !isScratch {
		return fmt.Errorf("keeping %s: not a scratch database of this run", name)
	}
	// A spare clone of the database this one replaces is of the old one.
	d.keep.dropSpare(key)
	if err := conn.Close(ctx); err != nil {
		return fmt.Errorf("keeping %s: closing its connection: %w", name, err)
	}
	admin, err := catalog.Connect(ctx, d.keep.adminDSN)
	if err != nil {
		return fmt.Errorf("connecting to the shadow cluster: %w", err)
	}
	defer admin.Close(context.Background())
	kept := keptName(key)
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{kept}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("keeping %s: %w", name, err)
	}
	// The connection's backend may still be exiting: RENAME waits for it
	// as CREATE DATABASE ... TEMPLATE does.
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{name}.Sanitize()+" RENAME TO "+pgx.Identifier{kept}.Sanitize()); err != nil {
		return fmt.Errorf("keeping %s: %w", name, err)
	}
	d.keep.mu.Lock()
	d.keep.scratch = slices.DeleteFunc(d.keep.scratch, func(n string) bool { return n == name })
	d.keep.mu.Unlock()
	d.keep.kept[key] = keptDB{Name: kept, Key: key, Fingerprint: fingerprint}
	d.keep.used[key] = true
	d.keep.added = true
	return nil
}

// Record keeps the fingerprint of a database built under key, without
// the database.
func (d *DB) Record(key, fingerprint string) {
	if d.keep == nil {
		return
	}
	d.keep.kept[key] = keptDB{Key: key, Fingerprint: fingerprint}
	d.keep.used[key] = true
	d.keep.added = true
}

// Alias records that what is kept under key was built from the model
// keyed model, by steps statements: KeptModel finds it. Nothing when
// nothing is kept under key.
func (d *DB) Alias(model, key string, steps int) {
	if d.keep == nil || model == "" {
		return
	}
	kd, ok := d.keep.kept[key]
	if !ok {
		return
	}
	kd.Model, kd.Steps = model, steps
	d.keep.kept[key] = kd
	d.keep.used[key] = true
}

// KeptModel returns the key of what is kept for the model keyed model
// (Alias), and the statements that built it.
func (d *DB) KeptModel(model string) (key string, steps int, ok bool) {
	if d.keep == nil || model == "" {
		return "", 0, false
	}
	// One entry per model in practice; the smallest key if not.
	for k, kd := range d.keep.kept {
		if kd.Model == model && (!ok || k < key) {
			key, steps, ok = k, kd.Steps, true
		}
	}
	return key, steps, ok
}

// close stops the cluster: when the run kept a database, or the cluster
// was a kept one taken out of the cache, it is kept for the next run,
// after dropping the run's scratch databases (and, when it kept one, the
// kept ones it did not use); else it is thrown away (the kept cluster it
// was copied from stays).
func (k *keeper) close(ctx context.Context) error {
	k.stopSpares()
	if !k.added && !k.srv.TookKept() {
		return k.srv.Stop() // the kept cluster copied from stays
	}
	// A run that kept something keeps what it used (the cluster does not
	// grow from run to run); one that only took the cluster (init's
	// fidelity check, a plan too small to keep) gives it back whole.
	var keep []keptDB
	for key, kd := range k.kept {
		if k.used[key] || !k.added {
			keep = append(keep, kd)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].Key < keep[j].Key })
	admin, err := catalog.Connect(ctx, k.adminDSN)
	if err != nil {
		return errors.Join(fmt.Errorf("keeping the shadow cluster: %w", err), k.srv.Stop())
	}
	// Every database but the kept ones used goes: the scratch databases
	// of this run (the shadow and reference Open made too) and the kept
	// ones it did not use.
	rows, err := admin.Query(ctx, "SELECT datname FROM pg_catalog.pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1')")
	var names []string
	if err == nil {
		names, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	if err != nil {
		admin.Close(context.Background())
		return errors.Join(fmt.Errorf("keeping the shadow cluster: listing its databases: %w", err), k.srv.Stop())
	}
	stay := map[string]bool{}
	for _, kd := range keep {
		if kd.Name != "" {
			stay[kd.Name] = true
		}
	}
	for _, n := range names {
		if stay[n] {
			continue
		}
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{n}.Sanitize()+" WITH (FORCE)"); err != nil {
			admin.Close(context.Background())
			return errors.Join(fmt.Errorf("keeping the shadow cluster: dropping %s: %w", n, err), k.srv.Stop())
		}
	}
	admin.Close(context.Background())
	meta, err := json.Marshal(keep)
	if err != nil {
		return errors.Join(err, k.srv.Stop())
	}
	return k.srv.StopAndKeep(meta)
}
