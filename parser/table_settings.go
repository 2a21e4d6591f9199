package parser

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads the settings PostgreSQL keeps beside a relation's
// definition, as pg_dump writes them: ALTER TABLE ... CLUSTER ON / SET
// WITHOUT CLUSTER, ALTER TABLE [ONLY] ... ALTER COLUMN ... SET STATISTICS
// and SET / RESET (attribute options), ALTER INDEX ... ALTER COLUMN n SET
// STATISTICS m, and the column defaults of views (ALTER VIEW, or pg_dump's
// ALTER TABLE ONLY, ... ALTER COLUMN ... SET / DROP DEFAULT). It also
// decides which DEFAULT NULL PostgreSQL keeps (nullDefaults).

// relSettingsDef is one statement's settings of a table or an index.
type relSettingsDef struct {
	loc Location
	rel state.QualName
	// index says the statement was ALTER INDEX: rel is an index.
	index     bool
	missingOK bool
	cmds      []settingCmd
}

// settingCmd is one setting; column or indexColumn names what it is on,
// and exactly one of the other fields is set.
type settingCmd struct {
	loc         Location
	column      string
	indexColumn int
	// statistics is SET STATISTICS's target; -1 is the default.
	statistics *int
	// setOptions are SET (...)'s attribute options as "name=value".
	setOptions []string
	// resetOptions are RESET (...)'s option names.
	resetOptions []string
	// clusterOn is CLUSTER ON's index, "" for SET WITHOUT CLUSTER.
	clusterOn *string
}

// viewDefaultDef is ALTER VIEW v ALTER COLUMN c SET / DROP DEFAULT (also
// written as ALTER TABLE, which the resolver hands over when the relation
// is a view), or, with options set, ALTER VIEW v SET / RESET (options).
type viewDefaultDef struct {
	loc       Location
	view      state.QualName
	column    string
	expr      string // "" for DROP DEFAULT or a bare NULL
	missingOK bool
	// options says the statement is SET (setOptions, "name=value") or
	// RESET (resetOptions, names) of the view's options.
	options      bool
	setOptions   []string
	resetOptions []string
}

// settingSubtype reports whether an ALTER TABLE sub-command is one of this
// file's.
func settingSubtype(t pg_query.AlterTableType) bool {
	switch t {
	case pg_query.AlterTableType_AT_ClusterOn, pg_query.AlterTableType_AT_DropCluster,
		pg_query.AlterTableType_AT_SetStatistics, pg_query.AlterTableType_AT_SetOptions,
		pg_query.AlterTableType_AT_ResetOptions:
		return true
	}
	return false
}

// settingCommand reads one of this file's sub-commands.
func (p *fileParser) settingCommand(cmd *pg_query.AlterTableCmd, loc Location) (settingCmd, bool) {
	c := settingCmd{loc: loc, column: cmd.Name, indexColumn: int(cmd.Num)}
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_ClusterOn:
		name := cmd.Name
		c.column, c.clusterOn = "", &name
	case pg_query.AlterTableType_AT_DropCluster:
		none := ""
		c.column, c.clusterOn = "", &none
	case pg_query.AlterTableType_AT_SetStatistics:
		iv, ok := cmd.Def.GetNode().(*pg_query.Node_Integer)
		if !ok {
			p.errs.semantic(loc, "SET STATISTICS: the target must be an integer")
			return c, false
		}
		n := int(iv.Integer.Ival)
		if n < -1 || n > 10000 {
			p.errs.semantic(loc, "statistics target %d is out of range (-1 to 10000)", n)
			return c, false
		}
		c.statistics = &n
	case pg_query.AlterTableType_AT_SetOptions:
		opts, ok := p.storageOptions(cmd.Def.GetList().GetItems(), loc)
		if !ok {
			return c, false
		}
		c.setOptions = opts
	case pg_query.AlterTableType_AT_ResetOptions:
		for _, n := range cmd.Def.GetList().GetItems() {
			if d := n.GetDefElem(); d != nil {
				c.resetOptions = append(c.resetOptions, d.Defname)
			}
		}
		if c.resetOptions == nil {
			c.resetOptions = []string{}
		}
	}
	return c, true
}

// alterIndexSettings reads ALTER INDEX [IF EXISTS] i ALTER COLUMN n SET
// STATISTICS m; false when the statement is something else.
func (p *fileParser) alterIndexSettings(s *pg_query.AlterTableStmt, loc Location) bool {
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		if cmd == nil || cmd.Subtype != pg_query.AlterTableType_AT_SetStatistics && cmd.Subtype != pg_query.AlterTableType_AT_ChangeOwner {
			return false
		}
	}
	q, ok := p.relName(s.Relation, loc)
	if !ok {
		return true
	}
	d := &relSettingsDef{loc: loc, rel: q, index: true, missingOK: s.MissingOk}
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		if cmd.Subtype == pg_query.AlterTableType_AT_ChangeOwner {
			continue
		}
		if cmd.Num <= 0 {
			p.errs.semantic(loc, "ALTER INDEX %s: name the column by its number (ALTER COLUMN n SET STATISTICS)", q)
			return true
		}
		c, ok := p.settingCommand(cmd, loc)
		if !ok {
			return true
		}
		d.cmds = append(d.cmds, c)
	}
	if len(d.cmds) > 0 {
		p.add(d)
	}
	return true
}

// alterMatviewSettings reads ALTER MATERIALIZED VIEW ... CLUSTER ON / SET
// WITHOUT CLUSTER (and OWNER TO, ignored); false when the statement has
// other sub-commands.
func (p *fileParser) alterMatviewSettings(s *pg_query.AlterTableStmt, loc Location) bool {
	d := &relSettingsDef{loc: loc, missingOK: s.MissingOk}
	var owners []*pg_query.AlterTableCmd
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		switch {
		case cmd == nil:
			return false
		case cmd.Subtype == pg_query.AlterTableType_AT_ChangeOwner:
			owners = append(owners, cmd)
		case cmd.Subtype == pg_query.AlterTableType_AT_ClusterOn || cmd.Subtype == pg_query.AlterTableType_AT_DropCluster:
			c, ok := p.settingCommand(cmd, loc)
			if !ok {
				return true
			}
			d.cmds = append(d.cmds, c)
		default:
			return false
		}
	}
	q, ok := p.relName(s.Relation, loc)
	if ok && len(d.cmds) > 0 {
		d.rel = q
		p.add(d)
	}
	if ok {
		for _, cmd := range owners {
			p.relationOwner(q, cmd, loc)
		}
	}
	return true
}

// alterView reads ALTER VIEW [IF EXISTS] v with ALTER COLUMN ... SET /
// DROP DEFAULT, SET / RESET (view options) and OWNER TO (ignored: owners
// are not managed here).
func (p *fileParser) alterView(s *pg_query.AlterTableStmt, loc Location) {
	q, ok := p.relName(s.Relation, loc)
	if !ok {
		return
	}
	var defs []*viewDefaultDef
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		switch cmd.Subtype {
		case pg_query.AlterTableType_AT_ChangeOwner:
			p.relationOwner(q, cmd, loc)
		case pg_query.AlterTableType_AT_ColumnDefault:
			d := &viewDefaultDef{loc: loc, view: q, column: cmd.Name, missingOK: s.MissingOk}
			if cmd.Def != nil && !isBareNull(cmd.Def) {
				expr, err := canonicalExpr(cmd.Def)
				if err != nil {
					p.errs.semantic(loc, "default of %s.%s: %v", q, cmd.Name, err)
					return
				}
				d.expr = expr
			}
			defs = append(defs, d)
		case pg_query.AlterTableType_AT_SetRelOptions:
			opts, err := viewOptions(cmd.Def.GetList().GetItems())
			if err != nil {
				p.errs.semantic(loc, "ALTER VIEW %s SET: %v", q, err)
				return
			}
			defs = append(defs, &viewDefaultDef{loc: loc, view: q, missingOK: s.MissingOk, options: true, setOptions: opts})
		case pg_query.AlterTableType_AT_ResetRelOptions:
			d := &viewDefaultDef{loc: loc, view: q, missingOK: s.MissingOk, options: true}
			for _, n := range cmd.Def.GetList().GetItems() {
				if e := n.GetDefElem(); e != nil {
					d.resetOptions = append(d.resetOptions, e.Defname)
				}
			}
			defs = append(defs, d)
		default:
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "ALTER VIEW ... " + alterCmdWords(cmd.Subtype),
				Reason: "is not supported in schema files"})
			return
		}
	}
	for _, d := range defs {
		p.add(d)
	}
}

// isBareNull reports whether an expression is the NULL literal without a
// cast.
func isBareNull(n *pg_query.Node) bool {
	c, ok := n.GetNode().(*pg_query.Node_AConst)
	return ok && c.AConst.Isnull
}

// viewAlters hands ALTER TABLE statements on views over to the views:
// pg_dump writes a view's column defaults as ALTER TABLE ONLY v ALTER
// COLUMN c SET DEFAULT. Only SET / DROP DEFAULT are accepted there. It
// returns items without the statements it took.
func (r *resolver) viewAlters(items []any) []any {
	out := items[:0:0]
	for _, it := range items {
		a, ok := it.(*alterTableDef)
		if !ok || r.tables[a.table] != nil || r.views[a.table] == nil {
			out = append(out, it)
			continue
		}
		for _, c := range a.cmds {
			switch {
			case c.setDefault != nil:
				expr := c.setDefault.expr
				if expr == "NULL" {
					expr = ""
				}
				out = append(out, &viewDefaultDef{loc: c.loc, view: a.table, column: c.setDefault.column, expr: expr})
			case c.ext != nil && c.ext.dropDefault != "":
				out = append(out, &viewDefaultDef{loc: c.loc, view: a.table, column: c.ext.dropDefault})
			default:
				r.errs.semantic(c.loc, "ALTER TABLE: %s is a view; only ALTER COLUMN ... SET / DROP DEFAULT can change it here", a.table)
			}
		}
	}
	return out
}

// viewDefaults applies the view column defaults in statement order.
func (r *resolver) viewDefaults(items []any) {
	for _, it := range items {
		d, ok := it.(*viewDefaultDef)
		if !ok {
			continue
		}
		ve := r.views[d.view]
		if ve == nil {
			if !d.missingOK {
				r.errs.semantic(d.loc, "ALTER VIEW: view %s is defined nowhere", d.view)
			}
			continue
		}
		if d.options {
			ve.v.Options = alterViewOptions(ve.v.Options, d.setOptions, d.resetOptions)
			continue
		}
		if ve.columns != nil && !hasName(ve.columns, d.column) {
			r.errs.semantic(d.loc, "ALTER VIEW: column %s of %s %s does not exist", d.column, viewKindWords(ve.v.Kind()), d.view)
			continue
		}
		if d.expr == "" {
			delete(ve.v.ColumnDefaults, d.column)
			if len(ve.v.ColumnDefaults) == 0 {
				ve.v.ColumnDefaults = nil
			}
			continue
		}
		if ve.v.ColumnDefaults == nil {
			ve.v.ColumnDefaults = map[string]string{}
		}
		ve.v.ColumnDefaults[d.column] = d.expr
	}
}

// alterViewOptions is a view's sorted options after ALTER VIEW SET (set,
// "name=value") and RESET (reset, names); nil when none are left.
func alterViewOptions(opts, set, reset []string) []string {
	for _, o := range set {
		name, value, _ := strings.Cut(o, "=")
		opts = setViewOption(opts, name, value)
	}
	for _, name := range reset {
		opts = slices.DeleteFunc(slices.Clone(opts), func(o string) bool {
			n, _, _ := strings.Cut(o, "=")
			return n == name
		})
	}
	if len(opts) == 0 {
		return nil
	}
	return opts
}

// relSettings applies the settings of tables and indexes in statement
// order, once columns, constraints and indexes are known.
func (r *resolver) relSettings(items []any) {
	for _, it := range items {
		d, ok := it.(*relSettingsDef)
		if !ok {
			continue
		}
		if d.index {
			r.indexSettings(d)
			continue
		}
		te := r.tables[d.rel]
		if ve := r.views[d.rel]; te == nil && ve != nil {
			r.viewSettings(ve, d)
			continue
		}
		if te == nil {
			if !d.missingOK {
				r.table(d.rel, d.loc, "ALTER TABLE")
			}
			continue
		}
		for _, c := range d.cmds {
			r.tableSetting(te, c)
		}
	}
}

// tableSetting applies one setting to a table.
func (r *resolver) tableSetting(te *tableEntry, c settingCmd) {
	q := te.t.QualName()
	if c.clusterOn != nil {
		if *c.clusterOn != "" {
			ref, ok := r.indexes[state.QualName{Schema: q.Schema, Name: *c.clusterOn}]
			if !ok || ref.table != q.Name {
				r.errs.semantic(c.loc, "CLUSTER ON: index %s of table %s is defined nowhere", *c.clusterOn, q)
				return
			}
		}
		te.t.ClusterOn = *c.clusterOn
		return
	}
	col := r.column(te, c.column, c.loc, "ALTER COLUMN")
	if col == nil {
		return
	}
	switch {
	case c.statistics != nil:
		col.Statistics = nil
		if *c.statistics >= 0 {
			n := *c.statistics
			col.Statistics = &n
		}
	case c.setOptions != nil:
		for _, o := range c.setOptions {
			col.Options = setRelOption(col.Options, o)
		}
	case c.resetOptions != nil:
		for _, o := range c.resetOptions {
			col.Options = dropRelOption(col.Options, o)
		}
		if len(col.Options) == 0 {
			col.Options = nil
		}
	}
}

// viewSettings applies CLUSTER ON to a materialized view, the one setting
// of views renovate manages here.
func (r *resolver) viewSettings(ve *viewEntry, d *relSettingsDef) {
	for _, c := range d.cmds {
		if c.clusterOn == nil || !ve.v.Materialized {
			r.errs.unsupported(c.loc, "SET STATISTICS and column options of a view or materialized view")
			return
		}
		if *c.clusterOn != "" {
			found := false
			for _, ix := range ve.v.Indexes {
				found = found || ix.Name == *c.clusterOn
			}
			if !found {
				r.errs.semantic(c.loc, "CLUSTER ON: index %s of materialized view %s is defined nowhere", *c.clusterOn, d.rel)
				return
			}
		}
		ve.v.ClusterOn = *c.clusterOn
	}
}

// setRelOption sets the option "name=value" in opts the way PostgreSQL's
// SET (...) does: an option set again moves to the end.
func setRelOption(opts []string, opt string) []string {
	name, _, _ := strings.Cut(opt, "=")
	return append(dropRelOption(append([]string(nil), opts...), name), opt)
}

// indexSettings applies ALTER INDEX ... ALTER COLUMN n SET STATISTICS m.
func (r *resolver) indexSettings(d *relSettingsDef) {
	ref, ok := r.indexes[d.rel]
	if !ok {
		if !d.missingOK {
			r.errs.semantic(d.loc, "ALTER INDEX: index %s is defined nowhere", d.rel)
		}
		return
	}
	te := r.tables[state.QualName{Schema: d.rel.Schema, Name: ref.table}]
	var ix *state.Index
	if te != nil && !ref.constraint {
		for i := range te.t.Indexes {
			if te.t.Indexes[i].Name == d.rel.Name {
				ix = &te.t.Indexes[i]
			}
		}
	}
	if ix == nil {
		r.errs.unsupported(d.loc, "ALTER INDEX ... SET STATISTICS on an index of a constraint or a materialized view")
		return
	}
	for _, c := range d.cmds {
		if c.statistics == nil {
			continue
		}
		if !indexColumnIsExpression(ix.Definition, c.indexColumn) {
			r.errs.semantic(c.loc, "ALTER INDEX %s: column number %d is not an expression column of the index (only those have a statistics target)", d.rel, c.indexColumn)
			continue
		}
		kept := ix.Statistics[:0:0]
		for _, s := range ix.Statistics {
			if s.Column != c.indexColumn {
				kept = append(kept, s)
			}
		}
		if *c.statistics >= 0 {
			kept = append(kept, state.IndexStatistics{Column: c.indexColumn, Target: *c.statistics})
		}
		ix.Statistics = kept
	}
}

// indexColumnIsExpression reports whether key column n (from 1) of a
// canonical CREATE INDEX is an expression, as PostgreSQL requires of a
// column given a statistics target.
func indexColumnIsExpression(def string, n int) bool {
	tree, err := pg_query.Parse(def)
	if err != nil || len(tree.Stmts) != 1 {
		return false
	}
	st := tree.Stmts[0].GetStmt().GetIndexStmt()
	if st == nil || n < 1 || n > len(st.IndexParams) {
		return false
	}
	ie := st.IndexParams[n-1].GetIndexElem()
	return ie != nil && ie.Expr != nil
}

// finishSettings puts a table's storage parameters in the order the
// server keeps them (its own, then its toast table's, each in the order
// they were set) and drops DEFAULT NULLs the server does not store
// (nullDefaults).
func (r *resolver) finishSettings() {
	for _, te := range r.tables {
		var own, toast []string
		for _, o := range te.t.Options {
			if strings.HasPrefix(o, "toast.") {
				toast = append(toast, o)
			} else {
				own = append(own, o)
			}
		}
		if len(toast) > 0 {
			te.t.Options = append(own, toast...)
		}
	}
	r.nullDefaults()
}

// nullDefaults drops the column and domain defaults that are a NULL
// constant PostgreSQL stores no default for: a NULL, possibly cast to
// the column's own type, on a type without a length or precision that
// is not a domain. Such a DEFAULT NULL is kept by the server as no
// pg_attrdef row at all; every other one (NULL on a varchar(10), a
// numeric(10,2) or a domain, or cast to another type) is a stored
// default and stays in the model, as pg_dump shows it.
func (r *resolver) nullDefaults() {
	for _, te := range r.tables {
		for i := range te.t.Columns {
			c := &te.t.Columns[i]
			if c.Default != "" && !r.nullDefaultStored(c.Default, c.Type) {
				c.Default = ""
			}
		}
	}
	for _, t := range r.types {
		if t.Kind == state.TypeDomain && t.Default != "" && !r.nullDefaultStored(t.Default, t.BaseType) {
			t.Default = ""
		}
	}
}

// isNullText reports whether a canonical expression is a NULL constant,
// possibly cast.
func isNullText(expr string) bool {
	return strings.HasPrefix(expr, "NULL") && nullCasts(expr) != nil
}

// nullCasts returns the types a NULL constant is cast to, outermost first
// (an empty, non-nil list for a bare NULL), or nil when expr is something
// else.
func nullCasts(expr string) []string {
	tree, err := pg_query.Parse("SELECT " + expr)
	if err != nil || len(tree.Stmts) != 1 {
		return nil
	}
	tl := tree.Stmts[0].GetStmt().GetSelectStmt().GetTargetList()
	if len(tl) != 1 || tl[0].GetResTarget() == nil {
		return nil
	}
	casts := []string{}
	n := tl[0].GetResTarget().Val
	for n != nil {
		switch v := n.Node.(type) {
		case *pg_query.Node_AConst:
			if !v.AConst.Isnull {
				return nil
			}
			return casts
		case *pg_query.Node_TypeCast:
			t, err := formatType(v.TypeCast.TypeName)
			if err != nil {
				return nil
			}
			casts = append(casts, t)
			n = v.TypeCast.Arg
		default:
			return nil
		}
	}
	return nil
}

// nullDefaultStored reports whether PostgreSQL stores the default expr on
// a column of type typ: always unless expr is a NULL constant that its
// cooking leaves a plain NULL constant of the column's type (no length
// coercion, no domain, no cast to another type).
func (r *resolver) nullDefaultStored(expr, typ string) bool {
	if !strings.HasPrefix(expr, "NULL") {
		return true
	}
	casts := nullCasts(expr)
	if casts == nil {
		return true
	}
	base := strings.TrimSuffix(typ, "[]")
	if strings.Contains(base, ".") {
		// A type of the database: a domain keeps the default (it
		// overrides the domain's own), other kinds behave like built-in
		// types; an unknown one (an extension's) is left as written.
		q, ok := splitQualifiedName(base)
		if !ok || len(q) != 2 {
			return true
		}
		t := r.types[state.QualName{Schema: q[0], Name: q[1]}]
		if t == nil || t.Kind == state.TypeDomain {
			return true
		}
	}
	for _, c := range casts {
		if c != typ {
			return true
		}
	}
	if len(casts) == 0 && strings.HasPrefix(typ, "interval") {
		// interval's input function applies the typmod itself.
		return false
	}
	// A length, precision or scale is applied by a coercion the server
	// keeps.
	return strings.Contains(base, "(")
}
