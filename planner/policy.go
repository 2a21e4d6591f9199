package planner

import (
	"reflect"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// policies plans row-level security: ENABLE/FORCE switches and policies of
// every desired table. A policy whose command or permissiveness changes,
// or that loses its USING or WITH CHECK clause, is dropped and created
// again (ALTER POLICY cannot do that); so is one whose expression names a
// column, table or function the plan drops or changes under it, because
// PostgreSQL refuses those changes while the policy depends on them.
// Otherwise ALTER POLICY changes roles and expressions in place. Policies
// of dropped tables go with their table.
func (d *differ) policies() {
	for _, t := range d.to.Tables {
		q := t.QualName()
		old, ok := d.from.Table(q)
		if !ok && t.RenamedFrom != "" {
			old, ok = d.from.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom})
		}
		if !ok || d.recreated(tableKey(q)) {
			// New, or dropped and created again: nothing of the
			// remote's row security survives.
			old = state.Table{Schema: t.Schema, Name: t.Name}
		}
		d.tablePolicies(old, t)
	}
}

// tablePolicies plans the policies and row security of one table; old is
// the remote table, empty when the plan creates it.
func (d *differ) tablePolicies(old, nw state.Table) {
	q := nw.QualName()
	var changed []string
	if len(nw.Policies) > 0 {
		// What a kept policy's rebuild depends on: a scan of the steps,
		// so not for the many tables without policies.
		changed = d.changedNames(old, nw)
	}
	kept := map[string]bool{}
	for _, p := range nw.Policies {
		key := state.PolicyKey(q, p.Name)
		op, ok := findPolicy(old, p.Name)
		if ok {
			kept[p.Name] = true
		}
		switch {
		case !ok:
			d.createPolicy(q, p)
		case rebuildPolicy(op, p, changed):
			d.add(phaseDropPolicy, key, ActionDrop, sqlgen.DropPolicy(q, p.Name))
			d.createPolicy(q, p)
		default:
			if !reflect.DeepEqual(op.Roles, p.Roles) || op.Using != p.Using || op.WithCheck != p.WithCheck {
				d.add(phaseCreatePolicy, key, ActionAlter, sqlgen.AlterPolicy(q, op, p))
			}
			if op.Comment != p.Comment {
				d.add(phaseCreatePolicy, key, ActionAlter, sqlgen.CommentOnPolicy(q, p.Name, p.Comment))
			}
		}
	}
	for _, p := range old.Policies {
		if !kept[p.Name] {
			d.add(phaseDropPolicy, state.PolicyKey(q, p.Name), ActionDrop, sqlgen.DropPolicy(q, p.Name))
		}
	}
	// Row security is switched on after the policies exist, so a table
	// never denies everyone in between.
	if old.RLSEnabled != nw.RLSEnabled {
		d.add(phaseCreatePolicy, tableKey(q), ActionAlter, sqlgen.RowSecurity(q, nw.RLSEnabled))
	}
	if old.RLSForced != nw.RLSForced {
		d.add(phaseCreatePolicy, tableKey(q), ActionAlter, sqlgen.ForceRowSecurity(q, nw.RLSForced))
	}
}

func (d *differ) createPolicy(q state.QualName, p state.Policy) {
	key := state.PolicyKey(q, p.Name)
	d.add(phaseCreatePolicy, key, ActionCreate, sqlgen.CreatePolicy(q, p))
	if p.Comment != "" {
		d.add(phaseCreatePolicy, key, ActionAlter, sqlgen.CommentOnPolicy(q, p.Name, p.Comment))
	}
}

func findPolicy(t state.Table, name string) (state.Policy, bool) {
	for _, p := range t.Policies {
		if p.Name == name {
			return p, true
		}
	}
	return state.Policy{}, false
}

// rebuildPolicy reports whether remote policy op must be dropped and
// created again to become p. changed are names of columns and objects the
// plan drops or alters in ways a dependent policy blocks.
func rebuildPolicy(op, p state.Policy, changed []string) bool {
	if op.Command != p.Command || op.Permissive != p.Permissive {
		return true
	}
	if (op.Using != "" && p.Using == "") || (op.WithCheck != "" && p.WithCheck == "") {
		return true
	}
	for _, n := range changed {
		if mentions(op.Using, n) || mentions(op.WithCheck, n) {
			return true
		}
	}
	return false
}

// changedNames lists what a policy of the table must not depend on while
// the plan runs: the table's columns that are dropped or change type
// (renaming is fine: PostgreSQL follows the column), and every object the
// plan drops.
func (d *differ) changedNames(old, nw state.Table) []string {
	var out []string
	for _, oc := range old.Columns {
		c, ok := nw.Column(d.desiredColumnName(nw, oc.Name))
		if !ok {
			out = append(out, oc.Name)
			continue
		}
		if c.Type != oc.Type || c.Collation != oc.Collation || d.recreated(memberKey(state.KindColumn, nw.QualName(), c.Name)) {
			out = append(out, oc.Name)
		}
	}
	for _, s := range d.steps {
		if s.Action == ActionDrop {
			switch s.Object.Kind {
			case state.KindTable, state.KindView, state.KindMaterializedView, state.KindFunction,
				state.KindProcedure, state.KindType, state.KindSequence:
				out = append(out, s.Object.Name)
			}
		}
	}
	return out
}
