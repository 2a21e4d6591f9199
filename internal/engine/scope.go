package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/renovate-pg/renovate/internal/vars"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// Scope is what an environment of renovate.hcl adds to loading, planning
// and writing: which objects are managed, and the values of the SQL
// files' {{var.NAME}} references. The zero Scope manages everything and
// defines no variables.
type Scope struct {
	// Filter drops objects out of scope from both sides of a plan and
	// from the files init, fetch and apply write. Nil keeps everything.
	Filter *filter.Filter
	// Vars are the variable values; nil or empty means none.
	Vars map[string]string
	// Data are the data tables (renovate.hcl's data blocks) whose rows
	// plans diff and fetch writes (data.go).
	Data []state.DataTable
	// SyncPolicies are the three-way policies of data tables that have
	// one (threeway.go); nil when none has.
	SyncPolicies map[state.QualName]SyncPolicy
	// ManageOwners is renovate.hcl's owners = "manage" (owners.go):
	// files say each object's owner (ALTER ... OWNER TO), plans change
	// owners and the fidelity check compares them. When false, owners
	// are left out of both sides and of the fidelity check.
	ManageOwners bool
}

// LoadLocalScoped reads every .sql file under dir, substitutes the
// variables (an unknown or malformed reference is an error naming
// file:line:col), parses the result and drops the objects out of scope.
// Local.Files holds the files as substituted: the SQL a plan shows.
func LoadLocalScoped(dir string, sc Scope) (*Local, error) {
	files, err := layout.Load(dir)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (run renovate init, or put your schema's .sql files there)", dir, ErrNoSchemaFiles)
	}
	if files, err = expandFiles(files, sc.Vars); err != nil {
		return nil, err
	}
	res, err := parseLocal(files)
	if err != nil {
		return nil, err
	}
	if sc.ManageOwners {
		res.Schema = withOwners(res.Schema, res.Owners)
	}
	res.Schema = sc.Filter.Apply(res.Schema)
	return &Local{Files: files, Parsed: res}, nil
}

// withOwners returns s with the owners of owners = "manage": those of
// its objects (an owner of an object s lacks is left out).
func withOwners(s state.DatabaseSchema, owners []state.Owner) state.DatabaseSchema {
	if len(owners) == 0 {
		return s
	}
	s.Owners = append([]state.Owner(nil), owners...)
	s.Normalize()
	return s
}

// expandFiles substitutes variables in every file, reporting the problems
// of all files at once.
func expandFiles(files []layout.File, values map[string]string) ([]layout.File, error) {
	out := make([]layout.File, len(files))
	var errs []error
	for i, f := range files {
		sql, err := vars.Expand(f.Path, f.SQL, values)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[i] = layout.File{Path: f.Path, SQL: sql}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// LoadRemoteScoped is LoadRemoteFor (LoadRemote when local is nil) for the
// objects in scope: the introspected model is filtered before it is
// printed and parsed, so the compared Schema and its Fingerprint leave
// out-of-scope objects alone (apply checks plans against the same
// fingerprint). Raw and Text stay the whole database, as introspected:
// write files with WriteScoped.
func LoadRemoteScoped(ctx context.Context, conn *pgx.Conn, local *Local, sc Scope) (*Remote, error) {
	in, err := Introspect(ctx, conn)
	if err != nil {
		return nil, err
	}
	return in.Remote(local, sc)
}

// Introspection is the live database as read from its catalog, before
// it is compared with the local files: reading it needs only the
// connection, so callers can do it while the files are parsed.
type Introspection struct {
	raw      state.DatabaseSchema
	warnings []string
	// ownersWarning is foreignOwnersWarning's, used when owners are not
	// managed; owners are the objects' owners, used when they are.
	ownersWarning string
	owners        []state.Owner
	// unstored, when set, is the catalog cache entry StoreCatalog writes.
	unstored *catalogEntry
}

// Introspect reads the database's catalog.
func Introspect(ctx context.Context, conn *pgx.Conn) (*Introspection, error) {
	raw, err := catalog.Introspect(ctx, conn)
	if err != nil {
		return nil, err
	}
	return introspectRest(ctx, conn, *raw)
}

// introspectRest reads what an Introspection holds besides the model.
func introspectRest(ctx context.Context, conn *pgx.Conn, raw state.DatabaseSchema) (*Introspection, error) {
	warnings, err := unmanagedWarnings(ctx, conn)
	if err != nil {
		return nil, err
	}
	in := &Introspection{raw: raw, warnings: warnings}
	if in.owners, err = catalog.Owners(ctx, conn); err != nil {
		return nil, err
	}
	if in.ownersWarning, err = foreignOwnersWarning(ctx, conn, in.owners); err != nil {
		return nil, err
	}
	return in, nil
}

// Remote is the rest of LoadRemoteScoped: the introspected database as
// the model a plan against local compares (local may be nil).
func (in *Introspection) Remote(local *Local, sc Scope) (*Remote, error) {
	if local != nil {
		// Most of the database's objects print as the files do: the two
		// models share them (see state.ShareEqual), which a plan's memory
		// holds once.
		in.raw.ShareEqual(local.Parsed.Schema)
	}
	return in.remoteOf(in.rawFor(sc), local, sc)
}

// rawFor is the model Remote's Raw holds: the catalog's, with the objects'
// owners where sc manages them.
func (in *Introspection) rawFor(sc Scope) state.DatabaseSchema {
	if sc.ManageOwners {
		return withOwners(in.raw, in.owners)
	}
	return in.raw
}

// RemoteBeside is Remote(nil, sc) for init, which writes the database's
// files while their text is parsed back: it starts the parse and returns
// at once what needs none (the Remote's Raw, Warnings and OwnersNote, in
// a Remote without Schema), and wait, which returns the whole Remote once
// parsed (every call the same). Both sides only read Raw: nothing may
// write it until wait returns.
func (in *Introspection) RemoteBeside(sc Scope) (early *Remote, wait func() (*Remote, error)) {
	raw := in.rawFor(sc)
	early = &Remote{Raw: raw}
	early.Warnings, early.OwnersNote = in.notes(sc)
	done := make(chan struct{})
	var r *Remote
	var err error
	go func() {
		defer close(done)
		r, err = in.remoteOf(raw, nil, sc)
	}()
	return early, func() (*Remote, error) {
		<-done
		return r, err
	}
}

// remoteOf is Remote, given raw = in.rawFor(sc).
func (in *Introspection) remoteOf(raw state.DatabaseSchema, local *Local, sc Scope) (*Remote, error) {
	scoped := sc.Filter.Apply(raw)
	remoteFiles := serverFiles(scoped)
	var r *Remote
	if local != nil && sameFiles(local.Files, remoteFiles) {
		r = newRemote(raw, local.Parsed.Schema)
	} else {
		res, err := parseRemote(remoteFiles)
		if err != nil {
			return nil, err
		}
		schema := res.Schema
		if sc.ManageOwners {
			schema = withOwners(schema, res.Owners)
		}
		schema = sc.Filter.Apply(schema)
		if local != nil {
			schema.ShareEqual(local.Parsed.Schema)
		}
		r = newRemote(raw, schema)
	}
	r.Warnings, r.OwnersNote = in.notes(sc)
	return r, nil
}

// notes are a Remote's Warnings and OwnersNote under sc.
func (in *Introspection) notes(sc Scope) (warnings []string, note string) {
	switch {
	case sc.ManageOwners:
		return in.warnings, ""
	case in.ownersWarning != "":
		return append(append([]string(nil), in.warnings...), in.ownersWarning), ""
	default:
		return in.warnings, ownersNote
	}
}

// Files returns the files to write for the introspected model raw: the
// objects in scope, with variable references put back where a role name
// is exactly one variable's value (see vars.Reverse).
func (sc Scope) Files(raw state.DatabaseSchema) map[string]string {
	return sc.FilesLike(raw, nil)
}

// FilesLike is Files for a directory that already holds files: previous
// returns a file's current text (references and all) and whether it
// exists. A role name or string literal is written back as a reference
// only where the current file used that variable (vars.ReverseLike), so
// a literal that happens to equal a value stays a literal.
func (sc Scope) FilesLike(raw state.DatabaseSchema, previous func(path string) (string, bool)) map[string]string {
	files := serverFiles(sc.Filter.Apply(raw))
	if len(sc.Vars) == 0 {
		// Reverse would only escape reference-like text: do just that.
		for p, sql := range files {
			if vars.HasReferences(sql) {
				files[p] = vars.Reverse(sql, nil)
			}
		}
		return files
	}
	// Reverse parses the files that mention a value: in parallel, as the
	// parser does.
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	out := make([]string, len(paths))
	var wg sync.WaitGroup
	var pc panicCarrier
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer pc.capture()
			for i := range next {
				var prev string
				var ok bool
				if previous != nil {
					prev, ok = previous(paths[i])
				}
				out[i] = vars.ReverseLike(files[paths[i]], sc.Vars, prev, ok)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	pc.repanic()
	for i, p := range paths {
		files[p] = out[i]
	}
	return files
}

// WriteScoped makes dir hold the files of raw under sc (see Scope.Files).
// Files of objects out of scope are left alone, never removed, whether
// the database has those objects or not. It returns the paths created, changed or removed.
func WriteScoped(dir string, raw state.DatabaseSchema, sc Scope) ([]string, error) {
	previous := func(p string) (string, bool) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		return string(b), err == nil
	}
	want := sc.FilesLike(raw, previous)
	keepSecretNames(want, previous)
	keepOutOfScope(want, previous, sc)
	var keep func(string) bool
	if !sc.Filter.IsZero() {
		all := layout.Files(raw)
		keep = func(p string) bool {
			if _, inDB := all[p]; inDB {
				return true
			}
			// The file of an object out of scope that this database
			// lacks: another environment's, left alone too.
			k, ok := layout.PathObject(p)
			if !ok && layout.IsShortName(p) {
				return shortOutOfScope(dir, p, sc)
			}
			return ok && !sc.Filter.InScope(k)
		}
	}
	return layout.WriteFiles(dir, want, keep)
}

// RefreshFiles makes dir hold the database's files: the schema files of
// raw under sc (WriteScoped) and the data files of sc's data tables
// (WriteData), read through conn. It returns the paths written or
// removed, sorted.
func RefreshFiles(ctx context.Context, conn *pgx.Conn, dir string, raw state.DatabaseSchema, sc Scope) ([]string, error) {
	if sc.ManageOwners && len(raw.Owners) == 0 {
		// raw was read without its owners (every database has at least
		// the public schema's).
		owners, err := catalog.Owners(ctx, conn)
		if err != nil {
			return nil, err
		}
		raw = withOwners(raw, owners)
	}
	touched, err := WriteScoped(dir, raw, sc)
	if err != nil {
		return touched, err
	}
	data, err := WriteData(ctx, conn, dir, raw, sc.noRefreshData())
	touched = append(touched, data...)
	sort.Strings(touched)
	return touched, err
}

// shortOutOfScope reports whether the file at p (relative to dir), whose
// shortened name does not say which object it holds, holds an object out
// of sc: its content is read to tell. A file that cannot be read is kept.
func shortOutOfScope(dir, p string, sc Scope) bool {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		return true
	}
	sql, err := vars.Expand(p, string(b), sc.Vars)
	if err != nil {
		return true
	}
	res, err := parser.ParseFiles([]parser.File{{Path: p, SQL: sql}})
	if err != nil {
		return true
	}
	_, inScope := layout.Files(sc.Filter.Apply(res.Schema))[p]
	return !inScope
}
