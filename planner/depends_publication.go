package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// A publication references the tables it publishes and the schemas of
// FOR TABLES IN SCHEMA: CREATE PUBLICATION runs after they are created
// (and ALTER PUBLICATION ... ADD TABLE after the table), whatever else
// delays their creation (an owner change of a type a table uses, say).

// indexPublications fills the publication and table-name indexes.
func (x *refIndex) indexPublications(m state.DatabaseSchema) {
	x.pubs = map[string]state.Publication{}
	for _, p := range m.Publications {
		x.pubs[p.Name] = p
	}
	x.tableNames = map[string]depNode{}
	if len(m.Publications) == 0 {
		return
	}
	for _, t := range m.Tables {
		x.tableNames[sqlgen.QualifiedName(t.Schema, t.Name)] = nodeOf(t.Key())
	}
}

// publicationRefs lists the nodes of the tables and schemas publication
// name publishes.
func (x *refIndex) publicationRefs(name string) []depNode {
	p, ok := x.pubs[name]
	if !ok {
		return nil
	}
	var out []depNode
	for _, text := range p.Tables {
		// "public.t (a, b) WHERE (a > 0)": the name ends before the
		// column list or the row filter.
		q := text
		if i := strings.Index(q, " ("); i > 0 {
			q = q[:i]
		}
		if i := strings.Index(q, " WHERE "); i > 0 {
			q = q[:i]
		}
		if n, ok := x.tableNames[q]; ok {
			out = append(out, n)
		}
	}
	for _, s := range p.Schemas {
		out = append(out, depNode{string(state.KindSchema), "", s})
	}
	return out
}
