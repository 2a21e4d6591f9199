package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/renovate-pg/renovate/state/rows"
)

// Three-way data sync (DESIGN.md §10). A data table whose block sets
// on_conflict or target_only is synced against a base: its data file as
// it was at the commit last applied to the target, which is the "last
// sync" state of that target. The rows the two-way diff (file against
// target) would change are then sorted by who changed them since:
//
//   - only the file changed the row: the change is applied;
//   - only the target changed it: the target's row stays (no step);
//   - both changed it, differently: a conflict, which on_conflict
//     resolves (source: the file's row; target: the target's row; fail:
//     the plan fails and names the rows);
//   - the row is only in the target (neither in the base nor in the
//     file): target_only keeps it or deletes it.
//
// Rows are matched by the table's key, a natural key where ids differ
// between databases: the key and the recorded base are all the
// bookkeeping three-way sync needs, so no sync-id column, last-sync
// timestamp or referee database is involved. With no recorded apply for
// a target the base is empty: every row both sides hold differently is a
// conflict.

// SyncPolicy is a data table's three-way policy; the zero value means the
// table is synced two-way (the file wins everything).
type SyncPolicy struct {
	// OnConflict is "source", "target" or "fail".
	OnConflict string
	// TargetOnly is "keep" or "delete".
	TargetOnly string
}

// ThreeWay reports whether the policy makes the table's sync three-way.
func (p SyncPolicy) ThreeWay() bool { return p.OnConflict != "" || p.TargetOnly != "" }

// ConfigSyncPolicies are the three-way policies of cfg's data blocks
// (nil when none has one).
func ConfigSyncPolicies(cfg *config.Config) map[state.QualName]SyncPolicy {
	var out map[state.QualName]SyncPolicy
	for _, d := range cfg.Data {
		p := SyncPolicy{OnConflict: d.OnConflict, TargetOnly: d.TargetOnly}
		if !p.ThreeWay() {
			continue
		}
		if out == nil {
			out = map[state.QualName]SyncPolicy{}
		}
		out[state.QualName{Schema: d.Schema, Name: d.Table}] = p
	}
	return out
}

// DataBase is the base of a target's three-way sync.
type DataBase struct {
	// Commit is the commit last applied to the target, "" when none is
	// recorded (the base is then empty).
	Commit string
	// Files are the data files at Commit, by table; a table missing had
	// no data file there.
	Files map[state.QualName][]byte
}

// DataConflict is a row changed both in the data file and in the target
// since the base.
type DataConflict struct {
	Table state.QualName `json:"table"`
	// Key is the row's key, "code='fr'".
	Key string `json:"key"`
	// What says how each side changed it.
	What string `json:"what"`
	// Resolution is the on_conflict policy applied: "source", "target"
	// or "fail".
	Resolution string `json:"resolution"`
}

// String describes the conflict for people.
func (c DataConflict) String() string {
	res := map[string]string{"source": "the file's row wins", "target": "the target's row stays", "fail": "unresolved (on_conflict = \"fail\")"}[c.Resolution]
	return fmt.Sprintf("%s (%s): %s; %s", c.Table, c.Key, c.What, res)
}

// ConflictError is a plan refused because rows conflict under
// on_conflict = "fail".
type ConflictError struct {
	Conflicts []DataConflict
}

func (e *ConflictError) Error() string {
	lines := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		lines[i] = "  " + c.String()
	}
	return fmt.Sprintf("%d data row(s) changed both in the data files and in the database since the last apply, and their tables say on_conflict = \"fail\":\n%s\nresolve them (edit the data file, or the row), or set on_conflict to \"source\" or \"target\"",
		len(e.Conflicts), strings.Join(lines, "\n"))
}

// threeWayInput is what WithThreeWay gives Plan.
type threeWayInput struct {
	policies map[state.QualName]SyncPolicy
	base     *DataBase
	// conflicts receives the conflicts found (resolved ones too).
	conflicts *[]DataConflict
}

// WithThreeWay makes the data tables with a policy sync three-way against
// base; every conflict found is appended to conflicts (when not nil).
func WithThreeWay(policies map[state.QualName]SyncPolicy, base *DataBase, conflicts *[]DataConflict) PlanOption {
	return func(s *planSettings) {
		if len(policies) == 0 {
			return
		}
		if base == nil {
			base = &DataBase{}
		}
		s.threeWay = &threeWayInput{policies: policies, base: base, conflicts: conflicts}
	}
}

// baseRows reads table s's rows at the base, by key: nil when the base
// has no such file (or one that no longer reads with the table's
// columns: then no row counts as synced before).
func (in *threeWayInput) baseRows(s *rows.Shape) map[string]rows.Row {
	src, ok := in.base.Files[s.Table]
	if !ok {
		return nil
	}
	r := rows.NewReader(bytes.NewReader(src), layout.DataPath(s.Table)+"@"+in.base.Commit, s)
	out := map[string]rows.Row{}
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			return nil
		}
		out[keyText(s, row)] = row
	}
}

// rowText is a comparable text of r's values, leaving out the columns
// skip marks (columns the target does not have yet).
func rowText(s *rows.Shape, r *rows.Row, skip []bool) string {
	if r == nil {
		return "\x00absent"
	}
	var b strings.Builder
	for i, c := range s.Columns {
		if i < len(skip) && skip[i] {
			continue
		}
		b.WriteString(valuesText(r.Vals[c.Off : c.Off+c.Width()]))
		b.WriteString("\x00|")
	}
	return b.String()
}

// threeWay sorts the two-way diff res of table s by who changed each row
// since the base, keeping the changes the policy applies; conflicts are
// returned, resolved or not.
func (tp *tablePlan) threeWay(res *diffResult, in *threeWayInput) (*diffResult, []DataConflict) {
	s := tp.shape
	pol := in.policies[s.Table]
	base := in.baseRows(s)
	lookup := func(r rows.Row) *rows.Row {
		if b, ok := base[keyText(s, r)]; ok {
			return &b
		}
		return nil
	}
	var conflicts []DataConflict
	conflict := func(r rows.Row, what string) bool {
		conflicts = append(conflicts, DataConflict{Table: s.Table, Key: s.KeyString(r), What: what, Resolution: pol.OnConflict})
		return pol.OnConflict == "source"
	}
	// A target row is unchanged since the base when their values agree
	// on the columns the target has; the file's row when they agree on
	// all.
	targetSame := func(t *rows.Row, b *rows.Row) bool { return rowText(s, t, tp.unknown) == rowText(s, b, tp.unknown) }
	fileSame := func(f *rows.Row, b *rows.Row) bool { return rowText(s, f, nil) == rowText(s, b, nil) }

	out := &diffResult{}
	// In the file, not in the target.
	for _, f := range res.inserts {
		b := lookup(f)
		switch {
		case b == nil: // added to the file
			out.inserts = append(out.inserts, f)
		case fileSame(&f, b): // deleted in the target only: it stays deleted
		case conflict(f, "deleted in the target, changed in the file"):
			out.inserts = append(out.inserts, f)
		}
	}
	// In the target, not in the file.
	for _, t := range res.deletes {
		b := lookup(t)
		switch {
		case b == nil: // only the target has it
			if pol.TargetOnly == "delete" {
				out.deletes = append(out.deletes, t)
			}
		case targetSame(&t, b): // deleted from the file
			out.deletes = append(out.deletes, t)
		case conflict(t, "changed in the target, deleted from the file"):
			out.deletes = append(out.deletes, t)
		}
	}
	// In both, different.
	for _, u := range res.updates {
		b := lookup(*u.Old)
		switch {
		case b == nil:
			if conflict(*u.Old, "added in the file and in the target with different values") {
				out.updates = append(out.updates, u)
			}
		case targetSame(u.Old, b): // changed in the file only
			out.updates = append(out.updates, u)
		case fileSame(u.New, b): // changed in the target only: it stays
		case conflict(*u.Old, "changed in the target and in the file"):
			out.updates = append(out.updates, u)
		}
	}
	sort.SliceStable(conflicts, func(i, j int) bool { return conflicts[i].Key < conflicts[j].Key })
	return out, conflicts
}

// noRefreshData is sc without the data tables synced three-way: after an
// apply their files stay the source's, never the target's rows (which
// may keep rows of its own).
func (sc Scope) noRefreshData() Scope {
	if len(sc.SyncPolicies) == 0 {
		return sc
	}
	var data []state.DataTable
	for _, d := range sc.Data {
		if !sc.SyncPolicies[d.Table].ThreeWay() {
			data = append(data, d)
		}
	}
	sc.Data = data
	return sc
}
