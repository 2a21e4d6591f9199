package rows

import (
	"regexp"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// ForeignKey is a foreign key constraint as data needs it: the
// referencing columns, the referenced table and columns (in pairs), and
// what deleting a referenced row does.
type ForeignKey struct {
	Name    string
	Columns []string
	Table   state.QualName
	// RefColumns are the referenced columns, one per column of Columns.
	RefColumns []string
	// OnDelete is "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT" or
	// "NO ACTION" (the default).
	OnDelete string
}

var (
	referencesRE = regexp.MustCompile(`REFERENCES\s+((?:"(?:[^"]|"")*"|[^\s(."]+)(?:\.(?:"(?:[^"]|"")*"|[^\s(."]+))?)\s*(?:\(([^)]*)\))?`)
	onDeleteRE   = regexp.MustCompile(`\bON DELETE (CASCADE|SET NULL|SET DEFAULT|RESTRICT|NO ACTION)\b`)
)

// ForeignKeys returns the foreign keys of t whose referenced columns are
// known: the column list of REFERENCES, else the referenced table's
// primary key (tables maps the schema's tables).
func ForeignKeys(t *state.Table, tables map[state.QualName]*state.Table) []ForeignKey {
	var out []ForeignKey
	for _, c := range t.Constraints {
		if c.Kind != state.ConstraintForeignKey || c.References == nil || len(c.Columns) == 0 {
			continue
		}
		fk := ForeignKey{Name: c.Name, Columns: c.Columns, Table: *c.References, OnDelete: "NO ACTION"}
		if m := referencesRE.FindStringSubmatch(c.Definition); m != nil && strings.TrimSpace(m[2]) != "" {
			fk.RefColumns = splitIdents(m[2])
		} else if rt := tables[fk.Table]; rt != nil {
			fk.RefColumns = primaryKey(rt)
		}
		if len(fk.RefColumns) != len(fk.Columns) {
			continue
		}
		// The action follows the column list; a quoted name could hold
		// the words, so look after REFERENCES' match only.
		if loc := referencesRE.FindStringIndex(c.Definition); loc != nil {
			if m := onDeleteRE.FindStringSubmatch(c.Definition[loc[1]:]); m != nil {
				fk.OnDelete = m[1]
			}
		}
		out = append(out, fk)
	}
	return out
}

// splitIdents splits a column list "a, \"B,c\"" into names.
func splitIdents(s string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			if quoted && i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			quoted = !quoted
		case c == ',' && !quoted:
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		case !quoted && (c == ' ' || c == '\t' || c == '\n'):
		default:
			if quoted {
				b.WriteByte(c)
			} else {
				b.WriteString(strings.ToLower(string(c)))
			}
		}
	}
	return append(out, strings.TrimSpace(b.String()))
}
