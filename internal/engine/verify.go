package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// Plan verification: before a plan touches the real database, it is run
// on a scratch copy (the shadow database) and the result is checked. The
// copy is made from renovate's own model of the remote (its canonical SQL,
// planned from an empty database and applied), so verification also proves
// that the model captured the remote faithfully; then the plan's
// statements run there exactly as apply would run them; then the shadow is
// read back and checked twice: a second plan against the files must be
// empty, and its model must have the fingerprint of a second scratch
// database (the reference) built from the files alone. Column order aside
// (a plan can only append columns; see state.Table), the two must be the
// same schema.

// VerifyStage names the part of a verification that failed.
type VerifyStage string

// Verification stages.
const (
	// StageCopy: the remote's schema could not be reproduced in the shadow
	// (an extension missing on the shadow's server, a server older than
	// the remote, ...): the plan could not be verified.
	StageCopy VerifyStage = "copy"
	// StageApply: a statement of the plan failed in the shadow.
	StageApply VerifyStage = "apply"
	// StageResult: the plan ran, but the result is not what the files say.
	StageResult VerifyStage = "result"
)

// VerificationError says why a plan failed verification.
type VerificationError struct {
	Stage VerifyStage
	// Err is the underlying failure (copy and apply stages).
	Err error
	// Remaining are the objects that still differ from the files after
	// the plan ran in the shadow (result stage): a second plan's changes.
	Remaining []planner.ObjectChange
	// RemainingSQL is the second plan's statements.
	RemainingSQL []string
	// Mismatch holds, per object file, a unified diff from the result to
	// the reference built from the files (result stage, when the second
	// plan is empty but the fingerprints differ).
	Mismatch map[string][]string
}

func (e *VerificationError) Error() string {
	switch e.Stage {
	case StageCopy:
		return fmt.Sprintf("plan verification: could not copy the database's schema into the shadow database: %v", e.Err)
	case StageApply:
		return fmt.Sprintf("plan verification failed: the plan does not run on a copy of the database: %v", e.Err)
	}
	var b strings.Builder
	if len(e.Remaining) == 0 && len(e.Mismatch) == 0 {
		// A second plan with statements but no per-object change (grants
		// and revokes, say): the statements are what differs.
		fmt.Fprintf(&b, "plan verification failed: after the plan ran on a copy of the database, a second plan against the files would still run %d statement(s):\n", len(e.RemainingSQL))
		for _, s := range e.RemainingSQL {
			b.WriteString("  " + strings.TrimSpace(s) + "\n")
		}
		if len(e.RemainingSQL) == 0 {
			b.WriteString("  (no statement and no object named: this is a bug in renovate, please report it)\n")
		}
		return strings.TrimRight(b.String(), "\n")
	}
	if len(e.Remaining) == 0 {
		paths := make([]string, 0, len(e.Mismatch))
		for p := range e.Mismatch {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		fmt.Fprintf(&b, "plan verification failed: after the plan ran on a copy of the database, its schema differs from one built from the files alone in %d file(s) (- result, + built from the files):\n", len(paths))
		for _, p := range paths {
			b.WriteString(p + ":\n")
			for _, l := range e.Mismatch[p] {
				b.WriteString(l + "\n")
			}
		}
		return strings.TrimRight(b.String(), "\n")
	}
	fmt.Fprintf(&b, "plan verification failed: after the plan ran on a copy of the database, %d object(s) still differ from the files (- result, + files):\n", len(e.Remaining))
	for _, c := range e.Remaining {
		fmt.Fprintf(&b, "%s %s:\n", c.Object.Kind.Title(), c.Object.QualifiedName())
		for _, l := range render.UnifiedDiff(c.Old, c.New, 3) {
			b.WriteString(l + "\n")
		}
	}
	if len(e.RemainingSQL) > 0 {
		b.WriteString("A second plan would still run:\n")
		for _, s := range e.RemainingSQL {
			b.WriteString("  " + strings.TrimSpace(s) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// Unwrap returns the underlying failure.
func (e *VerificationError) Unwrap() error { return e.Err }

// VerifyResult describes a successful verification.
type VerifyResult struct {
	// CreatedRoles are the roles made in the shadow's cluster because the
	// remote or the files use them and it lacked them.
	CreatedRoles []string
	// CopyStatements is the number of statements that built the copy.
	CopyStatements int
	// Fingerprint is the fingerprint of the shadow after the plan: the
	// schema the real database will have.
	Fingerprint string
	// HeldBack are the objects left out of the copy and not verified:
	// they use objects renovate does not manage (VerifyOptions).
	HeldBack []catalog.UnmanagedDependent
	// SkippedDataSteps is the number of row changes of data tables not
	// run: the copy holds the schema, not the rows they change or
	// reference.
	SkippedDataSteps int
	// ReferenceFromShadow says the reference database was not built: the
	// copy was empty and the plan the very statements that build the
	// files from nothing (a first deploy), so the shadow after the plan
	// is that build (verify_fast.go).
	ReferenceFromShadow bool
	// KeptCopy and KeptReference say the copy, the reference, was a
	// clone of one a verification built before from the same statements
	// (VerifyOptions.Keep, verify_keep.go).
	KeptCopy, KeptReference bool
	// ByModel says both were found by their models' keys: neither build
	// was planned (verify_keep.go).
	ByModel bool
}

// Verify runs p on the empty database shadow after copying remote into
// it, and checks that the result is what local declares: a second plan
// must be empty, and the result must have the fingerprint (column order
// aside) of the empty database reference once the files alone are built
// there. shadow and reference are fresh scratch databases of the same
// cluster, which the caller owns and drops afterwards. A plan that fails
// the check gives a *VerificationError; other errors (a scratch database
// unreachable) are returned as they are.
func Verify(ctx context.Context, shadow, reference *pgx.Conn, local *parser.Result, remote *Remote, p *planner.Plan) (*VerifyResult, error) {
	return VerifyWith(ctx, shadow, reference, local, remote, p, VerifyOptions{})
}

// VerifyWith is Verify for an environment with filters, or a target
// whose managed objects use unmanaged ones (see VerifyOptions and
// verify_scope.go). local and remote are the plan's: already in the
// filter's scope.
//
// With opts.Keep, a verification that fails on a kept copy or against a
// recorded reference is made again on databases built now (which replace
// the kept ones): a kept database that is not what its statements build
// (damaged, or tampered with) costs time, never a wrong verdict.
func VerifyWith(ctx context.Context, shadow, reference *pgx.Conn, local *parser.Result, remote *Remote, p *planner.Plan, opts VerifyOptions) (*VerifyResult, error) {
	res := &VerifyResult{HeldBack: opts.Unmanaged}
	err := verifyWith(ctx, shadow, reference, local, remote, p, opts, res)
	if err == nil {
		return res, nil
	}
	if !(res.KeptCopy || res.KeptReference) || ctx.Err() != nil {
		return nil, err
	}
	// Fresh databases: the ones given may hold a copy built above.
	sc, err := opts.Keep.NewDatabase(ctx, "")
	if err != nil {
		return nil, err
	}
	defer sc.Close(context.Background())
	ref, err := opts.Keep.NewDatabase(ctx, "")
	if err != nil {
		return nil, err
	}
	defer ref.Close(context.Background())
	opts.Keep = rebuildKept{opts.Keep}
	res = &VerifyResult{HeldBack: opts.Unmanaged}
	if err := verifyWith(ctx, sc, ref, local, remote, p, opts, res); err != nil {
		return nil, err
	}
	return res, nil
}

// verifyWith is VerifyWith's one attempt; it fills res.
func verifyWith(ctx context.Context, shadow, reference *pgx.Conn, local *parser.Result, remote *Remote, p *planner.Plan, opts VerifyOptions, res *VerifyResult) (err error) {
	// A plan made by Plan has its imports expanded already; a saved
	// plan's files may not (foreign_import.go).
	if err := expandForeignImports(ctx, reference, local); err != nil {
		return err
	}
	if s, h, ok := touchesHeld(p, opts.Unmanaged); ok {
		return &VerificationError{Stage: StageCopy, Err: fmt.Errorf(
			"step %d changes %s, which uses %s, an object renovate does not manage: a copy made from renovate's model cannot hold it",
			s.ID, h.Key, h.Cause)}
	}
	// hold leaves out what a copy cannot hold; scope also what the
	// environment does not manage: the comparisons are made in scope.
	var hold *filter.Filter
	scope := opts.Filter
	// Subscriptions are never built in a scratch database: creating one
	// connects to its publisher (verify_foreign.go).
	if held := append(heldKeys(opts.Unmanaged), subscriptionKeys(remote.Raw, local.Schema)...); len(held) > 0 {
		hold = (*filter.Filter)(nil).Without(held...)
		scope = opts.Filter.Without(held...)
	}
	// Owners are managed when the remote's model carries them (it was
	// read with owners = "manage"): the copy is then given the remote's
	// owners, and every model read back carries them (verify_owners.go).
	manage := opts.ManageOwners || len(remote.Schema.Owners) > 0
	inScope := Scope{Filter: scope, ManageOwners: manage}
	// What the copy must read back as. A copy kept before can be used
	// only when it was read with this fingerprint: its clone starts now,
	// while the builds are planned (buildCopy still decides on the key).
	remoteScoped := scope.Apply(remote.Schema)
	remoteFP := remoteScoped.Fingerprint()
	if opts.Keep != nil {
		opts.Keep.Warm(remoteFP)
	}
	// The whole database is copied, out-of-scope objects included: the
	// plan runs on the real database, where they are.
	whole, err := parseRemote(serverFiles(hold.Apply(remote.Raw)))
	if err != nil {
		return &VerificationError{Stage: StageCopy, Err: err}
	}
	if manage {
		whole.Schema = withOwners(whole.Schema, whole.Owners)
	}
	wanted := local
	if hold != nil {
		wanted = withSchema(local, scope.Apply(local.Schema))
	}

	// Roles are the cluster's: a throwaway cluster has none of the ones
	// grants and policies name.
	roles := rolesUsed(whole.Schema)
	for r, uses := range rolesUsed(wanted.Schema) {
		roles[r] = append(roles[r], uses...)
	}
	created, err := ensureRoles(ctx, shadow, roles)
	if err != nil {
		return err
	}
	res.CreatedRoles = created

	// The reference: the files alone, built from nothing, next to what
	// the database holds out of scope (the files do not say). Its plan
	// is made while the copy's is; it is built while the copy is made
	// and the plan runs on it (verify_fast.go).
	refModel := wanted
	if !opts.Filter.IsZero() {
		refModel = withSchema(wanted, mergeModels(wanted.Schema, outOfScope(opts.Filter, whole.Schema)))
	}
	// The plan, exactly as apply runs it, but for its row changes.
	schemaSteps := withoutData(p)
	res.SkippedDataSteps = len(p.Steps) - len(schemaSteps.Steps)

	// The builds of the copy and of the reference, or what was kept of
	// them: by their models' keys, when both were (neither is planned
	// then), else by their statements' (verify_keep.go).
	var copyKey, copyModel, refKey, refModelKey string
	var refKept string // a recorded reference's fingerprint
	var copyPlan *planner.Plan
	var refJob *referenceBuild
	if opts.Keep != nil {
		copyModel, refModelKey = modelKey("copy", inScope, whole, shadow), modelKey("reference", inScope, refModel, reference)
	}
	if kb, ok := keptByModel(opts.Keep, copyModel, refModelKey, remoteFP); ok {
		copyKey, refKey, refKept = kb.copyKey, kb.refKey, kb.refFP
		res.CopyStatements = kb.copySteps
		res.KeptReference, res.ByModel = true, true
	} else {
		// The copy: the remote's canonical files, planned from the
		// empty shadow and applied. In scope, it must come out with
		// the remote's fingerprint. The reference's build is planned
		// beside it.
		var build *planner.Plan
		var empty, refEmpty *Remote
		var err error
		if copyPlan, build, empty, refEmpty, err = planBuilds(ctx, shadow, reference, whole, refModel); err != nil {
			return err
		}
		res.CopyStatements = len(copyPlan.Steps)
		if opts.keeps(copyPlan) {
			copyKey = keepKey("copy", inScope, copyPlan)
		}
		// The same statements on the same (empty) database give the
		// same result: on a first deploy the plan is the reference's
		// build, and the shadow after the plan serves as the reference.
		sameAsShadow := len(copyPlan.Steps) == 0 && empty.Fingerprint == refEmpty.Fingerprint && sameStatements(schemaSteps, build)
		res.ReferenceFromShadow = sameAsShadow
		if !sameAsShadow {
			if opts.keeps(build) {
				refKey = keepKey("reference", inScope, build)
				refKept, res.KeptReference = opts.Keep.Kept(refKey)
			}
			if !res.KeptReference {
				refJob = startReference(ctx, reference, build, inScope, manage, created)
			}
		}
	}
	// Every return below waits for the reference build first: the
	// caller closes its connection.
	defer refJob.cancelAndWait()
	// A verification that passed names its kept builds by their models
	// too, for the next one.
	defer func() {
		if err == nil && opts.Keep != nil {
			if copyKey != "" && copyModel != "" {
				opts.Keep.Alias(copyModel, copyKey, res.CopyStatements)
			}
			if refKey != "" && refModelKey != "" {
				opts.Keep.Alias(refModelKey, refKey, 0)
			}
		}
	}()

	var copyKeep Keeper
	if copyKey != "" {
		copyKeep = opts.Keep
	}
	shadow, err = buildCopy(ctx, shadow, copyKeep, copyKey, copyPlan, inScope, remoteScoped, remoteFP, res, manage, created)
	if err != nil {
		return err
	}
	if copyKeep != nil {
		defer shadow.Close(context.Background())
	}

	if err := execute(ctx, shadow, schemaSteps); err != nil {
		if missingObject(err) && (len(opts.Unmanaged) > 0 || len(remote.Warnings) > 0) {
			// The statement may name an object the copy lacks: one of
			// a kind renovate does not manage (made by hand in the
			// target, say), or one left out for using such an object.
			// That is no fault of the plan, but it cannot be verified.
			lacks := "the objects renovate does not manage"
			if len(opts.Unmanaged) > 0 {
				lacks += ", and " + DescribeHeld(opts.Unmanaged, 5) + ", left out because they use such objects"
			}
			return &VerificationError{Stage: StageCopy, Err: fmt.Errorf(
				"%w\n(the copy lacks %s; the plan may need them)", err, lacks)}
		}
		return &VerificationError{Stage: StageApply, Err: err}
	}
	after, err := LoadRemoteScoped(ctx, shadow, nil, inScope)
	if err != nil {
		return fmt.Errorf("reading the shadow database after the plan: %w", err)
	}
	res.Fingerprint = after.Fingerprint
	second, err := Plan(ctx, shadow, wanted, after)
	if err != nil {
		return fmt.Errorf("planning again on the shadow database: %w", err)
	}
	if !second.Empty() || len(second.Changes) > 0 {
		ve := &VerificationError{Stage: StageResult, Remaining: second.Changes}
		for _, s := range second.Steps {
			ve.RemainingSQL = append(ve.RemainingSQL, s.SQL)
		}
		return ve
	}

	got := byColumnName(after.Schema)
	if res.KeptReference {
		if got.Fingerprint() == refKept {
			return nil
		}
		// VerifyWith verifies again with the reference built, which
		// shows the difference.
		return &VerificationError{Stage: StageResult, Err: errors.New("the result's fingerprint is not the one recorded for the database built from the files")}
	}
	ref := after
	if refJob != nil {
		if ref, err = refJob.wait(); err != nil {
			return err
		}
	}
	want := byColumnName(ref.Schema)
	wantFP := want.Fingerprint()
	if refKey != "" {
		opts.Keep.Record(refKey, wantFP)
	}
	if got.Fingerprint() != wantFP {
		return &VerificationError{Stage: StageResult, Mismatch: fileDiffs(got, want)}
	}
	return nil
}

// buildCopy makes the copy of the remote the plan runs on and returns the
// connection to it: shadow itself, built by copyPlan, when keep is nil;
// else a clone of the copy kept under key when one is and it was read
// with the remote's fingerprint, or a clone of a copy built now and kept
// under key. The copy must read back (in scope) as the remote does.
// copyPlan may be nil when the copy is known to be kept.
func buildCopy(ctx context.Context, shadow *pgx.Conn, keep Keeper, key string, copyPlan *planner.Plan, inScope Scope, remoteScoped state.DatabaseSchema, want string, res *VerifyResult, manage bool, created []string) (*pgx.Conn, error) {
	if keep != nil {
		if fp, ok := keep.Kept(key); ok && fp == want {
			res.KeptCopy = true
			return keep.NewDatabase(ctx, key)
		}
		if copyPlan == nil {
			return nil, errors.New("the copy kept for the database's model is gone")
		}
		conn, err := keep.NewDatabase(ctx, "")
		if err != nil {
			return nil, err
		}
		defer conn.Close(context.Background())
		shadow = conn
	}
	if err := execute(ctx, shadow, copyPlan); err != nil {
		return nil, &VerificationError{Stage: StageCopy, Err: ownerBuildError(err, manage, created)}
	}
	copied, err := LoadRemoteScoped(ctx, shadow, nil, inScope)
	if err != nil {
		return nil, fmt.Errorf("reading the shadow database: %w", err)
	}
	if copied.Fingerprint != want {
		return nil, &VerificationError{Stage: StageCopy, Err: fmt.Errorf("the copy differs from the database%s", copyDifference(remoteScoped, copied.Schema))}
	}
	if keep == nil {
		return shadow, nil
	}
	if err := keep.Keep(ctx, shadow, key, want); err != nil {
		return nil, err
	}
	return keep.NewDatabase(ctx, key)
}

// missingObject reports whether err is PostgreSQL's "does not exist"
// for a relation, function, type or other object.
func missingObject(err error) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return false
	}
	switch pgErr.Code {
	case "42P01", "42883", "42704", "42703", "3F000":
		return true
	}
	return false
}

// byColumnName returns a copy of s with every table's columns sorted by
// name: a plan appends new columns, the files may list them anywhere, and
// the planner never reorders (see state.Table).
func byColumnName(s state.DatabaseSchema) state.DatabaseSchema {
	c := s.Clone()
	for i := range c.Tables {
		cols := c.Tables[i].Columns
		sort.SliceStable(cols, func(a, b int) bool { return cols[a].Name < cols[b].Name })
	}
	return c
}

// fileDiffs compares two models through renovate's canonical files and
// returns, per differing file, a unified diff from a to b.
func fileDiffs(a, b state.DatabaseSchema) map[string][]string {
	fa, fb := layout.Files(a), layout.Files(b)
	out := map[string][]string{}
	for p, ta := range fa {
		if tb := fb[p]; ta != tb {
			out[p] = render.UnifiedDiff(ta, tb, 3)
		}
	}
	for p, tb := range fb {
		if _, ok := fa[p]; !ok {
			out[p] = render.UnifiedDiff("", tb, 3)
		}
	}
	if len(out) == 0 {
		// Equal files, different models: a field no file shows. Show
		// the models themselves.
		ja, erra := json.MarshalIndent(a, "", " ")
		jb, errb := json.MarshalIndent(b, "", " ")
		if erra != nil || errb != nil {
			out["(model)"] = []string{"the models differ in a property renovate's files do not show"}
		} else {
			out["(model, a property the files do not show)"] = render.UnifiedDiff(string(ja), string(jb), 6)
		}
	}
	return out
}

// withoutData returns p without the row changes of data tables.
func withoutData(p *planner.Plan) *planner.Plan {
	q := *p
	q.Steps = nil
	for _, s := range p.Steps {
		if s.Object.Kind != state.KindData {
			q.Steps = append(q.Steps, s)
		}
	}
	return &q
}

// execute runs a plan's statements as apply does.
func execute(ctx context.Context, conn *pgx.Conn, p *planner.Plan) error {
	stmts := make([]catalog.Statement, 0, len(p.Steps))
	for _, s := range p.Steps {
		if s.Object.Kind == state.KindSubscription {
			continue // see subscriptionKeys
		}
		stmts = append(stmts, catalog.Statement{SQL: s.SQL, Transactional: s.Transactional})
	}
	_, err := catalog.Execute(ctx, conn, stmts, catalog.ExecOptions{Batch: true, Secrets: catalog.ScratchSecrets})
	return err
}

// ensureRoles creates, as NOLOGIN roles, those of roles the shadow's
// cluster lacks, and returns their names.
func ensureRoles(ctx context.Context, conn *pgx.Conn, roles map[string][]string) ([]string, error) {
	names := make([]string, 0, len(roles))
	for r := range roles {
		names = append(names, r)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil
	}
	var existing []string
	if err := conn.QueryRow(ctx, "SELECT ARRAY(SELECT rolname::pg_catalog.text FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) ANY($1::pg_catalog.text[]))", names).Scan(&existing); err != nil {
		return nil, fmt.Errorf("checking roles in the shadow database: %w", err)
	}
	have := map[string]bool{}
	for _, r := range existing {
		have[r] = true
	}
	var created []string
	for _, r := range names {
		if have[r] {
			continue
		}
		if _, err := conn.Exec(ctx, "CREATE ROLE "+pgx.Identifier{r}.Sanitize()+" NOLOGIN"); err != nil {
			uses := roles[r]
			if len(uses) > 3 {
				uses = append(uses[:3:3], fmt.Sprintf("%d more", len(roles[r])-3))
			}
			return created, fmt.Errorf("the shadow database's cluster lacks role %q (used by %s) and it could not be created there: %w",
				r, strings.Join(uses, ", "), err)
		}
		created = append(created, r)
	}
	return created, nil
}

// IsVerificationError reports whether err is a failed verification.
func IsVerificationError(err error) bool {
	var ve *VerificationError
	return errors.As(err, &ve)
}
