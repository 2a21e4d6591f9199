package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// set handles SET / SET LOCAL / RESET: session settings do not change the
// schema and are ignored, so pg_dump output can be adopted. The
// exceptions are default_tablespace (setDefaultTablespace) and
// search_path, which changes what unqualified names mean:
// renovate reads unqualified names as public, so a search_path that would
// put them elsewhere is rejected instead of silently misread. Another is
// default_table_access_method, which gives the tables created after it
// in the file their access method.
func (p *fileParser) set(s *pg_query.VariableSetStmt, loc Location) {
	if s.Name == "default_table_access_method" {
		// It decides the access method of the tables created after it
		// without USING (pg_dump writes it so).
		p.defaultTableAM = ""
		if s.Kind == pg_query.VariableSetKind_VAR_SET_VALUE && len(s.Args) == 1 {
			if c := s.Args[0].GetAConst(); c != nil && c.GetSval() != nil && c.GetSval().Sval != "heap" {
				p.defaultTableAM = c.GetSval().Sval
			}
		}
		return
	}
	if s.Name == "default_tablespace" {
		p.setDefaultTablespace(s, loc)
		return
	}
	if s.Name != "search_path" || s.Kind != pg_query.VariableSetKind_VAR_SET_VALUE {
		return
	}
	var path []string
	for _, a := range s.Args {
		if c := a.GetAConst(); c != nil {
			if sv := c.GetSval(); sv != nil {
				path = append(path, splitSearchPath(sv.Sval)...)
			}
		}
	}
	p.checkSearchPath(path, loc)
}

// selectStmt accepts exactly SELECT [pg_catalog.]set_config(...) (which
// pg_dump emits) and rejects every other SELECT.
func (p *fileParser) selectStmt(s *pg_query.SelectStmt, loc Location) {
	if fc := setConfigCall(s); fc != nil {
		if len(fc.Args) >= 2 {
			name := fc.Args[0].GetAConst().GetSval().GetSval()
			if name == "search_path" {
				if v := fc.Args[1].GetAConst().GetSval(); v != nil {
					p.checkSearchPath(splitSearchPath(v.Sval), loc)
				} else {
					p.errs.add(&UnsupportedError{Loc: loc, Statement: "set_config('search_path', ...)",
						Reason: "is only supported with a literal value"})
				}
			}
		}
		return
	}
	p.errs.add(&UnsupportedError{Loc: loc, Statement: "SELECT", Reason: notInSchemaFiles})
}

// setConfigCall returns the set_config call if s is nothing but "SELECT
// [pg_catalog.]set_config(...)".
func setConfigCall(s *pg_query.SelectStmt) *pg_query.FuncCall {
	if len(s.TargetList) != 1 || len(s.FromClause) > 0 || s.WhereClause != nil || s.WithClause != nil ||
		len(s.ValuesLists) > 0 || s.Op != pg_query.SetOperation_SETOP_NONE || len(s.GroupClause) > 0 ||
		s.HavingClause != nil || len(s.SortClause) > 0 || s.LimitCount != nil || s.IntoClause != nil {
		return nil
	}
	rt := s.TargetList[0].GetResTarget()
	if rt == nil || rt.Name != "" {
		return nil
	}
	fc := rt.Val.GetFuncCall()
	if fc == nil {
		return nil
	}
	names, err := stringList(fc.Funcname)
	if err != nil {
		return nil
	}
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	if len(names) != 1 || names[0] != "set_config" {
		return nil
	}
	return fc
}

// splitSearchPath splits a search_path value into its schema names.
func splitSearchPath(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.HasPrefix(part, `"`) && strings.HasSuffix(part, `"`) && len(part) >= 2 {
			part = strings.ReplaceAll(part[1:len(part)-1], `""`, `"`)
		} else {
			part = strings.ToLower(part)
		}
		out = append(out, part)
	}
	return out
}

// checkSearchPath accepts a search_path whose first schema for new objects
// is public or that has none (pg_dump's empty path, where every name is
// qualified anyway).
func (p *fileParser) checkSearchPath(path []string, loc Location) {
	for _, s := range path {
		switch s {
		case "pg_catalog", "$user", "pg_temp":
			continue
		case "public":
			return
		}
		p.errs.add(&UnsupportedError{Loc: loc, Statement: "SET search_path = " + strings.Join(path, ", "),
			Reason: "is not supported in schema files: unqualified names always mean schema public; qualify the names instead"})
		return
	}
}

// setDefaultTablespace accepts SET default_tablespace to the database's
// default (the empty string or pg_default, which pg_dump writes before objects stored
// there) and refuses any other value: it would put the relations created
// after it in that tablespace, which renovate reads from TABLESPACE
// clauses only, so ignoring it would lose the tablespace silently.
func (p *fileParser) setDefaultTablespace(s *pg_query.VariableSetStmt, loc Location) {
	if s.Kind != pg_query.VariableSetKind_VAR_SET_VALUE {
		return
	}
	for _, a := range s.Args {
		c := a.GetAConst()
		if c == nil {
			continue
		}
		v := ""
		switch {
		case c.GetSval() != nil:
			v = c.GetSval().Sval
		default:
			continue
		}
		if canonicalTablespace(v) != "" {
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "SET default_tablespace = " + quoteIdent(v),
				Reason: "is not supported in schema files: write TABLESPACE " + quoteIdent(v) + " on the CREATE TABLE, CREATE INDEX and CREATE MATERIALIZED VIEW statements (and USING INDEX TABLESPACE on constraints) instead (pg_dump --no-tablespaces leaves tablespaces out)"})
			return
		}
	}
}
