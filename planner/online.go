package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// online rewrites the ordered steps of an online plan (Options.Online) so
// that no step holds a lock that blocks the table's readers or writers
// for longer than a catalog change takes:
//
//   - CREATE [UNIQUE] INDEX on an existing table becomes CREATE INDEX
//     CONCURRENTLY, and DROP INDEX becomes DROP INDEX CONCURRENTLY; both
//     refuse to run in a transaction block, so they run outside it;
//   - a foreign key or CHECK added to an existing table is added NOT VALID
//     (no scan, a brief lock) in the transaction and validated in a step
//     of its own afterwards (VALIDATE takes SHARE UPDATE EXCLUSIVE, which
//     lets reads and writes go on during the scan);
//   - SET NOT NULL on an existing column goes through a CHECK (col IS NOT
//     NULL) NOT VALID, validated outside the transaction; PostgreSQL 12+
//     then sets NOT NULL without scanning, and the CHECK is dropped.
//
// Partitioned tables and partitions keep the plain statements: PostgreSQL
// refuses CONCURRENTLY and NOT VALID on partitioned tables.
//
// A transactional step that comes after a deferred step on the same
// object (a comment on an index built concurrently) is deferred too. At
// the end the transactional steps come first and the others follow in
// their order, which is the order apply runs them in.
func (d *differ) online() {
	from := map[state.QualName]state.Table{}
	for _, t := range d.from.Tables {
		from[t.QualName()] = t
	}
	to := map[state.QualName]state.Table{}
	for _, t := range d.to.Tables {
		to[t.QualName()] = t
	}
	// onlineTable: the table exists before and after and is neither
	// partitioned nor a partition.
	onlineTable := func(k state.ObjectKey) (state.Table, state.Table, bool) {
		if k.Table == "" {
			return state.Table{}, state.Table{}, false
		}
		q := state.QualName{Schema: k.Schema, Name: k.Table}
		ot, ok1 := from[q]
		nt, ok2 := to[q]
		if !ok1 || !ok2 || ot.PartitionBy != "" || ot.PartitionOf != nil || nt.PartitionBy != "" || nt.PartitionOf != nil {
			return state.Table{}, state.Table{}, false
		}
		return ot, nt, true
	}
	// Tables losing columns keep transactional index drops: dropping a
	// column drops its indexes, so a later DROP INDEX would fail.
	losesColumns := map[state.QualName]bool{}
	// Tables a new foreign key of the plan references by columns no
	// primary key or unique constraint covers: a unique index built in
	// this plan may be what it relies on, so it must exist inside the
	// transaction.
	needsUniqueIndex := map[state.QualName]bool{}
	for _, s := range d.steps {
		if s.Object.Kind == state.KindColumn && s.Action == ActionDrop {
			losesColumns[state.QualName{Schema: s.Object.Schema, Name: s.Object.Table}] = true
		}
		if s.Object.Kind == state.KindConstraint && s.Action == ActionCreate {
			if ref, ok := fkWithoutConstraint(to, s.Object); ok {
				needsUniqueIndex[ref] = true
			}
		}
	}

	var out []Step
	deferred := map[state.ObjectKey]bool{}
	for _, s := range d.steps {
		ot, nt, ok := onlineTable(s.Object)
		q := state.QualName{Schema: s.Object.Schema, Name: s.Object.Table}
		switch {
		case !s.Transactional:
			out = append(out, s)
		case ok && s.Object.Kind == state.KindIndex && s.Action == ActionCreate &&
			(strings.HasPrefix(s.SQL, "CREATE INDEX ") || strings.HasPrefix(s.SQL, "CREATE UNIQUE INDEX ")) &&
			!(strings.HasPrefix(s.SQL, "CREATE UNIQUE") && needsUniqueIndex[q]):
			verb := "CREATE INDEX "
			if strings.HasPrefix(s.SQL, "CREATE UNIQUE INDEX ") {
				verb = "CREATE UNIQUE INDEX "
			}
			s.SQL = concurrently(s.SQL, verb)
			s.Transactional = false
			s.Hazards = replaceHazard(s.Hazards, HazardIndexBuild, NewHazard(BuildsIndexConcurrently, s.Object.Name, q))
			s.Hazards = append(s.Hazards, notTransactional("CREATE INDEX CONCURRENTLY cannot run in a transaction block"))
			out = append(out, s)
			deferred[s.Object] = true
		case ok && s.Object.Kind == state.KindIndex && s.Action == ActionDrop && strings.HasPrefix(s.SQL, "DROP INDEX ") &&
			!losesColumns[q] && indexChanges(ot, nt, s.Object.Name):
			s.SQL = concurrently(s.SQL, "DROP INDEX ")
			s.Transactional = false
			s.Hazards = append(s.Hazards, notTransactional("DROP INDEX CONCURRENTLY cannot run in a transaction block"))
			out = append(out, s)
			deferred[s.Object] = true
		case ok && s.Object.Kind == state.KindConstraint && s.Action == ActionCreate && strings.Contains(s.SQL, " ADD CONSTRAINT ") &&
			!strings.HasSuffix(s.SQL, " NOT VALID;\n") && validatable(nt, s.Object.Name):
			s.SQL = strings.TrimSuffix(s.SQL, ";\n") + " NOT VALID;\n"
			s.Hazards = removeHazard(s.Hazards, HazardValidation)
			out = append(out, s)
			out = append(out, Step{Object: s.Object, Action: ActionAlter, SQL: sqlgen.ValidateConstraint(q, s.Object.Name),
				Hazards: []Hazard{
					NewHazard(ValidatesConstraintOnline, s.Object.Name, q),
					notTransactional("VALIDATE runs in its own transaction after the plan's, so the scan holds no lock taken by the plan"),
				}})
		case ok && s.Object.Kind == state.KindColumn && s.SQL == sqlgen.SetNotNull(q, s.Object.Name) && hasColumn(ot, s.Object.Name):
			out = append(out, d.onlineNotNull(s, q)...)
			deferred[s.Object] = true
		case deferred[s.Object]:
			s.Transactional = false
			s.Hazards = append(s.Hazards, notTransactional("it follows a step on the same object that runs outside the transaction"))
			out = append(out, s)
		default:
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Transactional && !out[j].Transactional })
	d.setSteps(out)
}

// onlineNotNull replaces one SET NOT NULL by the four steps that do it
// without holding ACCESS EXCLUSIVE during the scan.
func (d *differ) onlineNotNull(s Step, q state.QualName) []Step {
	col := s.Object.Name
	check := notNullCheckName(q.Name, col)
	ck := memberKey(state.KindConstraint, q, check)
	add := sqlgen.AddConstraint(state.Table{Schema: q.Schema, Name: q.Name},
		state.Constraint{Name: check, Kind: state.ConstraintCheck, Definition: "CHECK (" + sqlgen.QuoteIdent(col) + " IS NOT NULL)", NotValid: true})
	out := []Step{
		{Object: ck, Action: ActionCreate, SQL: add, Transactional: true},
		{Object: ck, Action: ActionAlter, SQL: sqlgen.ValidateConstraint(q, check), Hazards: []Hazard{
			NewHazard(ValidatesNotNullOnline, check, q, col),
			notTransactional("VALIDATE runs after the plan's transaction so the scan holds none of its locks"),
		}},
		{Object: s.Object, Action: ActionAlter, SQL: s.SQL, Hazards: []Hazard{
			notTransactional("SET NOT NULL follows the validation; with a valid CHECK (col IS NOT NULL) PostgreSQL skips the scan"),
		}},
		{Object: ck, Action: ActionDrop, SQL: sqlgen.DropConstraint(q, check), Hazards: []Hazard{
			notTransactional("the helper CHECK is dropped once NOT NULL is set"),
		}},
	}
	return out
}

// notNullCheckName names the helper CHECK of an online SET NOT NULL,
// within PostgreSQL's 63-byte limit.
func notNullCheckName(table, col string) string {
	const suffix = "_renovate_not_null"
	base := table + "_" + col
	if len(base) > 63-len(suffix) {
		base = base[:63-len(suffix)]
	}
	return base + suffix
}

// indexChanges reports whether the index is really dropped or replaced
// by the files (not dropped and recreated around a routine change, which
// must happen inside the transaction).
func indexChanges(ot, nt state.Table, name string) bool {
	var oldDef string
	for _, ix := range ot.Indexes {
		if ix.Name == name {
			oldDef = ix.Definition
		}
	}
	for _, ix := range nt.Indexes {
		if ix.Name == name {
			return ix.Definition != oldDef
		}
	}
	return true
}

// validatable reports whether the constraint of the new table can be
// added NOT VALID: foreign keys and CHECKs.
func validatable(t state.Table, name string) bool {
	for _, c := range t.Constraints {
		if c.Name == name {
			return !c.NotValid && (c.Kind == state.ConstraintForeignKey || c.Kind == state.ConstraintCheck)
		}
	}
	return false
}

func hasColumn(t state.Table, name string) bool {
	_, ok := t.Column(name)
	return ok
}

func notTransactional(why string) Hazard {
	return NewHazard(RunsOutsideTransaction, why)
}

func replaceHazard(hs []Hazard, kind HazardKind, h Hazard) []Hazard {
	return append(removeHazard(hs, kind), h)
}

func removeHazard(hs []Hazard, kind HazardKind) []Hazard {
	var out []Hazard
	for _, h := range hs {
		if h.Kind != kind {
			out = append(out, h)
		}
	}
	return out
}

// fkWithoutConstraint reports, for the constraint key of a foreign key of
// the new model, the table it references when no primary key or unique
// constraint of that table has exactly the referenced columns (so a
// unique index must serve it).
func fkWithoutConstraint(to map[state.QualName]state.Table, k state.ObjectKey) (state.QualName, bool) {
	t, ok := to[state.QualName{Schema: k.Schema, Name: k.Table}]
	if !ok {
		return state.QualName{}, false
	}
	for _, c := range t.Constraints {
		if c.Name != k.Name || c.Kind != state.ConstraintForeignKey || c.References == nil {
			continue
		}
		cols := parenAfter(c.Definition, " REFERENCES ")
		for _, rc := range to[*c.References].Constraints {
			if (rc.Kind == state.ConstraintPrimaryKey || rc.Kind == state.ConstraintUnique) && cols != "" && parenAfter(rc.Definition, "") == cols {
				return state.QualName{}, false
			}
		}
		return *c.References, true
	}
	return state.QualName{}, false
}

// parenAfter returns the first parenthesized list after marker in def,
// without spaces: "FOREIGN KEY (a) REFERENCES public.t (x, y)" with marker
// " REFERENCES " gives "(x,y)".
func parenAfter(def, marker string) string {
	i := strings.Index(def, marker)
	if i < 0 {
		return ""
	}
	rest := def[i+len(marker):]
	open := strings.IndexByte(rest, '(')
	end := strings.IndexByte(rest, ')')
	if open < 0 || end < open {
		return ""
	}
	return strings.ReplaceAll(rest[open:end+1], " ", "")
}
