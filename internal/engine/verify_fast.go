package engine

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
)

// What keeps verification cheap (issue 15): the reference database is
// built on its own connection while the plan runs on the copy (the two
// are separate server backends, so a second core works on it), and it is
// not built at all when it would only repeat the shadow: on a first
// deploy, the copy is empty and the plan is exactly the statements that
// build the files from nothing.

// sameStatements reports whether a and b run the same statements, in the
// same order and the same way.
func sameStatements(a, b *planner.Plan) bool {
	if len(a.Steps) != len(b.Steps) {
		return false
	}
	for i := range a.Steps {
		if a.Steps[i].SQL != b.Steps[i].SQL || a.Steps[i].Transactional != b.Steps[i].Transactional {
			return false
		}
	}
	return true
}

// referenceBuild is the reference database being built in a goroutine.
type referenceBuild struct {
	cancel context.CancelFunc
	done   chan struct{}
	ref    *Remote
	err    error
}

// startReference runs build on reference and reads the result back, in
// a goroutine.
func startReference(ctx context.Context, reference *pgx.Conn, build *planner.Plan, inScope Scope, manage bool, created []string) *referenceBuild {
	ctx, cancel := context.WithCancel(ctx)
	j := &referenceBuild{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		if err := execute(ctx, reference, build); err != nil {
			j.err = fmt.Errorf("building the files in the reference scratch database: %w", ownerBuildError(err, manage, created))
			return
		}
		ref, err := LoadRemoteScoped(ctx, reference, nil, inScope)
		if err != nil {
			j.err = fmt.Errorf("reading the reference scratch database: %w", err)
			return
		}
		j.ref = ref
	}()
	return j
}

// wait returns the reference once built.
func (j *referenceBuild) wait() (*Remote, error) {
	<-j.done
	return j.ref, j.err
}

// cancelAndWait stops a build still running and waits for its goroutine;
// nothing for a nil j.
func (j *referenceBuild) cancelAndWait() {
	if j == nil {
		return
	}
	j.cancel()
	<-j.done
}

// planBuilds plans, from the empty shadow and reference databases, the
// build of the copy (whole) and the reference's (refModel), side by side
// (two server backends), and returns them with the empty databases'
// models. A copy that cannot be planned is a copy-stage failure.
func planBuilds(ctx context.Context, shadow, reference *pgx.Conn, whole, refModel *parser.Result) (copyPlan, build *planner.Plan, empty, refEmpty *Remote, err error) {
	var refErr error
	refPlanned := make(chan struct{})
	go func() {
		defer close(refPlanned)
		if refEmpty, refErr = LoadRemote(ctx, reference); refErr != nil {
			refErr = fmt.Errorf("reading the reference scratch database: %w", refErr)
			return
		}
		if build, refErr = Plan(ctx, reference, refModel, refEmpty); refErr != nil {
			refErr = fmt.Errorf("planning the reference scratch database: %w", refErr)
		}
	}()
	// The caller closes the connection: the goroutine is done first.
	defer func() { <-refPlanned }()
	if empty, err = LoadRemote(ctx, shadow); err != nil {
		return nil, nil, nil, nil, fmt.Errorf("reading the shadow database: %w", err)
	}
	if copyPlan, err = Plan(ctx, shadow, whole, empty); err != nil {
		return nil, nil, nil, nil, &VerificationError{Stage: StageCopy, Err: err}
	}
	<-refPlanned
	if refErr != nil {
		return nil, nil, nil, nil, refErr
	}
	return copyPlan, build, empty, refEmpty, nil
}
