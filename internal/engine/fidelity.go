package engine

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// The fidelity check proves that the files renovate wrote for a database
// are the whole truth: it builds them in an empty scratch database, then
// compares the catalog snapshots (catalog.ReadSnapshot) of the source and
// of that copy. The snapshot reads the system catalogs directly, not
// renovate's model, so it also sees what the model does not hold: every
// difference is a property the files lost, named per object.

// FidelityReport is the outcome of CheckFidelity.
type FidelityReport struct {
	// Skipped, when not empty, says why nothing was compared (the scratch
	// server is another major release than the source, whose catalogs
	// and deparsers differ).
	Skipped string
	// BuildErr is set when the files could not be built in the scratch
	// database: they do not rebuild the source at all.
	BuildErr error
	// Losses are the differences between the source and the copy, in
	// the environment's scope.
	Losses []catalog.Loss
	// Objects is the number of objects compared, Facts the number of
	// properties.
	Objects, Facts int
	// CreatedRoles are the roles made in the scratch cluster because the
	// files name them and it lacked them.
	CreatedRoles []string
}

// CheckFidelity builds local (the files as written, variables
// substituted) in the empty database scratch and compares the result with
// the database source, within the scope sc. Row changes of data tables are
// not built: the check is about the schema.
func CheckFidelity(ctx context.Context, source, scratch *pgx.Conn, local *Local, sc Scope) (*FidelityReport, error) {
	rep := &FidelityReport{}
	srcMajor, scratchMajor := serverMajor(source), serverMajor(scratch)
	if srcMajor != scratchMajor {
		rep.Skipped = fmt.Sprintf("the scratch server is PostgreSQL %d and the database PostgreSQL %d, whose catalogs differ (configure shadow in renovate.hcl with a server of the same release)", scratchMajor, srcMajor)
		return rep, nil
	}
	created, err := ensureRoles(ctx, scratch, rolesUsed(local.Parsed.Schema))
	if err != nil {
		return nil, err
	}
	rep.CreatedRoles = created
	empty, err := LoadRemote(ctx, scratch)
	if err != nil {
		return nil, fmt.Errorf("reading the scratch database: %w", err)
	}
	build, err := Plan(ctx, scratch, local.Parsed, empty)
	if err != nil {
		rep.BuildErr = err
		return rep, nil
	}
	if err := execute(ctx, scratch, withoutData(build)); err != nil {
		rep.BuildErr = err
		return rep, nil
	}
	// The two snapshots are read at the same time: two servers, or two
	// backends of one.
	var cp catalog.Snapshot
	var cpErr error
	var pc panicCarrier
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer pc.capture()
		cp, cpErr = catalog.ReadSnapshot(ctx, scratch)
	}()
	src, err := catalog.ReadSnapshot(ctx, source)
	<-done
	pc.repanic()
	if err != nil {
		return nil, err
	}
	if cpErr != nil {
		return nil, fmt.Errorf("the scratch database: %w", cpErr)
	}
	// Subscriptions are not built in the scratch database (creating one
	// connects to its publisher, see verify_foreign.go): they are
	// compared by plan (init then plan is empty), not here.
	keep := func(k state.ObjectKey) bool {
		return k.Kind == "database" || k.Kind != state.KindSubscription && sc.Filter.InScope(k)
	}
	src, cp = src.Filter(keep), cp.Filter(keep)
	if !sc.ManageOwners {
		// Owners are not in the files: the copy's belong to whoever
		// built it (often the scratch server's superuser).
		src, cp = src.WithoutOwners(), cp.WithoutOwners()
	}
	objects := map[string]bool{}
	for _, f := range src {
		objects[f.Object] = true
	}
	rep.Objects, rep.Facts = len(objects), len(src)
	rep.Losses = catalog.Compare(src, cp)
	return rep, nil
}

// serverMajor is the major release of the server conn is connected to,
// or 0 when it cannot be told.
func serverMajor(conn *pgx.Conn) int {
	var major int
	if _, err := fmt.Sscanf(conn.PgConn().ParameterStatus("server_version"), "%d", &major); err != nil {
		return 0
	}
	return major
}
