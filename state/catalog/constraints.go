package catalog

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// constraintKind maps pg_constraint.contype to the model's kinds.
func constraintKind(contype string) (state.ConstraintKind, bool) {
	switch contype {
	case "p":
		return state.ConstraintPrimaryKey, true
	case "u":
		return state.ConstraintUnique, true
	case "c":
		return state.ConstraintCheck, true
	case "f":
		return state.ConstraintForeignKey, true
	case "x":
		return state.ConstraintExclusion, true
	}
	return "", false
}

// notValidSuffix is what pg_get_constraintdef appends to a constraint that
// was added NOT VALID and not validated since. The model keeps it as
// Constraint.NotValid so that validating a constraint is a change of its
// own, not a different definition.
const notValidSuffix = " NOT VALID"

// scanConstraints reads queries/constraints.sql. It must run after
// scanColumns.
func (in *introspection) scanConstraints(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid, rel           uint32
			c                  state.Constraint
			contype            string
			def                *string
			conkey             []int16
			refSchema, refName string
			indexOptions       []string
			indexTablespace    string
			index              uint32
		)
		if err := rows.Scan(&oid, &rel, &c.Name, &contype, &def, &conkey, &refSchema, &refName, &indexOptions, &indexTablespace, &index); err != nil {
			return err
		}
		t, ok := in.table(rel)
		if !ok {
			continue
		}
		kind, ok := constraintKind(contype)
		if !ok {
			return fmt.Errorf("constraint %s on %s: unexpected contype %q", c.Name, t.QualName(), contype)
		}
		if def == nil {
			return fmt.Errorf("constraint %s on %s: %w", c.Name, t.QualName(), errConcurrentDDL)
		}
		c.Kind = kind
		c.Definition, c.NotValid = strings.CutSuffix(*def, notValidSuffix)
		c.Definition = constraintIndexClauses(c.Definition, kind, indexOptions, indexTablespace)
		// Columns are given for primary key, unique and foreign key
		// constraints only. For a check, conkey is the unordered set of
		// columns the expression mentions, and for an exclusion it has
		// zeros for expressions: neither is a column list the user wrote.
		switch kind {
		case state.ConstraintPrimaryKey, state.ConstraintUnique, state.ConstraintForeignKey:
			for _, attnum := range conkey {
				name, ok := in.columns[columnID{rel, attnum}]
				if !ok {
					return fmt.Errorf("constraint %s on %s: no column number %d", c.Name, t.QualName(), attnum)
				}
				c.Columns = append(c.Columns, name)
			}
		}
		if kind == state.ConstraintForeignKey {
			c.References = &state.QualName{Schema: refSchema, Name: refName}
		}
		c.Comment = in.comment("pg_constraint", oid)
		if index != 0 {
			c.IndexComment = in.comment("pg_class", index)
		}
		t.Constraints = append(t.Constraints, c)
	}
	return rows.Err()
}
