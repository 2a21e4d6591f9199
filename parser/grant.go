package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads GRANT, REVOKE and ALTER DEFAULT PRIVILEGES. They are
// applied to the objects they name once every file is read (see
// resolve_grant.go), in statement order, so pg_dump's "REVOKE ALL ... FROM
// PUBLIC; GRANT ..." sequences mean what they mean in PostgreSQL.

// grantTarget is the kind of object a GRANT or REVOKE names.
type grantTarget int

const (
	// targetTable is ON [TABLE] name: tables, views and materialized
	// views, and sequences (whose non-sequence privileges PostgreSQL
	// ignores with a warning).
	targetTable grantTarget = iota
	targetSequence
	targetSchema
	targetFunction
	targetProcedure
	// targetRoutine is ON ROUTINE: functions and procedures.
	targetRoutine
	// targetType is ON TYPE and ON DOMAIN.
	targetType
	// targetWrapper is ON FOREIGN DATA WRAPPER, targetServer ON FOREIGN
	// SERVER.
	targetWrapper
	targetServer
	// targetLanguage is ON LANGUAGE.
	targetLanguage
)

// grantDef is one GRANT or REVOKE on objects.
type grantDef struct {
	loc   Location
	grant bool
	// grantOption is WITH GRANT OPTION for GRANT, GRANT OPTION FOR for
	// REVOKE (which then only takes the grant option away).
	grantOption bool
	target      grantTarget
	// allInSchema is ON ALL TABLES/SEQUENCES/FUNCTIONS/PROCEDURES/ROUTINES
	// IN SCHEMA: schemas holds the schemas.
	allInSchema bool
	relations   []state.QualName // TABLE, SEQUENCE and TYPE targets
	schemas     []string         // SCHEMA targets, or the schemas of ALL ... IN SCHEMA
	names       []string         // FOREIGN DATA WRAPPER and FOREIGN SERVER targets
	routines    []routineRef
	// privs are the privileges named; nil means ALL.
	privs    []privSpec
	grantees []string
}

// privSpec is one privilege of a GRANT, with its column list.
type privSpec struct {
	// name is the upper-case keyword, "" for ALL (only with columns).
	name string
	cols []string
}

// defaultPrivDef is ALTER DEFAULT PRIVILEGES.
type defaultPrivDef struct {
	loc Location
	// roles are FOR ROLE's roles; empty means the role applying the files,
	// which the engine fills in.
	roles []string
	// schemas are IN SCHEMA's schemas; empty means every schema.
	schemas     []string
	grant       bool
	grantOption bool
	objectType  string   // state.DefaultTables, ...
	privs       []string // nil means ALL
	grantees    []string
}

// grantStmt handles GRANT and REVOKE of privileges on objects.
func (p *fileParser) grantStmt(s *pg_query.GrantStmt, loc Location) {
	what := "GRANT"
	if !s.IsGrant {
		what = "REVOKE"
	}
	if s.Targtype == pg_query.GrantTargetType_ACL_TARGET_DEFAULTS {
		p.errs.semantic(loc, "%s ... ON <objects> without ALTER DEFAULT PRIVILEGES", what)
		return
	}
	// REVOKE ... CASCADE also revokes what the grantee granted others
	// with the grant option. Every GRANT of the files is made by the role
	// applying them (GRANTED BY is refused below), never by a grantee,
	// so in files CASCADE has nothing more to revoke than REVOKE: it is
	// accepted and means the same.
	if s.Grantor != nil {
		p.errs.add(&UnsupportedError{Loc: loc, Statement: what + " ... GRANTED BY", Reason: "is not supported: renovate does not model grantors"})
		return
	}
	d := &grantDef{loc: loc, grant: s.IsGrant, grantOption: s.GrantOption, allInSchema: s.Targtype == pg_query.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA}
	switch s.Objtype {
	case pg_query.ObjectType_OBJECT_TABLE:
		d.target = targetTable
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		d.target = targetSequence
	case pg_query.ObjectType_OBJECT_SCHEMA:
		d.target = targetSchema
	case pg_query.ObjectType_OBJECT_FUNCTION:
		d.target = targetFunction
	case pg_query.ObjectType_OBJECT_PROCEDURE:
		d.target = targetProcedure
	case pg_query.ObjectType_OBJECT_ROUTINE:
		d.target = targetRoutine
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		d.target = targetType
	case pg_query.ObjectType_OBJECT_FDW:
		d.target = targetWrapper
	case pg_query.ObjectType_OBJECT_FOREIGN_SERVER:
		d.target = targetServer
	case pg_query.ObjectType_OBJECT_LANGUAGE:
		d.target = targetLanguage
	default:
		p.errs.unsupported(loc, what+" ... ON "+objectTypeWords(s.Objtype))
		return
	}
	for _, n := range s.Objects {
		if !p.grantObject(d, n, loc) {
			return
		}
	}
	privs, ok := p.privileges(s.Privileges, loc)
	if !ok {
		return
	}
	d.privs = privs
	grantees, ok := p.roleNames(s.Grantees, what, loc)
	if !ok {
		return
	}
	d.grantees = grantees
	if s.IsGrant && s.GrantOption {
		for _, g := range grantees {
			if g == state.Public {
				p.errs.semantic(loc, "grant options can only be granted to roles")
				return
			}
		}
	}
	p.add(d)
}

// grantObject reads one object of a GRANT into d.
func (p *fileParser) grantObject(d *grantDef, n *pg_query.Node, loc Location) bool {
	if d.allInSchema || d.target == targetSchema {
		s := n.GetString_()
		if s == nil {
			p.errs.semantic(loc, "invalid schema name")
			return false
		}
		d.schemas = append(d.schemas, s.Sval)
		return true
	}
	switch d.target {
	case targetWrapper, targetServer, targetLanguage:
		s := n.GetString_()
		if s == nil {
			p.errs.semantic(loc, "invalid name")
			return false
		}
		d.names = append(d.names, s.Sval)
	case targetTable, targetSequence:
		q, ok := p.relName(n.GetRangeVar(), loc)
		if !ok {
			return false
		}
		d.relations = append(d.relations, q)
	case targetType:
		q, ok := p.anyName(n.GetList().GetItems(), loc)
		if !ok {
			return false
		}
		d.relations = append(d.relations, q)
	default:
		o := n.GetObjectWithArgs()
		if o == nil {
			p.errs.semantic(loc, "invalid routine name")
			return false
		}
		ref, ok := p.routineRefOf(o, routineKind(d.target), loc)
		if !ok {
			return false
		}
		d.routines = append(d.routines, ref)
	}
	return true
}

// privileges reads a GRANT's privilege list; nil means ALL.
func (p *fileParser) privileges(nodes []*pg_query.Node, loc Location) ([]privSpec, bool) {
	if len(nodes) == 0 {
		return nil, true
	}
	out := make([]privSpec, 0, len(nodes))
	for _, n := range nodes {
		ap := n.GetAccessPriv()
		if ap == nil {
			p.errs.semantic(loc, "invalid privilege")
			return nil, false
		}
		cols, err := stringList(ap.Cols)
		if err != nil {
			p.errs.semantic(loc, "invalid column list: %v", err)
			return nil, false
		}
		out = append(out, privSpec{name: strings.ToUpper(ap.PrivName), cols: cols})
	}
	return out, true
}

// roleNames reads grantees (or FOR ROLE's roles): names, or "PUBLIC".
// CURRENT_USER, CURRENT_ROLE and SESSION_USER are refused: what the files
// declare must not depend on who applies them.
func (p *fileParser) roleNames(nodes []*pg_query.Node, what string, loc Location) ([]string, bool) {
	var out []string
	for _, n := range nodes {
		rs := n.GetRoleSpec()
		if rs == nil {
			p.errs.semantic(loc, "invalid role name")
			return nil, false
		}
		name, err := roleSpecName(rs)
		if err != nil {
			p.errs.add(&UnsupportedError{Loc: p.locOr(rs.Location, loc), Statement: what + " ... " + err.Error(),
				Reason: "is not supported in schema files: name the role, so the files mean the same whoever applies them"})
			return nil, false
		}
		out = append(out, name)
	}
	return out, true
}

// roleSpecName returns a role's name, "PUBLIC" for PUBLIC, or an error
// naming the special role used.
func roleSpecName(rs *pg_query.RoleSpec) (string, error) {
	switch rs.Roletype {
	case pg_query.RoleSpecType_ROLESPEC_CSTRING:
		return rs.Rolename, nil
	case pg_query.RoleSpecType_ROLESPEC_PUBLIC:
		return state.Public, nil
	case pg_query.RoleSpecType_ROLESPEC_CURRENT_USER:
		return "", fmt.Errorf("CURRENT_USER")
	case pg_query.RoleSpecType_ROLESPEC_CURRENT_ROLE:
		return "", fmt.Errorf("CURRENT_ROLE")
	case pg_query.RoleSpecType_ROLESPEC_SESSION_USER:
		return "", fmt.Errorf("SESSION_USER")
	}
	return "", fmt.Errorf("%s", rs.Roletype)
}

// alterDefaultPrivileges handles ALTER DEFAULT PRIVILEGES [FOR ROLE r, ...]
// [IN SCHEMA s, ...] GRANT/REVOKE ... ON TABLES/SEQUENCES/FUNCTIONS/
// ROUTINES/TYPES/SCHEMAS.
func (p *fileParser) alterDefaultPrivileges(s *pg_query.AlterDefaultPrivilegesStmt, loc Location) {
	a := s.Action
	if a == nil {
		p.errs.semantic(loc, "ALTER DEFAULT PRIVILEGES without GRANT or REVOKE")
		return
	}
	d := &defaultPrivDef{loc: loc, grant: a.IsGrant, grantOption: a.GrantOption}
	for _, n := range s.Options {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		items := de.Arg.GetList().GetItems()
		switch de.Defname {
		case "roles":
			roles, ok := p.roleNames(items, "ALTER DEFAULT PRIVILEGES FOR ROLE", loc)
			if !ok {
				return
			}
			d.roles = append(d.roles, roles...)
		case "schemas":
			names, err := stringList(items)
			if err != nil {
				p.errs.semantic(loc, "invalid schema name")
				return
			}
			d.schemas = append(d.schemas, names...)
		default:
			p.errs.unsupported(loc, "ALTER DEFAULT PRIVILEGES "+upperWords(de.Defname))
			return
		}
	}
	for _, r := range d.roles {
		if r == state.Public {
			p.errs.semantic(loc, "ALTER DEFAULT PRIVILEGES FOR ROLE PUBLIC: PUBLIC is not a role that creates objects")
			return
		}
	}
	switch a.Objtype {
	case pg_query.ObjectType_OBJECT_TABLE:
		d.objectType = state.DefaultTables
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		d.objectType = state.DefaultSequences
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		d.objectType = state.DefaultFunctions
	case pg_query.ObjectType_OBJECT_TYPE:
		d.objectType = state.DefaultTypes
	case pg_query.ObjectType_OBJECT_SCHEMA:
		d.objectType = state.DefaultSchemas
		if len(d.schemas) > 0 {
			p.errs.semantic(loc, "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS")
			return
		}
	default:
		p.errs.unsupported(loc, "ALTER DEFAULT PRIVILEGES ... ON "+objectTypeWords(a.Objtype))
		return
	}
	// REVOKE ... CASCADE: default privileges have no grantors to cascade
	// to; PostgreSQL accepts and ignores it.
	privs, ok := p.privileges(a.Privileges, loc)
	if !ok {
		return
	}
	if privs != nil {
		d.privs = []string{}
	}
	kind := state.DefaultObjectKind(d.objectType)
	for _, pr := range privs {
		if len(pr.cols) > 0 {
			p.errs.semantic(loc, "ALTER DEFAULT PRIVILEGES cannot name columns")
			return
		}
		if !validPrivilege(kind, pr.name) {
			p.errs.semantic(loc, "invalid privilege type %s for %s", pr.name, d.objectType)
			return
		}
		d.privs = append(d.privs, pr.name)
	}
	grantees, ok := p.roleNames(a.Grantees, "ALTER DEFAULT PRIVILEGES", loc)
	if !ok {
		return
	}
	d.grantees = grantees
	if a.IsGrant && a.GrantOption {
		for _, g := range grantees {
			if g == state.Public {
				p.errs.semantic(loc, "grant options can only be granted to roles")
				return
			}
		}
	}
	p.add(d)
}

// validPrivilege reports whether privilege exists for objects of kind k.
func validPrivilege(k state.Kind, privilege string) bool {
	for _, p := range state.AllPrivileges(k) {
		if p == privilege {
			return true
		}
	}
	return false
}
