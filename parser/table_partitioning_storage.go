package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads the parts of CREATE TABLE and ALTER TABLE beyond columns
// and constraints: partitioning, inheritance, storage parameters,
// tablespaces, column storage and compression, replica identity.

// tableExt is what a CREATE TABLE says beyond columns and constraints.
type tableExt struct {
	partKey  *partKey
	partOf   *state.QualName
	bound    *partBound
	inherits []state.QualName
	// options are WITH (...) storage parameters as "name=value".
	options    []string
	tablespace string
	// accessMethod is USING's table access method, "" for heap.
	accessMethod string
	// overrides are PARTITION OF's "column WITH OPTIONS ..." entries.
	overrides []*columnOverride
}

// columnOverride is a partition's column option: properties of a column it
// gets from its parent.
type columnOverride struct {
	loc     Location
	column  string
	dflt    *string // DEFAULT given (its canonical expression)
	notNull bool
}

// alterExt is one ALTER TABLE sub-command handled in this file's pass;
// exactly one field is set.
type alterExt struct {
	dropColumn    string
	dropMissingOK bool
	dropDefault   string // column
	dropNotNull   string // column
	storage       *columnSetting
	compression   *columnSetting
	setOptions    []string
	resetOptions  []string
	tablespace    *string
	replicaIdent  *string // "", "full", "nothing" or "index <name>"
	attach        *attachDef
	inherit       *state.QualName
}

// columnSetting is ALTER COLUMN ... SET STORAGE / SET COMPRESSION.
type columnSetting struct {
	column string
	value  string
}

// attachDef is ALTER TABLE parent ATTACH PARTITION child bound.
type attachDef struct {
	child state.QualName
	bound *partBound
}

// createTableExt reads the clauses of CREATE TABLE handled here.
func (p *fileParser) createTableExt(s *pg_query.CreateStmt, name state.QualName, loc Location) (tableExt, bool) {
	var ext tableExt
	if s.Partspec != nil {
		k, ok := p.partitionKey(s.Partspec, p.locOr(s.Partspec.Location, loc))
		if !ok {
			return ext, false
		}
		ext.partKey = k
	}
	var parents []state.QualName
	for _, n := range s.InhRelations {
		q, ok := p.relName(n.GetRangeVar(), loc)
		if !ok {
			return ext, false
		}
		if q == name {
			p.errs.semantic(loc, "table %s cannot inherit from itself", name)
			return ext, false
		}
		for _, prev := range parents {
			if prev == q {
				p.errs.semantic(loc, "table %s would be inherited from more than once", q)
				return ext, false
			}
		}
		parents = append(parents, q)
	}
	if s.Partbound != nil {
		if len(parents) != 1 {
			p.errs.semantic(loc, "a partition has exactly one parent")
			return ext, false
		}
		b, ok := p.partitionBound(s.Partbound, p.locOr(s.Partbound.Location, loc))
		if !ok {
			return ext, false
		}
		ext.partOf, ext.bound = &parents[0], b
	} else {
		ext.inherits = parents
	}
	opts, ok := p.storageOptions(s.Options, loc)
	if !ok {
		return ext, false
	}
	ext.options = opts
	ext.tablespace = canonicalTablespace(s.Tablespacename)
	switch {
	case s.AccessMethod == "" && s.Partspec == nil:
		// default_table_access_method applies to tables that hold rows
		// (a partitioned table has no storage of its own).
		ext.accessMethod = p.defaultTableAM
	case s.AccessMethod != "heap":
		ext.accessMethod = s.AccessMethod
	}
	return ext, true
}

// storageOptions reads WITH (...) as PostgreSQL stores reloptions:
// "name=value" with the value as text, a namespaced one as
// "toast.name=value". WITH (oids = false) is accepted and means nothing,
// as in PostgreSQL 12 and later.
func (p *fileParser) storageOptions(opts []*pg_query.Node, loc Location) ([]string, bool) {
	var out []string
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			p.errs.semantic(loc, "invalid storage parameter")
			return nil, false
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			p.errs.semantic(p.locOr(d.Location, loc), "storage parameter %s: %v", d.Defname, err)
			return nil, false
		}
		if d.Defnamespace == "" && d.Defname == "oids" {
			if v == "false" || v == "off" || v == "0" {
				continue
			}
			p.errs.unsupported(p.locOr(d.Location, loc), "WITH (oids = true)")
			return nil, false
		}
		name := d.Defname
		if d.Defnamespace != "" {
			name = d.Defnamespace + "." + name
		}
		out = putRelOption(out, name+"="+v)
	}
	return out, true
}

// putRelOption replaces or adds the option "name=value" in opts.
func putRelOption(opts []string, opt string) []string {
	name, _, _ := strings.Cut(opt, "=")
	for i, o := range opts {
		if n, _, _ := strings.Cut(o, "="); n == name {
			opts[i] = opt
			return opts
		}
	}
	return append(opts, opt)
}

// dropRelOption removes the option called name from opts.
func dropRelOption(opts []string, name string) []string {
	out := opts[:0]
	for _, o := range opts {
		if n, _, _ := strings.Cut(o, "="); n != name {
			out = append(out, o)
		}
	}
	return out
}

// canonicalTablespace maps the default tablespace to "": PostgreSQL
// records a relation in the database's default tablespace (pg_default
// unless the database says otherwise) as reltablespace 0.
func canonicalTablespace(name string) string {
	if name == "pg_default" {
		return ""
	}
	return name
}

// typeStorage holds the default STORAGE of built-in types that is not
// plain (typstorage): a column set to its type's default is no change.
var typeStorage = map[string]string{
	"numeric": "main", "cidr": "main", "inet": "main",
	"text": "extended", "character varying": "extended", "character": "extended", "bytea": "extended",
	"json": "extended", "jsonb": "extended", "jsonpath": "extended", "xml": "extended", "tsvector": "extended",
	"bit": "extended", "bit varying": "extended", "path": "extended", "polygon": "extended", "refcursor": "extended",
	"int4range": "extended", "int8range": "extended", "numrange": "extended", "tsrange": "extended",
	"tstzrange": "extended", "daterange": "extended", "int4multirange": "extended", "int8multirange": "extended",
	"nummultirange": "extended", "tsmultirange": "extended", "tstzmultirange": "extended", "datemultirange": "extended",
	"txid_snapshot": "extended", "pg_snapshot": "extended",
}

// builtinPlainTypes are built-in types whose default storage is plain.
var builtinPlainTypes = map[string]bool{
	"smallint": true, "integer": true, "bigint": true, "boolean": true, "real": true, "double precision": true,
	"date": true, "time without time zone": true, "time with time zone": true, "timestamp without time zone": true,
	"timestamp with time zone": true, "interval": true, "uuid": true, "money": true, "oid": true, `"char"`: true,
	"macaddr": true, "macaddr8": true, "pg_lsn": true, "point": true, "box": true, "lseg": true, "line": true,
	"circle": true, "name": true, "tsquery": true, "regclass": true, "regtype": true, "regproc": true,
}

// canonicalStorage returns the model's Storage for a column of type typ
// set to storage: "" when it is the type's default (known for built-in
// types and arrays), else the lower-case word.
func canonicalStorage(typ, storage string) string {
	storage = strings.ToLower(storage)
	if storage == "default" {
		return ""
	}
	def := ""
	base := baseTypeName(typ)
	switch {
	case strings.HasSuffix(typ, "[]"):
		def = "extended"
	case typeStorage[base] != "":
		def = typeStorage[base]
	case builtinPlainTypes[base]:
		def = "plain"
	}
	if storage == def {
		return ""
	}
	return storage
}

// canonicalCompression maps COMPRESSION default to "" (the server's
// default_toast_compression applies).
func canonicalCompression(c string) string {
	c = strings.ToLower(c)
	if c == "default" {
		return ""
	}
	return c
}

// partitionColumnOption reads a column entry of CREATE TABLE ... PARTITION
// OF (name WITH OPTIONS DEFAULT ... NOT NULL ...) and the table constraints
// written inside it.
func (p *fileParser) partitionColumnOption(cd *pg_query.ColumnDef, table state.QualName, stmtLoc Location) (*columnOverride, []*conDef, bool) {
	loc := p.locOr(cd.Location, stmtLoc)
	o := &columnOverride{loc: loc, column: cd.Colname}
	var cons []*conDef
	for _, n := range cd.Constraints {
		c := n.GetConstraint()
		if c == nil {
			continue
		}
		switch c.Contype {
		case pg_query.ConstrType_CONSTR_NOTNULL:
			o.notNull = true
		case pg_query.ConstrType_CONSTR_NULL:
		case pg_query.ConstrType_CONSTR_DEFAULT:
			expr, err := canonicalExpr(c.RawExpr)
			if err != nil {
				p.errs.semantic(loc, "column %s of %s: %v", cd.Colname, table, err)
				return nil, nil, false
			}
			o.dflt = &expr
		case pg_query.ConstrType_CONSTR_CHECK, pg_query.ConstrType_CONSTR_PRIMARY,
			pg_query.ConstrType_CONSTR_UNIQUE, pg_query.ConstrType_CONSTR_FOREIGN:
			d, ok := p.buildConstraint(c, table, cd.Colname, loc)
			if !ok {
				return nil, nil, false
			}
			cons = append(cons, d)
		default:
			p.errs.unsupported(p.locOr(c.Location, loc), "partition column option "+c.Contype.String())
			return nil, nil, false
		}
	}
	return o, cons, true
}

// alterTableCmdExt reads the ALTER TABLE sub-commands handled in this
// file. handled is false for sub-commands it does not know.
func (p *fileParser) alterTableCmdExt(cmd *pg_query.AlterTableCmd, table state.QualName, loc Location) (c *alterCmd, handled, ok bool) {
	ext := &alterExt{}
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_DropColumn:
		ext.dropColumn, ext.dropMissingOK = cmd.Name, cmd.MissingOk
	case pg_query.AlterTableType_AT_ColumnDefault:
		if cmd.Def != nil {
			return nil, false, false
		}
		ext.dropDefault = cmd.Name
	case pg_query.AlterTableType_AT_DropNotNull:
		ext.dropNotNull = cmd.Name
	case pg_query.AlterTableType_AT_SetStorage:
		ext.storage = &columnSetting{column: cmd.Name, value: strings.ToLower(cmd.Def.GetString_().GetSval())}
	case pg_query.AlterTableType_AT_SetCompression:
		ext.compression = &columnSetting{column: cmd.Name, value: canonicalCompression(cmd.Def.GetString_().GetSval())}
	case pg_query.AlterTableType_AT_SetRelOptions:
		opts, good := p.storageOptions(cmd.Def.GetList().GetItems(), loc)
		if !good {
			return nil, true, false
		}
		ext.setOptions = opts
	case pg_query.AlterTableType_AT_ResetRelOptions:
		for _, n := range cmd.Def.GetList().GetItems() {
			d := n.GetDefElem()
			if d == nil {
				continue
			}
			name := d.Defname
			if d.Defnamespace != "" {
				name = d.Defnamespace + "." + name
			}
			ext.resetOptions = append(ext.resetOptions, name)
		}
		if ext.resetOptions == nil {
			ext.resetOptions = []string{}
		}
	case pg_query.AlterTableType_AT_SetTableSpace:
		ts := canonicalTablespace(cmd.Name)
		ext.tablespace = &ts
	case pg_query.AlterTableType_AT_ReplicaIdentity:
		ri := cmd.Def.GetReplicaIdentityStmt()
		if ri == nil {
			return nil, false, false
		}
		var v string
		switch ri.IdentityType {
		case "d":
		case "f":
			v = "full"
		case "n":
			v = "nothing"
		case "i":
			v = "index " + ri.Name
		default:
			return nil, false, false
		}
		ext.replicaIdent = &v
	case pg_query.AlterTableType_AT_AttachPartition:
		pc := cmd.Def.GetPartitionCmd()
		if pc == nil || pc.Bound == nil {
			return nil, false, false
		}
		child, good := p.relName(pc.Name, loc)
		if !good {
			return nil, true, false
		}
		b, good := p.partitionBound(pc.Bound, loc)
		if !good {
			return nil, true, false
		}
		ext.attach = &attachDef{child: child, bound: b}
	case pg_query.AlterTableType_AT_AddInherit:
		parent, good := p.relName(cmd.Def.GetRangeVar(), loc)
		if !good {
			return nil, true, false
		}
		ext.inherit = &parent
	default:
		return nil, false, false
	}
	return &alterCmd{loc: loc, ext: ext}, true, true
}

// indexAttachDef is ALTER INDEX parent ATTACH PARTITION child, as pg_dump
// writes it for a partition's copy of its parent's index: the copy (an
// index, or the index of a primary key or unique constraint) is the
// parent's, not the partition's.
type indexAttachDef struct {
	loc   Location
	child state.QualName
}

// alterIndexAttach reads ALTER INDEX ... ATTACH PARTITION; false when the
// statement is something else.
func (p *fileParser) alterIndexAttach(s *pg_query.AlterTableStmt, loc Location) bool {
	if len(s.Cmds) != 1 {
		return false
	}
	cmd := s.Cmds[0].GetAlterTableCmd()
	if cmd == nil || cmd.Subtype != pg_query.AlterTableType_AT_AttachPartition {
		return false
	}
	child, ok := p.relName(cmd.Def.GetPartitionCmd().GetName(), loc)
	if ok {
		p.add(&indexAttachDef{loc: loc, child: child})
	}
	return true
}
