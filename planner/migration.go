package planner

import (
	"regexp"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// PlaceholderMarker starts every line of SQL the user must write before a
// plan can run. A saved plan that still holds one is refused by apply
// (planfile.Read); a plan made in memory with one is refused too
// (Step.Placeholder).
const PlaceholderMarker = "-- renovate: fill in"

// addColumn adds a column to an existing table, with what it costs:
//
//   - a NOT NULL column without a default on a table that has rows cannot
//     be added as declared (PostgreSQL would have no value for the
//     existing rows): it is added nullable, a placeholder asks for the
//     UPDATE that fills it, then SET NOT NULL;
//   - a volatile default (clock_timestamp(), gen_random_uuid(), a
//     sequence) and a stored generated or identity column compute a value
//     per existing row: the table is rewritten.
func (d *differ) addColumn(q state.QualName, c state.Column) {
	key := memberKey(state.KindColumn, q, c.Name)
	if c.NotNull && c.Default == "" && c.Identity == "" && c.Generated == "" && d.opts.NonEmptyTables[q] {
		nullable := c
		nullable.NotNull = false
		d.add(phaseAlterColumn, key, ActionCreate, sqlgen.AddColumn(q, nullable))
		if d.dataFills(q, c.Name) {
			// The data file gives every row its value (data.go): SET
			// NOT NULL once its updates ran.
			d.add(phaseDataNotNull, key, ActionAlter, sqlgen.SetNotNull(q, c.Name),
				NewHazard(SetsNotNullAfterData, q))
			return
		}
		backfill := NewHazard(NeedsBackfill, q, c.Name)
		msg := backfill.Message
		ph := strings.Join([]string{
			PlaceholderMarker + ": " + msg,
			PlaceholderMarker + ": replace these lines with that statement, for example",
			PlaceholderMarker + ":   UPDATE " + sqlgen.Qual(q) + " SET " + sqlgen.QuoteIdent(c.Name) + " = ... ;",
			PlaceholderMarker + ": or delete them if you know no row needs it. Apply refuses the plan while they remain.",
		}, "\n") + "\n"
		d.steps = append(d.steps, Step{Object: key, Action: ActionAlter, SQL: ph, Transactional: true, Placeholder: true,
			Hazards: []Hazard{backfill}, phase: phaseAlterColumn})
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetNotNull(q, c.Name),
			NewHazard(SetsNotNull, q))
		return
	}
	var hz []Hazard
	switch {
	case c.Generated != "":
		hz = append(hz, NewHazard(AddsGeneratedColumn, q, c.Name))
	case c.Identity != "":
		hz = append(hz, NewHazard(AddsIdentityColumn, q, c.Name))
	case c.Default != "" && d.volatile(c.Default):
		hz = append(hz, NewHazard(AddsVolatileDefault, q, c.Name, c.Default))
	case c.NotNull && c.Default == "":
		hz = append(hz, NewHazard(AddsNotNullColumn, q, c.Name))
	}
	d.add(phaseAlterColumn, key, ActionCreate, sqlgen.AddColumn(q, c), hz...)
}

// callRE finds function calls in an expression: the name before "(".
var callRE = regexp.MustCompile(`([A-Za-z_][A-Za-z_0-9$]*)"?\s*\(`)

// knownVolatile are built-in volatile functions commonly used as
// defaults, for when the caller did not read pg_proc.
var knownVolatile = map[string]bool{
	"nextval": true, "random": true, "clock_timestamp": true, "timeofday": true,
	"gen_random_uuid": true, "uuid_generate_v1": true, "uuid_generate_v1mc": true,
	"uuid_generate_v4": true, "txid_current": true, "setval": true,
}

// volatile reports whether a default expression calls a volatile
// function (by name, in any schema: a conservative answer).
func (d *differ) volatile(expr string) bool {
	for _, m := range callRE.FindAllStringSubmatch(expr, -1) {
		name := strings.ToLower(m[1])
		if knownVolatile[name] || d.opts.VolatileFunctions[name] {
			return true
		}
	}
	return false
}

// alterColumnType changes a column's type. Where PostgreSQL has no
// implicit or assignment cast between the base types and the table has
// rows, the conversion is the user's to write: the statement carries a
// guessed USING under a placeholder that apply refuses until it is
// reviewed (the marker line removed).
func (d *differ) alterColumnType(q state.QualName, old, nw state.Column) {
	key := memberKey(state.KindColumn, q, nw.Name)
	using := d.usingFor(old, nw)
	if nw.Generated != "" {
		// PostgreSQL refuses USING on a generated column ("cannot specify
		// USING when altering type of generated column"): it computes the
		// expression again as the new type instead of converting values.
		using = ""
	}
	hz := d.typeChangeHazards(q, old, nw)
	if using != "" && d.opts.NoCast[[2]string{old.Type, nw.Type}] {
		d.noCastPlaceholder(q, old, nw, hz)
		return
	}
	pair := [2]string{baseType(old.Type), baseType(nw.Type)}
	if using != "" && d.opts.NonEmptyTables[q] && d.opts.NoAssignmentCast[pair] {
		conv := NewHazard(NeedsUsing, q, nw.Name, old.Type, nw.Type)
		msg := conv.Message
		sql := PlaceholderMarker + ": " + msg + "\n" +
			PlaceholderMarker + ": the USING expression below is a guess (a plain cast); make it right for your data, then delete these lines.\n" +
			sqlgen.AlterColumnType(q, nw, using)
		hz = append(hz, conv)
		d.steps = append(d.steps, Step{Object: key, Action: ActionAlter, SQL: sql, Transactional: true, Placeholder: true, Hazards: hz, phase: phaseAlterColumn})
		return
	}
	d.add(phaseAlterColumn, key, ActionAlter, sqlgen.AlterColumnType(q, nw, using), hz...)
}

// typmods returns the numbers of a type's modifier: numeric(10,2) ->
// [10 2].
func typmods(t string) []int {
	open := strings.IndexByte(t, '(')
	end := strings.IndexByte(t, ')')
	if open < 0 || end < open {
		return nil
	}
	var out []int
	for _, f := range strings.Split(t[open+1:end], ",") {
		n := 0
		for _, r := range strings.TrimSpace(f) {
			if r < '0' || r > '9' {
				return out
			}
			n = n*10 + int(r-'0')
		}
		out = append(out, n)
	}
	return out
}

// lockHazards adds the ACCESS EXCLUSIVE hazard to steps that hold that
// lock while they scan or rewrite an existing table, so every query on it
// waits for the step.
func (d *differ) lockHazards() {
	for i := range d.steps {
		s := &d.steps[i]
		if s.Relation == nil || s.HasHazard(HazardAccessExclusiveLock) {
			continue
		}
		long := s.HasHazard(HazardTableRewrite) ||
			(s.Transactional && s.HasHazard(HazardValidation) && (strings.Contains(s.SQL, " SET NOT NULL") ||
				(strings.Contains(s.SQL, " ADD CONSTRAINT ") && strings.Contains(s.SQL, " CHECK ")))) ||
			(s.Transactional && s.HasHazard(HazardIndexBuild) && strings.Contains(s.SQL, " ADD CONSTRAINT "))
		if long {
			s.Hazards = append(s.Hazards, NewHazard(HoldsAccessExclusiveLock, s.Relation))
		}
	}
}

// BaseType is a canonical type name without its modifiers:
// "character varying(20)" -> "character varying".
func BaseType(t string) string { return baseType(t) }

// noCastPlaceholder plans a type change PostgreSQL has no cast for
// (Options.NoCast: the USING renovate would write does not parse, so the
// statement fails even on an empty table). The whole statement is the
// user's to write: the plan holds only marker lines with its frame,
// never a statement that cannot run, and apply refuses the plan until
// they are replaced.
func (d *differ) noCastPlaceholder(q state.QualName, old, nw state.Column, hz []Hazard) {
	key := memberKey(state.KindColumn, q, nw.Name)
	conv := NewHazard(NeedsConversion, q, nw.Name, old.Type, nw.Type)
	msg := conv.Message
	stmt := strings.TrimSuffix(sqlgen.AlterColumnType(q, nw, "..."), "\n")
	sql := strings.Join([]string{
		PlaceholderMarker + ": " + msg,
		PlaceholderMarker + ": replace these lines with the statement, its USING expression computing the new value from " + sqlgen.QuoteIdent(nw.Name) + ":",
		PlaceholderMarker + ":   " + stmt,
		PlaceholderMarker + ": Apply refuses the plan while they remain.",
	}, "\n") + "\n"
	hz = append(hz, conv)
	d.steps = append(d.steps, Step{Object: key, Action: ActionAlter, SQL: sql, Transactional: true, Placeholder: true, Hazards: hz, phase: phaseAlterColumn})
}
