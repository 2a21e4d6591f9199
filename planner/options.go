package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Options tune a plan beyond the two models. The zero value plans as
// Diff always did: every step in one transaction, no knowledge of the
// data in the tables.
type Options struct {
	// Online plans DDL that keeps tables usable while it runs (online.go):
	// indexes built and dropped CONCURRENTLY outside the transaction,
	// foreign keys and checks added NOT VALID and validated afterwards,
	// SET NOT NULL through a validated CHECK.
	Online bool
	// InvalidIndexes are indexes of the current database left INVALID by
	// a CREATE INDEX CONCURRENTLY that failed. They are not what the files
	// describe even when the definition matches: the plan drops them
	// first and builds them again if the files want them. Their keys are
	// index keys (Kind index, Schema, Table, Name).
	InvalidIndexes []state.ObjectKey
	// NonEmptyTables are the existing tables known to hold rows. A NOT
	// NULL column without a default added to one of them, or a type
	// change without an assignment cast, needs the user's SQL
	// (migration.go). Tables not listed are treated as empty.
	NonEmptyTables map[state.QualName]bool
	// NoAssignmentCast lists type changes (old base type, new base type,
	// as canonical text without modifiers) for which PostgreSQL has no
	// implicit or assignment cast, so ALTER COLUMN ... TYPE needs a USING
	// expression the user must write (migration.go).
	NoAssignmentCast map[[2]string]bool
	// SequencePositions are where sequences stood when the plan was made
	// (sequence_position.go), keyed by sequence key, or by column key for
	// an identity column's sequence. Only the sequences whose bounds or
	// type change are needed: one whose current value falls outside its
	// new bounds is restarted. Nil: unknown, no restart is planned.
	SequencePositions map[state.ObjectKey]SequencePosition
	// NoCast lists column type changes (old type, new type, canonical
	// text with modifiers) whose USING expression, as renovate writes it
	// (a cast), does not parse on the server: PostgreSQL has no cast
	// between the types, so the conversion is the user's to write
	// (migration.go), whether or not the table has rows.
	NoCast map[[2]string]bool
	// VolatileFunctions are the names of the database's volatile
	// functions (pg_proc.provolatile = 'v'): a new column whose default
	// calls one is computed per row, rewriting the table. Nil falls back
	// to a list of common built-in ones.
	VolatileFunctions map[string]bool
	// Data are the row changes of data tables, a table after those it
	// references (data.go).
	Data []TableData
	// CreatingRole is the role that runs the plan's CREATE statements
	// (current_user): PostgreSQL gives a new object the default
	// privileges of the role creating it, so the privilege steps of new
	// objects start from that role's entries of the desired model
	// (privilege.go). Empty means unknown: the steps then revoke whatever
	// any entry could have granted and grant whatever one could have
	// taken away.
	CreatingRole string
	// FixedExtensions are the names of the database's extensions that are
	// not relocatable (pg_extension.extrelocatable false): moving one to
	// another schema drops and creates it (extension.go). Nil falls back
	// to the core extensions whose control files say so.
	FixedExtensions map[string]bool
	// ServerVersion is the target server's server_version_num (150004),
	// 0 when unknown. Changes PostgreSQL can make in place only from some
	// release on (ALTER SUBSCRIPTION ... SET (two_phase) from 18) are
	// planned the older way when it is unknown.
	ServerVersion int
}

// relationOf is the table a step's hazards are about: the table of a
// member (column, constraint, index, trigger) or the table itself.
func relationOf(k state.ObjectKey) *state.QualName {
	switch {
	case k.Table != "":
		return &state.QualName{Schema: k.Schema, Name: k.Table}
	case k.Kind == state.KindTable:
		return &state.QualName{Schema: k.Schema, Name: k.Name}
	}
	return nil
}

// growsWithTable reports whether the cost of a hazard of kind k grows
// with its table's size (HazardKindInfo.GrowsWithTable).
func growsWithTable(k HazardKind) bool {
	info, _ := k.Info()
	return info.GrowsWithTable
}

// safeSteps runs after the steps are ordered: it cleans up INVALID
// indexes, turns DDL online when asked, and names the existing table each
// hazardous step is about, so the caller can attach its size.
func (d *differ) safeSteps() {
	d.dropInvalidIndexes()
	if d.opts.Online {
		d.online()
	}
	existing := map[state.QualName]bool{}
	for _, t := range d.from.Tables {
		existing[t.QualName()] = true
	}
	for i := range d.steps {
		s := &d.steps[i]
		rel := relationOf(s.Object)
		if rel == nil || !existing[*rel] {
			continue
		}
		for _, h := range s.Hazards {
			if growsWithTable(h.Kind) {
				s.Relation = rel
				break
			}
		}
	}
	d.lockHazards()
	d.securityHazards()
}

// dropInvalidIndexes puts a DROP INDEX for every INVALID index before the
// steps: a failed concurrent build leaves one behind, which takes the
// name, holds no usable data and still slows every write. Online plans
// drop it CONCURRENTLY, as the first step outside the transaction (so it
// runs before the index is built again); others drop it in the
// transaction.
func (d *differ) dropInvalidIndexes() {
	if len(d.opts.InvalidIndexes) == 0 {
		return
	}
	keys := append([]state.ObjectKey(nil), d.opts.InvalidIndexes...)
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	var drops []Step
	for _, k := range keys {
		// The planner saw the index as absent (the caller removed it from
		// the current model); a plain drop of it by the diff cannot occur.
		why := DropsInvalidIndex
		s := Step{Object: k, Action: ActionDrop, SQL: sqlgen.DropIndex(k.Schema, k.Name), Transactional: true}
		if d.opts.Online {
			s.SQL = concurrently(s.SQL, "DROP INDEX ")
			s.Transactional = false
			why = DropsInvalidIndexOnline
		}
		s.Hazards = []Hazard{NewHazard(why, k.QualifiedName())}
		drops = append(drops, s)
	}
	// Placed first. online() moves the non-transactional steps behind the
	// transaction keeping their order, so online drops still run before
	// any concurrent build.
	d.setSteps(append(drops, d.steps...))
}

// concurrently inserts CONCURRENTLY after the statement's leading verb
// ("CREATE INDEX ", "CREATE UNIQUE INDEX ", "DROP INDEX ").
func concurrently(sql, verb string) string {
	if !strings.HasPrefix(sql, verb) || strings.HasPrefix(sql[len(verb):], "CONCURRENTLY ") {
		return sql
	}
	return verb + "CONCURRENTLY " + sql[len(verb):]
}
