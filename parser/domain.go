package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// createDomain handles CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT
// expr] [[CONSTRAINT name] NOT NULL | NULL | CHECK (expr)] .... CHECK
// constraints without a name get PostgreSQL's default name
// (<domain>_check, numbered on a clash) during resolution; their Name is
// left empty here.
func (p *fileParser) createDomain(s *pg_query.CreateDomainStmt, loc Location) {
	name, ok := p.anyName(s.Domainname, loc)
	if !ok {
		return
	}
	t := state.Type{Schema: name.Schema, Name: name.Name, Kind: state.TypeDomain}
	base, err := formatType(s.TypeName)
	if err != nil {
		p.errs.semantic(loc, "domain %s: %v", name, err)
		return
	}
	t.BaseType = base
	if s.CollClause != nil {
		c, err := collationText(s.CollClause.Collname)
		if err != nil {
			p.errs.semantic(loc, "domain %s: %v", name, err)
			return
		}
		t.Collation = c
	}
	var nullSeen, notNullSeen, defaultSeen bool
	for _, n := range s.Constraints {
		c := n.GetConstraint()
		if c == nil {
			continue
		}
		cloc := p.locOr(c.Location, loc)
		switch c.Contype {
		case pg_query.ConstrType_CONSTR_NULL:
			if notNullSeen {
				p.errs.semantic(cloc, "domain %s: conflicting NULL/NOT NULL constraints", name)
				return
			}
			nullSeen = true
		case pg_query.ConstrType_CONSTR_NOTNULL:
			if nullSeen {
				p.errs.semantic(cloc, "domain %s: conflicting NULL/NOT NULL constraints", name)
				return
			}
			// A named NOT NULL constraint of a domain is a constraint
			// object of its own from PostgreSQL 17 on; its name is not
			// modelled, the NOT NULL property is.
			notNullSeen = true
			t.NotNull = true
		case pg_query.ConstrType_CONSTR_DEFAULT:
			if defaultSeen {
				p.errs.semantic(cloc, "domain %s: multiple default expressions", name)
				return
			}
			defaultSeen = true
			// DEFAULT NULL is kept as written; nullDefaults drops the
			// ones PostgreSQL stores no default for.
			expr, err := canonicalExpr(c.RawExpr)
			if err != nil {
				p.errs.semantic(cloc, "domain %s: default: %v", name, err)
				return
			}
			t.Default = expr
		case pg_query.ConstrType_CONSTR_CHECK:
			chk, ok := p.domainCheck(c, name, cloc)
			if !ok {
				return
			}
			// NOT VALID means nothing in CREATE DOMAIN: there are no
			// values to skip.
			chk.NotValid = false
			t.Checks = append(t.Checks, chk)
		default:
			p.errs.unsupported(cloc, "domain constraint "+constraintWords(c.Contype))
			return
		}
	}
	p.add(&typeDef{loc: loc, typ: t})
}

// domainCheck reads a CHECK constraint of a domain.
func (p *fileParser) domainCheck(c *pg_query.Constraint, domain state.QualName, loc Location) (state.Constraint, bool) {
	if c.IsNoInherit {
		p.errs.semantic(loc, "domain %s: CHECK constraints for domains cannot be marked NO INHERIT", domain)
		return state.Constraint{}, false
	}
	if c.Deferrable || c.Initdeferred {
		p.errs.semantic(loc, "domain %s: CHECK constraints cannot be marked DEFERRABLE", domain)
		return state.Constraint{}, false
	}
	expr, err := canonicalExpr(c.RawExpr)
	if err != nil {
		p.errs.semantic(loc, "domain %s: check constraint: %v", domain, err)
		return state.Constraint{}, false
	}
	return state.Constraint{
		Name:       truncateIdent(c.Conname),
		Kind:       state.ConstraintCheck,
		Definition: "CHECK (" + expr + ")",
		NotValid:   c.SkipValidation,
	}, true
}

// constraintWords names a constraint type in SQL words.
func constraintWords(t pg_query.ConstrType) string {
	switch t {
	case pg_query.ConstrType_CONSTR_PRIMARY:
		return "PRIMARY KEY"
	case pg_query.ConstrType_CONSTR_UNIQUE:
		return "UNIQUE"
	case pg_query.ConstrType_CONSTR_FOREIGN:
		return "FOREIGN KEY"
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		return "EXCLUDE"
	case pg_query.ConstrType_CONSTR_GENERATED:
		return "GENERATED"
	case pg_query.ConstrType_CONSTR_IDENTITY:
		return "GENERATED ... AS IDENTITY"
	}
	return constraintAttrWords(t)
}

// alterDomainDef is ALTER DOMAIN ... ADD CONSTRAINT: the form in which a
// NOT VALID domain constraint is written (CREATE DOMAIN validates).
type alterDomainDef struct {
	loc    Location
	domain state.QualName
	check  state.Constraint
}

// alterDomain handles ALTER DOMAIN d ADD CONSTRAINT ... CHECK (...) [NOT
// VALID]. Every other ALTER DOMAIN form changes a property CREATE DOMAIN
// declares, so files write it there.
func (p *fileParser) alterDomain(s *pg_query.AlterDomainStmt, loc Location) {
	name, ok := p.anyName(s.TypeName, loc)
	if !ok {
		return
	}
	if s.Subtype != "C" {
		what := map[string]string{
			"T": "ALTER DOMAIN ... SET/DROP DEFAULT",
			"N": "ALTER DOMAIN ... DROP NOT NULL",
			"O": "ALTER DOMAIN ... SET NOT NULL",
			"X": "ALTER DOMAIN ... DROP CONSTRAINT",
			"V": "ALTER DOMAIN ... VALIDATE CONSTRAINT",
		}[s.Subtype]
		if what == "" {
			what = "ALTER DOMAIN"
		}
		p.errs.add(&UnsupportedError{Loc: loc, Statement: what, Reason: "is not supported in schema files: declare the domain's final state in CREATE DOMAIN"})
		return
	}
	c := s.Def.GetConstraint()
	if c == nil {
		p.errs.semantic(loc, "ALTER DOMAIN %s ADD CONSTRAINT: missing constraint", name)
		return
	}
	if c.Contype != pg_query.ConstrType_CONSTR_CHECK {
		p.errs.add(&UnsupportedError{Loc: loc, Statement: "ALTER DOMAIN ... ADD " + constraintWords(c.Contype),
			Reason: "is not supported in schema files: declare the domain's final state in CREATE DOMAIN"})
		return
	}
	chk, ok := p.domainCheck(c, name, p.locOr(c.Location, loc))
	if !ok {
		return
	}
	p.add(&alterDomainDef{loc: loc, domain: name, check: chk})
}

// domainCommentDef is COMMENT ON CONSTRAINT c ON DOMAIN d.
type domainCommentDef struct {
	loc        Location
	domain     state.QualName
	constraint string
	comment    string
}

// commentOnDomainConstraint reads COMMENT ON CONSTRAINT c ON DOMAIN d.
func (p *fileParser) commentOnDomainConstraint(s *pg_query.CommentStmt, loc Location) {
	items := s.Object.GetList().GetItems()
	if len(items) != 2 || items[0].GetTypeName() == nil || items[1].GetString_() == nil {
		p.errs.semantic(loc, "improper name in COMMENT ON CONSTRAINT ... ON DOMAIN")
		return
	}
	q, ok := p.anyName(items[0].GetTypeName().Names, loc)
	if !ok {
		return
	}
	p.add(&domainCommentDef{loc: loc, domain: q, constraint: items[1].GetString_().Sval, comment: s.Comment})
}
