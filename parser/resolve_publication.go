package parser

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// pubEntry is a publication being resolved: its tables by name, each with
// its canonical entry text.
type pubEntry struct {
	pub     state.Publication
	tables  map[state.QualName]string
	schemas map[string]bool
}

// publications is the pass that defines publications and applies ALTER
// PUBLICATION in statement order, once tables and their columns are
// known.
func (r *resolver) publications(items []any) {
	for _, it := range items {
		switch d := it.(type) {
		case *publicationDef:
			key := state.ObjectKey{Kind: state.KindPublication, Name: d.name}
			if !r.define(key, d.loc) {
				continue
			}
			e := &pubEntry{
				pub:     state.Publication{Name: d.name, AllTables: d.allTables, Publish: state.PublicationOperations},
				tables:  map[state.QualName]string{},
				schemas: map[string]bool{},
			}
			d.options.apply(&e.pub)
			if r.pubs == nil {
				r.pubs = map[string]*pubEntry{}
			}
			r.pubs[d.name] = e
			r.addPubObjects(e, d.objects)
		case *alterPublicationDef:
			e := r.pubs[d.name]
			if e == nil {
				r.errs.semantic(d.loc, "ALTER PUBLICATION: publication %s is defined nowhere", d.name)
				continue
			}
			d.options.apply(&e.pub)
			if len(d.objects.tables) == 0 && len(d.objects.schemas) == 0 && d.action != pg_query.AlterPublicationAction_AP_SetObjects {
				continue
			}
			if e.pub.AllTables {
				r.errs.semantic(d.loc, "publication %s is defined as FOR ALL TABLES: tables cannot be added to or dropped from it", d.name)
				continue
			}
			switch d.action {
			case pg_query.AlterPublicationAction_AP_AddObjects:
				r.addPubObjects(e, d.objects)
			case pg_query.AlterPublicationAction_AP_SetObjects:
				e.tables, e.schemas = map[state.QualName]string{}, map[string]bool{}
				r.addPubObjects(e, d.objects)
			case pg_query.AlterPublicationAction_AP_DropObjects:
				for _, t := range d.objects.tables {
					if _, ok := e.tables[t.table]; !ok {
						r.errs.semantic(t.loc, "relation %s is not part of the publication %s", t.table, d.name)
					}
					if t.where != "" || len(t.columns) > 0 {
						r.errs.semantic(t.loc, "ALTER PUBLICATION ... DROP TABLE takes no column list or WHERE clause")
					}
					delete(e.tables, t.table)
					if !t.only {
						for _, c := range r.inheritanceChildren(t.table) {
							delete(e.tables, c)
						}
					}
				}
				for _, s := range d.objects.schemas {
					if !e.schemas[s] {
						r.errs.semantic(d.loc, "tables from schema %s are not part of the publication %s", s, d.name)
					}
					delete(e.schemas, s)
				}
			}
		}
	}
}

// addPubObjects adds tables and schemas to a publication.
func (r *resolver) addPubObjects(e *pubEntry, objs pubObjects) {
	if e.pub.AllTables && (len(objs.tables) > 0 || len(objs.schemas) > 0) {
		r.errs.semantic(r.locs[e.pub.Key()], "publication %s: FOR ALL TABLES cannot list tables or schemas", e.pub.Name)
		return
	}
	for _, s := range objs.schemas {
		if _, ok := r.schemas[s]; !ok {
			r.errs.semantic(r.locs[e.pub.Key()], "publication %s: schema %s is defined nowhere", e.pub.Name, s)
			continue
		}
		e.schemas[s] = true
	}
	for _, t := range objs.tables {
		te := r.tables[t.table]
		if te == nil {
			r.errs.semantic(t.loc, "publication %s: table %s is defined nowhere", e.pub.Name, t.table)
			continue
		}
		targets := []state.QualName{t.table}
		// Without ONLY an inheritance parent's children are published too
		// (a partitioned table's partitions are published through it).
		if !t.only && te.t.PartitionBy == "" {
			targets = append(targets, r.inheritanceChildren(t.table)...)
		}
		for _, q := range targets {
			text, ok := r.pubTableText(e.pub.Name, t, r.tables[q])
			if !ok {
				break
			}
			if _, dup := e.tables[q]; dup {
				r.errs.semantic(t.loc, "relation %s is already member of publication %s", q, e.pub.Name)
				break
			}
			e.tables[q] = text
		}
	}
}

// inheritanceChildren returns the inheritance descendants of q (not
// partitions), sorted.
func (r *resolver) inheritanceChildren(q state.QualName) []state.QualName {
	var out []state.QualName
	for cq, te := range r.tables {
		if containsQualName(te.t.Inherits, q) {
			out = append(out, cq)
			out = append(out, r.inheritanceChildren(cq)...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}

func containsQualName(list []state.QualName, q state.QualName) bool {
	for _, x := range list {
		if x == q {
			return true
		}
	}
	return false
}

// pubTableText prints a publication's table entry as the model holds it:
// the table, its column list in the table's column order (as PostgreSQL
// stores it) and its row filter.
func (r *resolver) pubTableText(pub string, t pubTable, te *tableEntry) (string, bool) {
	var b strings.Builder
	b.WriteString(quoteQualified(te.t.Schema, te.t.Name))
	if len(t.columns) > 0 {
		pos := map[string]int{}
		for i, c := range te.t.Columns {
			pos[c.Name] = i
		}
		cols := append([]string(nil), t.columns...)
		seen := map[string]bool{}
		for _, c := range cols {
			if _, ok := pos[c]; !ok {
				r.errs.semantic(t.loc, "publication %s: column %s of relation %s does not exist", pub, c, te.t.QualName())
				return "", false
			}
			if seen[c] {
				r.errs.semantic(t.loc, "publication %s: duplicate column %s in publication column list", pub, c)
				return "", false
			}
			seen[c] = true
		}
		sort.Slice(cols, func(i, j int) bool { return pos[cols[i]] < pos[cols[j]] })
		b.WriteString(" (" + quoteIdentList(cols) + ")")
	}
	if t.where != "" {
		b.WriteString(" WHERE (" + t.where + ")")
	}
	return b.String(), true
}

// publicationCommentTarget finds the Comment a COMMENT ON PUBLICATION sets.
func (r *resolver) publicationCommentTarget(d *commentDef) (*string, bool) {
	if d.key.Kind != state.KindPublication {
		return nil, false
	}
	e := r.pubs[d.key.Name]
	if e == nil {
		r.errs.semantic(d.loc, "COMMENT ON PUBLICATION: %s is defined nowhere", d.key.Name)
		return nil, true
	}
	return &e.pub.Comment, true
}

// publicationResults returns the resolved publications.
func (r *resolver) publicationResults() []state.Publication {
	var out []state.Publication
	for _, e := range r.pubs {
		p := e.pub
		p.Publish = append([]string{}, p.Publish...)
		p.Tables = nil
		for _, text := range e.tables {
			p.Tables = append(p.Tables, text)
		}
		p.Schemas = nil
		for s := range e.schemas {
			p.Schemas = append(p.Schemas, s)
		}
		out = append(out, p)
	}
	return out
}
