package parser

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// buildConstraint turns a CHECK, PRIMARY KEY, UNIQUE, FOREIGN KEY or
// EXCLUDE constraint into a conDef with its canonical definition shaped
// like pg_get_constraintdef's output. column is the column a column
// constraint is attached to ("" for a table constraint).
func (p *fileParser) buildConstraint(c *pg_query.Constraint, table state.QualName, column string, loc Location) (*conDef, bool) {
	loc = p.locOr(c.Location, loc)
	d := &conDef{loc: loc, table: table, name: c.Conname, notValid: c.SkipValidation}
	if c.Conname != "" && len(c.Conname) > maxIdentLen {
		d.name = truncateIdent(c.Conname)
	}
	if c.Initdeferred {
		d.deferral = " DEFERRABLE INITIALLY DEFERRED"
	} else if c.Deferrable {
		d.deferral = " DEFERRABLE"
	}
	if c.Indexname != "" {
		// ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX: the
		// columns come from the index, once it is known (see
		// usingIndexConstraints).
		if c.Contype != pg_query.ConstrType_CONSTR_PRIMARY && c.Contype != pg_query.ConstrType_CONSTR_UNIQUE {
			p.errs.unsupported(loc, "constraint USING INDEX other than PRIMARY KEY or UNIQUE")
			return nil, false
		}
		d.usingIndex = c.Indexname
		d.kind = state.ConstraintUnique
		if c.Contype == pg_query.ConstrType_CONSTR_PRIMARY {
			d.kind = state.ConstraintPrimaryKey
		}
		return d, true
	}
	var err error
	switch c.Contype {
	case pg_query.ConstrType_CONSTR_CHECK:
		err = p.checkConstraint(d, c)
	case pg_query.ConstrType_CONSTR_PRIMARY, pg_query.ConstrType_CONSTR_UNIQUE:
		err = p.keyConstraint(d, c, column)
	case pg_query.ConstrType_CONSTR_FOREIGN:
		err = p.foreignKey(d, c, column)
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		err = p.exclusionConstraint(d, c)
	default:
		err = fmt.Errorf("unexpected constraint type %s", c.Contype)
	}
	if err != nil {
		p.errs.semantic(loc, "constraint on %s: %v", table, err)
		return nil, false
	}
	return d, true
}

func (p *fileParser) checkConstraint(d *conDef, c *pg_query.Constraint) error {
	d.kind = state.ConstraintCheck
	if d.deferral != "" {
		return fmt.Errorf("CHECK constraints cannot be marked DEFERRABLE")
	}
	expr, err := canonicalExpr(c.RawExpr)
	if err != nil {
		return err
	}
	d.body = "CHECK (" + expr + ")"
	if c.IsNoInherit {
		d.body += " NO INHERIT"
	}
	// PostgreSQL names a CHECK after its column only when the expression
	// references exactly one column, wherever the constraint is written.
	if cols := referencedColumns(c.RawExpr); len(cols) == 1 {
		d.nameCols = cols
	}
	return nil
}

func (p *fileParser) keyConstraint(d *conDef, c *pg_query.Constraint, column string) error {
	keys, err := stringList(c.Keys)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		if column == "" {
			return fmt.Errorf("missing column list")
		}
		keys = []string{column}
	}
	include, err := stringList(c.Including)
	if err != nil {
		return err
	}
	d.keys = keys
	d.indexSig = fmt.Sprintf("%q %q %v", keys, include, c.NullsNotDistinct)
	var b strings.Builder
	if c.Contype == pg_query.ConstrType_CONSTR_PRIMARY {
		d.kind = state.ConstraintPrimaryKey
		b.WriteString("PRIMARY KEY ")
		if c.NullsNotDistinct {
			return fmt.Errorf("NULLS NOT DISTINCT is not valid for a primary key")
		}
	} else {
		d.kind = state.ConstraintUnique
		d.nameCols = append(append([]string(nil), keys...), include...)
		b.WriteString("UNIQUE ")
		if c.NullsNotDistinct {
			b.WriteString("NULLS NOT DISTINCT ")
		}
	}
	b.WriteString("(" + quoteIdentList(keys) + ")")
	if len(include) > 0 {
		b.WriteString(" INCLUDE (" + quoteIdentList(include) + ")")
	}
	with, err := formatRelOptions(c.Options)
	if err != nil {
		return err
	}
	if with != "" {
		b.WriteString(" WITH (" + with + ")")
	}
	if ts := canonicalTablespace(c.Indexspace); ts != "" {
		b.WriteString(" USING INDEX TABLESPACE " + quoteIdent(ts))
	}
	d.body = b.String()
	return nil
}

// fkActions are pg_get_constraintdef's words for referential actions; NO
// ACTION ('a'), the default, is omitted.
var fkActions = map[string]string{"r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

func (p *fileParser) foreignKey(d *conDef, c *pg_query.Constraint, column string) error {
	d.kind = state.ConstraintForeignKey
	cols, err := stringList(c.FkAttrs)
	if err != nil {
		return err
	}
	if len(cols) == 0 {
		if column == "" {
			return fmt.Errorf("missing column list")
		}
		cols = []string{column}
	}
	refCols, err := stringList(c.PkAttrs)
	if err != nil {
		return err
	}
	if len(refCols) > 0 && len(refCols) != len(cols) {
		return fmt.Errorf("number of referencing and referenced columns for foreign key disagree")
	}
	ref, ok := p.relName(c.Pktable, d.loc)
	if !ok {
		return fmt.Errorf("invalid referenced table")
	}
	d.keys = cols
	d.nameCols = cols
	d.body = "FOREIGN KEY (" + quoteIdentList(cols) + ")"
	var tail strings.Builder
	switch c.FkMatchtype {
	case "f":
		tail.WriteString(" MATCH FULL")
	case "p":
		tail.WriteString(" MATCH PARTIAL")
	}
	if a := fkActions[c.FkUpdAction]; a != "" {
		tail.WriteString(" ON UPDATE " + a)
	}
	if a := fkActions[c.FkDelAction]; a != "" {
		tail.WriteString(" ON DELETE " + a)
	}
	setCols, err := stringList(c.FkDelSetCols)
	if err != nil {
		return err
	}
	if len(setCols) > 0 {
		tail.WriteString(" (" + quoteIdentList(setCols) + ")")
	}
	d.fk = &fkDef{ref: ref, refCols: refCols, tail: tail.String()}
	return nil
}

func (p *fileParser) exclusionConstraint(d *conDef, c *pg_query.Constraint) error {
	d.kind = state.ConstraintExclusion
	method := c.AccessMethod
	if method == "" {
		method = "btree"
	}
	var elems, names []string
	for _, n := range c.Exclusions {
		pair := n.GetList().GetItems()
		if len(pair) != 2 || pair[0].GetIndexElem() == nil || pair[1].GetList() == nil {
			return fmt.Errorf("invalid EXCLUDE element")
		}
		ie, err := normalizeIndexElem(pair[0].GetIndexElem())
		if err != nil {
			return err
		}
		s, err := formatIndexElem(ie)
		if err != nil {
			return err
		}
		op, err := operatorName(pair[1].GetList().Items)
		if err != nil {
			return err
		}
		elems = append(elems, s+" WITH "+op)
		names = append(names, indexElemName(ie))
	}
	include, err := stringList(c.Including)
	if err != nil {
		return err
	}
	d.nameCols = uniqueColumnNames(append(names, include...))
	var b strings.Builder
	b.WriteString("EXCLUDE USING " + quoteIdent(method) + " (" + strings.Join(elems, ", ") + ")")
	if len(include) > 0 {
		b.WriteString(" INCLUDE (" + quoteIdentList(include) + ")")
	}
	with, err := formatRelOptions(c.Options)
	if err != nil {
		return err
	}
	if with != "" {
		b.WriteString(" WITH (" + with + ")")
	}
	if ts := canonicalTablespace(c.Indexspace); ts != "" {
		b.WriteString(" USING INDEX TABLESPACE " + quoteIdent(ts))
	}
	if c.WhereClause != nil {
		pred, err := canonicalExpr(c.WhereClause)
		if err != nil {
			return err
		}
		b.WriteString(" WHERE (" + pred + ")")
	}
	d.body = b.String()
	return nil
}

// operatorName renders an operator as generate_operator_name does with
// search_path = pg_catalog: bare when built in, OPERATOR(schema.op)
// otherwise.
func operatorName(parts []*pg_query.Node) (string, error) {
	names, err := stringList(parts)
	if err != nil || len(names) == 0 {
		return "", fmt.Errorf("invalid operator name")
	}
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	if len(names) == 1 {
		return names[0], nil
	}
	return "OPERATOR(" + quoteIdent(names[0]) + "." + names[1] + ")", nil
}

// relOptionValue is a reloption's value as PostgreSQL stores it (the text
// written; a bare name means true).
func relOptionValue(arg *pg_query.Node) (string, error) {
	if arg == nil {
		return "true", nil
	}
	switch v := arg.Node.(type) {
	case *pg_query.Node_String_:
		return v.String_.Sval, nil
	case *pg_query.Node_Integer:
		return strconv.FormatInt(int64(v.Integer.Ival), 10), nil
	case *pg_query.Node_Float:
		return v.Float.Fval, nil
	case *pg_query.Node_Boolean:
		return strconv.FormatBool(v.Boolean.Boolval), nil
	case *pg_query.Node_TypeName:
		names, err := stringList(v.TypeName.Names)
		if err != nil {
			return "", err
		}
		return strings.Join(names, "."), nil
	}
	return "", fmt.Errorf("unsupported option value")
}

// formatRelOptions renders WITH (...) options as flatten_reloptions does:
// name=value, the value quoted unless it is a plain identifier.
func formatRelOptions(opts []*pg_query.Node) (string, error) {
	var parts []string
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			return "", fmt.Errorf("invalid option")
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			return "", fmt.Errorf("option %s: %w", d.Defname, err)
		}
		name := quoteIdent(d.Defname)
		if d.Defnamespace != "" {
			name = quoteIdent(d.Defnamespace) + "." + name
		}
		if quoteIdent(v) != v {
			v = quoteLiteral(v)
		}
		parts = append(parts, name+"="+v)
	}
	return strings.Join(parts, ", "), nil
}

// applyConstraintAttrs applies a column constraint list's DEFERRABLE / NOT
// DEFERRABLE / INITIALLY DEFERRED / INITIALLY IMMEDIATE clause to the
// constraint before it, as transformConstraintAttrs does.
func applyConstraintAttrs(prev *conDef, t pg_query.ConstrType) error {
	if prev == nil || prev.kind == state.ConstraintCheck {
		return fmt.Errorf("misplaced %s clause", constraintAttrWords(t))
	}
	switch t {
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE:
		if prev.deferral == "" {
			prev.deferral = " DEFERRABLE"
		}
	case pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		if prev.deferral == " DEFERRABLE INITIALLY DEFERRED" {
			return fmt.Errorf("constraint declared INITIALLY DEFERRED must be DEFERRABLE")
		}
		prev.deferral = ""
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRED:
		prev.deferral = " DEFERRABLE INITIALLY DEFERRED"
	case pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:
		if prev.deferral != "" {
			prev.deferral = " DEFERRABLE"
		}
	}
	return nil
}

func constraintAttrWords(t pg_query.ConstrType) string {
	switch t {
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE:
		return "DEFERRABLE"
	case pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		return "NOT DEFERRABLE"
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRED:
		return "INITIALLY DEFERRED"
	}
	return "INITIALLY IMMEDIATE"
}
