package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// publicationDef is CREATE PUBLICATION.
type publicationDef struct {
	loc       Location
	name      string
	allTables bool
	objects   pubObjects
	options   pubOptions
}

// alterPublicationDef is ALTER PUBLICATION ... ADD / DROP / SET objects, or
// SET (options).
type alterPublicationDef struct {
	loc     Location
	name    string
	action  pg_query.AlterPublicationAction
	objects pubObjects
	options pubOptions
}

// pubObjects are the tables and schemas of a publication statement.
type pubObjects struct {
	tables  []pubTable
	schemas []string
}

// pubTable is one table of FOR TABLE, with its column list and row filter.
type pubTable struct {
	loc   Location
	table state.QualName
	// only is ONLY: without it an inheritance parent's children are
	// published too.
	only    bool
	columns []string
	where   string // canonical expression, "" for none
}

// pubOptions are the WITH (...) options given; nil fields were not.
type pubOptions struct {
	publish []string
	viaRoot *bool
}

// createPublication handles CREATE PUBLICATION.
func (p *fileParser) createPublication(s *pg_query.CreatePublicationStmt, loc Location) {
	objs, ok := p.pubObjects(s.Pubobjects, loc)
	if !ok {
		return
	}
	opts, ok := p.pubOptions(s.Options, loc)
	if !ok {
		return
	}
	p.add(&publicationDef{loc: loc, name: s.Pubname, allTables: s.ForAllTables, objects: objs, options: opts})
}

// alterPublication handles ALTER PUBLICATION ... ADD / DROP / SET.
func (p *fileParser) alterPublication(s *pg_query.AlterPublicationStmt, loc Location) {
	if s.ForAllTables {
		p.errs.unsupported(loc, "ALTER PUBLICATION ... FOR ALL TABLES")
		return
	}
	objs, ok := p.pubObjects(s.Pubobjects, loc)
	if !ok {
		return
	}
	opts, ok := p.pubOptions(s.Options, loc)
	if !ok {
		return
	}
	p.add(&alterPublicationDef{loc: loc, name: s.Pubname, action: s.Action, objects: objs, options: opts})
}

// pubObjects reads FOR TABLE ... / TABLES IN SCHEMA ... lists.
func (p *fileParser) pubObjects(specs []*pg_query.Node, loc Location) (pubObjects, bool) {
	var out pubObjects
	for _, n := range specs {
		spec := n.GetPublicationObjSpec()
		if spec == nil {
			continue
		}
		sloc := p.locOr(spec.Location, loc)
		switch spec.Pubobjtype {
		case pg_query.PublicationObjSpecType_PUBLICATIONOBJ_TABLE:
			pt := spec.Pubtable
			if pt == nil {
				p.errs.semantic(sloc, "invalid publication table")
				return out, false
			}
			q, ok := p.relName(pt.Relation, sloc)
			if !ok {
				return out, false
			}
			t := pubTable{loc: p.locOr(pt.Relation.GetLocation(), sloc), table: q, only: !pt.Relation.Inh}
			cols, err := stringList(pt.Columns)
			if err != nil {
				p.errs.semantic(sloc, "publication table %s: %v", q, err)
				return out, false
			}
			t.columns = cols
			if pt.WhereClause != nil {
				expr, err := canonicalExpr(pt.WhereClause)
				if err != nil {
					p.errs.semantic(sloc, "publication table %s: %v", q, err)
					return out, false
				}
				t.where = expr
			}
			out.tables = append(out.tables, t)
		case pg_query.PublicationObjSpecType_PUBLICATIONOBJ_TABLES_IN_SCHEMA:
			out.schemas = append(out.schemas, spec.Name)
		case pg_query.PublicationObjSpecType_PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA:
			// Files are read with the default search path, whose first
			// existing schema is public.
			out.schemas = append(out.schemas, "public")
		default:
			p.errs.semantic(sloc, "invalid publication object")
			return out, false
		}
	}
	return out, true
}

// pubOptions reads WITH (publish = '...', publish_via_partition_root =
// ...).
func (p *fileParser) pubOptions(opts []*pg_query.Node, loc Location) (pubOptions, bool) {
	var out pubOptions
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		v, err := relOptionValue(d.Arg)
		if err != nil {
			p.errs.semantic(dloc, "publication option %s: %v", d.Defname, err)
			return out, false
		}
		switch d.Defname {
		case "publish":
			ops := []string{}
			seen := map[string]bool{}
			for _, op := range strings.Split(v, ",") {
				op = strings.ToLower(strings.TrimSpace(op))
				if op == "" {
					continue
				}
				valid := false
				for _, known := range state.PublicationOperations {
					valid = valid || op == known
				}
				if !valid {
					p.errs.semantic(dloc, "unrecognized publication parameter value %q for publish", op)
					return out, false
				}
				seen[op] = true
			}
			for _, known := range state.PublicationOperations {
				if seen[known] {
					ops = append(ops, known)
				}
			}
			out.publish = ops
		case "publish_via_partition_root":
			b, ok := boolOption(v)
			if !ok {
				p.errs.semantic(dloc, "publish_via_partition_root requires a Boolean value")
				return out, false
			}
			out.viaRoot = &b
		default:
			p.errs.unsupported(dloc, "publication option "+d.Defname)
			return out, false
		}
	}
	return out, true
}

// boolOption reads a Boolean option value as PostgreSQL's parse_bool does.
func boolOption(v string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
		return true, true
	case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0":
		return false, true
	}
	return false, false
}

// apply sets the given options on pub.
func (o pubOptions) apply(pub *state.Publication) {
	if o.publish != nil {
		pub.Publish = o.publish
	}
	if o.viaRoot != nil {
		pub.ViaRoot = *o.viaRoot
	}
}

// commentPublication handles COMMENT ON PUBLICATION.
func (p *fileParser) commentPublication(s *pg_query.CommentStmt, loc Location) {
	name := s.Object.GetString_().GetSval()
	p.add(&commentDef{loc: loc, key: state.ObjectKey{Kind: state.KindPublication, Name: name}, comment: s.Comment})
}
