package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// PlanOption tunes engine.Plan.
type PlanOption func(*planSettings)

type planSettings struct {
	online bool
	// data is set by WithData; tableData is its result, computed by Plan
	// once the desired model is normalized (data.go).
	data         *dataInput
	dataProgress func(i, n int, table state.QualName)
	tableData    []planner.TableData
	// threeWay is set by WithThreeWay (threeway.go).
	threeWay *threeWayInput
}

// WithOnline plans online DDL (planner.Options.Online): concurrent index
// builds, NOT VALID constraints validated afterwards, SET NOT NULL
// through a validated CHECK.
func WithOnline(online bool) PlanOption {
	return func(s *planSettings) { s.online = online }
}

// diffSafe diffs current against desired with what only the live
// database knows: INVALID indexes left by failed concurrent builds, which
// tables hold rows (for data migrations), which casts exist, which
// functions are volatile, and afterwards the sizes of the tables the
// hazards are about (one query).
func diffSafe(ctx context.Context, conn *pgx.Conn, current, desired state.DatabaseSchema, opts []PlanOption) (*planner.Plan, error) {
	var set planSettings
	for _, o := range opts {
		o(&set)
	}
	po := planner.Options{Online: set.online, Data: set.tableData}
	if err := conn.QueryRow(ctx, "SELECT current_user::pg_catalog.text").Scan(&po.CreatingRole); err != nil {
		return nil, fmt.Errorf("reading the current role: %w", err)
	}
	invalid, err := catalog.InvalidIndexes(ctx, conn)
	if err != nil {
		return nil, err
	}
	if len(invalid) > 0 {
		// An index another session is still building is INVALID too,
		// but not a leftover to drop: refuse until the build is over.
		building, err := catalog.IndexBuildsInProgress(ctx, conn)
		if err != nil {
			return nil, err
		}
		if len(building) > 0 {
			return nil, &IndexBuildInProgressError{Builds: building}
		}
		po.InvalidIndexes = invalid
		current = withoutIndexes(current, invalid)
	}
	tables, pairs := migrationCandidates(current, desired)
	if po.NonEmptyTables, err = catalog.NonEmptyTables(ctx, conn, tables); err != nil {
		return nil, err
	}
	if po.NoAssignmentCast, err = catalog.NoAssignmentCasts(ctx, conn, pairs); err != nil {
		return nil, err
	}
	if err := typeChangeFacts(ctx, conn, current, desired, &po); err != nil {
		return nil, err
	}
	if po.VolatileFunctions, err = catalog.VolatileFunctionNames(ctx, conn); err != nil {
		return nil, err
	}
	if po.FixedExtensions, err = catalog.FixedExtensions(ctx, conn); err != nil {
		return nil, err
	}
	if po.ServerVersion, err = catalog.ServerVersion(conn); err != nil {
		return nil, err
	}
	p, err := planner.DiffWithOptions(current, desired, po)
	if err != nil {
		return nil, err
	}
	sizes, err := catalog.RelationSizes(ctx, conn, p.Relations())
	if err != nil {
		return nil, err
	}
	ps := make(map[state.QualName]planner.RelationSize, len(sizes))
	for q, s := range sizes {
		ps[q] = planner.RelationSize{EstimatedRows: s.EstimatedRows, Bytes: s.Bytes, TotalBytes: s.TotalBytes}
	}
	p.AttachSizes(ps)
	return p, nil
}

// IndexBuildInProgressError means an INVALID index of the database is
// being built (or dropped) concurrently by another session right now: the
// plan would drop it as a leftover of a failed build, so planning stops.
type IndexBuildInProgressError struct {
	Builds []catalog.IndexBuild
}

func (e *IndexBuildInProgressError) Error() string {
	var b strings.Builder
	b.WriteString("another session is building (or dropping) an index right now, so renovate cannot tell it from the leftover of a failed build and will not plan to drop it:")
	for _, x := range e.Builds {
		fmt.Fprintf(&b, "\n  index %s on %s.%s: session %d (%s)", x.Index.Name, x.Index.Schema, x.Index.Table, x.PID, x.How)
	}
	b.WriteString("\nplan again when it has finished (SELECT * FROM pg_stat_progress_create_index shows its progress)")
	return b.String()
}

// withoutIndexes returns s without the given indexes: an INVALID index is
// not what the files describe, so the planner sees it as absent (and the
// plan drops it first, planner.Options.InvalidIndexes).
func withoutIndexes(s state.DatabaseSchema, keys []state.ObjectKey) state.DatabaseSchema {
	drop := map[state.ObjectKey]bool{}
	for _, k := range keys {
		drop[k] = true
	}
	tables := make([]state.Table, len(s.Tables))
	for i, t := range s.Tables {
		var kept []state.Index
		for _, ix := range t.Indexes {
			if !drop[state.ObjectKey{Kind: state.KindIndex, Schema: t.Schema, Table: t.Name, Name: ix.Name}] {
				kept = append(kept, ix)
			}
		}
		if len(kept) != len(t.Indexes) {
			t.Indexes = kept
		}
		tables[i] = t
	}
	s.Tables = tables
	return s
}

// migrationCandidates lists the existing tables where a change may need
// the user's data migration (a new NOT NULL column without a default, a
// type change between base types) and the type pairs to look up casts
// for. Only these tables are probed for rows.
func migrationCandidates(current, desired state.DatabaseSchema) ([]state.QualName, [][2]string) {
	cur := make(map[state.QualName]*state.Table, len(current.Tables))
	for i := range current.Tables {
		cur[current.Tables[i].QualName()] = &current.Tables[i]
	}
	var tables []state.QualName
	pairSet := map[[2]string]bool{}
	for _, t := range desired.Tables {
		old, ok := cur[t.QualName()]
		if !ok {
			continue
		}
		candidate := false
		for _, c := range t.Columns {
			oc, had := old.Column(c.Name)
			switch {
			case !had && c.NotNull && c.Default == "" && c.Identity == "" && c.Generated == "":
				candidate = true
			case had && planner.BaseType(oc.Type) != planner.BaseType(c.Type):
				candidate = true
				pairSet[[2]string{planner.BaseType(oc.Type), planner.BaseType(c.Type)}] = true
			}
		}
		if candidate {
			tables = append(tables, t.QualName())
		}
	}
	pairs := make([][2]string, 0, len(pairSet))
	for p := range pairSet {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	return tables, pairs
}
