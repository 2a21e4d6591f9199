package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// Plan verification: before a plan touches the real database, it is run
// on a scratch copy (the shadow database) and the result is checked. The
// copy is made from renovate's own model of the remote (its canonical SQL,
// planned from an empty database and applied), so verification also proves
// that the model captured the remote faithfully; then the plan's
// statements run there exactly as apply would run them; then the shadow is
// read back and must equal the desired model: a second plan must be empty.

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
}

func (e *VerificationError) Error() string {
	switch e.Stage {
	case StageCopy:
		return fmt.Sprintf("plan verification: could not copy the database's schema into the shadow database: %v", e.Err)
	case StageApply:
		return fmt.Sprintf("plan verification failed: the plan does not run on a copy of the database: %v", e.Err)
	}
	var b strings.Builder
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
}

// Verify runs p on the empty database shadow (a fresh, scratch database
// the caller owns and drops afterwards) after copying remote into it, and
// checks that the result is what local declares. A plan that fails the
// check gives a *VerificationError; other errors (the shadow unreachable)
// are returned as they are.
func Verify(ctx context.Context, shadow *pgx.Conn, local *parser.Result, remote *Remote, p *planner.Plan) (*VerifyResult, error) {
	res := &VerifyResult{}
	// Roles are the cluster's: a throwaway cluster has none of the ones
	// grants and policies name.
	roles := rolesUsed(remote.Schema)
	for r, uses := range rolesUsed(local.Schema) {
		roles[r] = append(roles[r], uses...)
	}
	created, err := ensureRoles(ctx, shadow, roles)
	if err != nil {
		return nil, err
	}
	res.CreatedRoles = created

	// The copy: the remote's canonical files, planned from the empty
	// shadow and applied. It must come out with the remote's fingerprint.
	empty, err := LoadRemote(ctx, shadow)
	if err != nil {
		return nil, fmt.Errorf("reading the shadow database: %w", err)
	}
	remoteFiles, err := parseRemote(layout.Files(remote.Raw))
	if err != nil {
		return nil, &VerificationError{Stage: StageCopy, Err: err}
	}
	copyPlan, err := Plan(ctx, shadow, remoteFiles, empty)
	if err != nil {
		return nil, &VerificationError{Stage: StageCopy, Err: err}
	}
	res.CopyStatements = len(copyPlan.Steps)
	if err := execute(ctx, shadow, copyPlan); err != nil {
		return nil, &VerificationError{Stage: StageCopy, Err: err}
	}
	copied, err := LoadRemote(ctx, shadow)
	if err != nil {
		return nil, fmt.Errorf("reading the shadow database: %w", err)
	}
	if copied.Fingerprint != remote.Fingerprint {
		diff, derr := planner.Diff(remote.Schema, copied.Schema)
		detail := ""
		if derr == nil {
			var names []string
			for _, c := range diff.Changes {
				names = append(names, c.Object.String())
			}
			detail = ": " + strings.Join(names, ", ")
		}
		return nil, &VerificationError{Stage: StageCopy, Err: fmt.Errorf("the copy differs from the database%s", detail)}
	}

	// The plan, exactly as apply runs it.
	if err := execute(ctx, shadow, p); err != nil {
		return nil, &VerificationError{Stage: StageApply, Err: err}
	}
	after, err := LoadRemote(ctx, shadow)
	if err != nil {
		return nil, fmt.Errorf("reading the shadow database after the plan: %w", err)
	}
	res.Fingerprint = after.Fingerprint
	second, err := Plan(ctx, shadow, local, after)
	if err != nil {
		return nil, fmt.Errorf("planning again on the shadow database: %w", err)
	}
	if !second.Empty() || len(second.Changes) > 0 {
		ve := &VerificationError{Stage: StageResult, Remaining: second.Changes}
		for _, s := range second.Steps {
			ve.RemainingSQL = append(ve.RemainingSQL, s.SQL)
		}
		return nil, ve
	}
	return res, nil
}

// execute runs a plan's statements as apply does.
func execute(ctx context.Context, conn *pgx.Conn, p *planner.Plan) error {
	stmts := make([]catalog.Statement, len(p.Steps))
	for i, s := range p.Steps {
		stmts[i] = catalog.Statement{SQL: s.SQL, Transactional: s.Transactional}
	}
	_, err := catalog.Execute(ctx, conn, stmts, catalog.ExecOptions{})
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
	if err := conn.QueryRow(ctx, "SELECT ARRAY(SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[]))", names).Scan(&existing); err != nil {
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
			return created, fmt.Errorf("creating role %q in the shadow database's cluster: %w", r, err)
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
