package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/parsecache"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// Kept scratch databases: building the copy of the target and the
// reference from nothing is most of a verification's time on a large
// schema, and the next verification of the same database (the apply
// after a plan, a plan run again) would build them again from the very
// same statements. A Keeper keeps the copy a verification built, named
// by a key that hashes the statements that built it and how it was read
// (the scope, owners managed or not), with the fingerprint it was read
// with; a verification that would run the same statements clones it
// instead. Of the reference only the fingerprint is needed (it is built
// to be compared with): the Keeper records that, under its key.
// The same statements on an empty database of the same server give the
// same schema, so a clone is what the build would give, and its recorded
// fingerprint is what reading it would give. A kept copy is used only
// when that fingerprint is the target's: the check of the copy against
// the database is still made, on the record.

// Keeper keeps scratch databases between verifications (internal/shadow
// implements it for a throwaway cluster).
type Keeper interface {
	// Kept returns the fingerprint the database kept under key was read
	// with, and whether one is kept.
	Kept(key string) (fingerprint string, ok bool)
	// NewDatabase creates and connects to a scratch database: empty
	// when from is "", else a copy of the one kept under from.
	NewDatabase(ctx context.Context, from string) (*pgx.Conn, error)
	// Keep closes conn (to a database NewDatabase made) and keeps its
	// database under key, read with fingerprint.
	Keep(ctx context.Context, conn *pgx.Conn, key, fingerprint string) error
	// Record keeps only the fingerprint of a database built under key.
	Record(key, fingerprint string)
	// Warm starts cloning, in the background, the kept database read
	// with fingerprint, if any: the NewDatabase that asks for a clone of
	// it then takes that one. It is a hint, made as soon as the target's
	// fingerprint is known, before the key is (internal/shadow's
	// spare.go); it changes what a clone is made of in no way.
	Warm(fingerprint string)
	// Alias says that what is kept under key (a database or a record)
	// is also what the model keyed model builds, by steps statements.
	Alias(model, key string, steps int)
	// KeptModel returns the key of what was kept for the model keyed
	// model (Alias), and the statements that built it.
	KeptModel(model string) (key string, steps int, ok bool)
}

// DefaultKeepMinSteps is the fewest statements a build must have for its
// database to be kept: below, building again costs less than keeping.
const DefaultKeepMinSteps = 200

// keeps reports whether p's database is worth keeping under opts.
func (opts VerifyOptions) keeps(p *planner.Plan) bool {
	if opts.Keep == nil {
		return false
	}
	min := opts.KeepMinSteps
	if min == 0 {
		min = DefaultKeepMinSteps
	}
	return len(p.Steps) >= min
}

// keepKey names the database that what's statements build (what is
// "copy" or "reference"), read in scope.
func keepKey(what string, scope Scope, p *planner.Plan) string {
	h := sha256.New()
	fmt.Fprintf(h, "renovate kept %s 1\nmanage_owners=%t\nscope=%q\n", what, scope.ManageOwners, scope.Filter.Key())
	for _, s := range p.Steps {
		fmt.Fprintf(h, "%t %d\n%s\n", s.Transactional, len(s.SQL), s.SQL)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Keys by model. A verification that finds its copy and its reference
// kept would still plan both builds from empty databases (a third of a
// second at 1,000 tables) only to hash their statements. The statements
// are a function of the model, this build of renovate and the server
// (the kept cluster is of one set of binaries), so a model key (the
// model's fingerprint, what else of the parse the plan reads, and this
// build) names them as well: on success a verification records the
// model keys of its builds next to their statement keys (Alias), and the
// next one with the same models takes the kept databases without
// planning. What is used is still checked as before: the copy only when
// it was read with the target's fingerprint, and any failure on kept
// databases is made again on databases built anew.

// modelKey names the build of m (what is "copy" or "reference"), read in
// scope, by this build of renovate on the server of conn; "" when m
// cannot be named this way: its files import foreign schemas (expanded
// on the server), or this build is unknown.
func modelKey(what string, scope Scope, m *parser.Result, conn *pgx.Conn) string {
	if len(m.ForeignImports) > 0 {
		return ""
	}
	build, err := parsecache.BuildID()
	if err != nil {
		return ""
	}
	_, public := m.Locations.Get(state.ObjectKey{Kind: state.KindSchema, Name: "public"})
	h := sha256.New()
	fmt.Fprintf(h, "renovate kept model %s 1\nbuild=%s\nserver=%q\nmanage_owners=%t\nscope=%q\npublic_declared=%t\ndefault_privileges=%t\nmodel=%s\n",
		what, build, conn.PgConn().ParameterStatus("server_version"), scope.ManageOwners, scope.Filter.Key(),
		public, m.Locations.HasKind(state.KindDefaultPrivilege), m.Schema.Fingerprint())
	return hex.EncodeToString(h.Sum(nil))
}

// keptBuilds are the copy and the reference a verification found kept
// under their models' keys.
type keptBuilds struct {
	copyKey   string
	copySteps int
	refKey    string
	refFP     string
}

// keptByModel finds the copy (kept as a database read with want) and the
// reference (kept or recorded) under their model keys; false unless both
// are.
func keptByModel(keep Keeper, copyModel, refModel, want string) (keptBuilds, bool) {
	if keep == nil || copyModel == "" || refModel == "" {
		return keptBuilds{}, false
	}
	copyKey, steps, ok := keep.KeptModel(copyModel)
	if !ok {
		return keptBuilds{}, false
	}
	refKey, _, ok := keep.KeptModel(refModel)
	if !ok {
		return keptBuilds{}, false
	}
	if fp, ok := keep.Kept(copyKey); !ok || fp != want {
		return keptBuilds{}, false
	}
	refFP, ok := keep.Kept(refKey)
	if !ok {
		return keptBuilds{}, false
	}
	return keptBuilds{copyKey: copyKey, copySteps: steps, refKey: refKey, refFP: refFP}, true
}

// rebuildKept is a Keeper that finds nothing kept: a verification made
// with it builds (and keeps) every database anew.
type rebuildKept struct{ Keeper }

func (rebuildKept) Kept(string) (string, bool) { return "", false }

// Warm does nothing: nothing kept is cloned.
func (rebuildKept) Warm(string) {}

// KeptModel finds nothing.
func (rebuildKept) KeptModel(string) (string, int, bool) { return "", 0, false }
