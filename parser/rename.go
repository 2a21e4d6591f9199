package parser

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// renamedFromMarker starts a rename annotation: a comment line
//
//	-- renovate:renamed-from old_name
//
// directly before a CREATE TABLE/VIEW/FUNCTION/TYPE/DOMAIN/SCHEMA/INDEX
// statement, a column or table-constraint line inside CREATE TABLE, or an
// enum label line. It declares that the object (or label) used to be
// called old_name, so the planner renames instead of dropping and
// creating (DESIGN.md §4: renames are declared, never guessed). Once
// applied the annotation is harmless: the old name no longer exists in the
// database, and the planner then ignores it.
const renamedFromMarker = "renovate:renamed-from"

// annotation is one rename annotation of a file.
type annotation struct {
	loc Location // of the comment
	// target is the byte offset of the first token after the comment, -1
	// when none follows; targetTok is that token's kind and targetEnd its
	// end offset.
	target    int
	targetTok pg_query.Token
	targetEnd int
	// text is what follows the marker, trimmed: the old name as SQL (an
	// identifier, or a string literal for an enum label).
	text string
	used bool
}

// renameDef is an annotation no statement handler took; the resolver
// attaches it to the object defined at target, once every name is known.
type renameDef struct {
	annLoc Location
	target Location
	text   string
}

// scanAnnotations finds the file's rename annotations. It costs a scan of
// the file, so it only runs when the marker occurs at all.
func (p *fileParser) scanAnnotations() {
	if !strings.Contains(p.src, renamedFromMarker) {
		return
	}
	scan, err := pg_query.Scan(p.src)
	if err != nil {
		return // the parser reports the problem with its position
	}
	var pending []*annotation
	for _, t := range scan.Tokens {
		start, end := int(t.Start), int(t.End)
		if t.Token == pg_query.Token_SQL_COMMENT {
			body := strings.TrimSpace(strings.TrimPrefix(p.src[start:end], "--"))
			if rest, ok := strings.CutPrefix(body, renamedFromMarker); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				a := &annotation{loc: p.loc(start), target: -1, text: strings.TrimSpace(rest)}
				p.annotations = append(p.annotations, a)
				pending = append(pending, a)
			}
			continue
		}
		if t.Token == pg_query.Token_C_COMMENT {
			continue
		}
		for _, a := range pending {
			a.target, a.targetTok, a.targetEnd = start, t.Token, end
		}
		pending = nil
	}
}

// renamedFrom returns the old name declared by an annotation directly
// before the token at loc (a statement's or a column's first token), and
// marks the annotation used. The name is read as an SQL identifier:
// unquoted names fold to lower case. Statement handlers whose objects are
// named at parse time (views, functions) call it with their statement's
// location; the resolver attaches the other annotations by location.
func (p *fileParser) renamedFrom(loc Location) string {
	for _, a := range p.annotations {
		if a.used || a.target < 0 || p.loc(a.target) != loc {
			continue
		}
		a.used = true
		name, ok := p.annotationName(a)
		if !ok {
			return ""
		}
		return name
	}
	return ""
}

// annotationName reads an annotation's old name as an identifier
// (possibly schema-qualified: the schema is dropped, renames stay within a
// schema). It reports an unreadable name.
func (p *fileParser) annotationName(a *annotation) (string, bool) {
	parts, ok := splitQualifiedName(a.text)
	if !ok || a.text == "" || len(parts) > 2 {
		p.errs.semantic(a.loc, "%s needs the object's previous name, as an SQL identifier (got %q)", renamedFromMarker, a.text)
		return "", false
	}
	return parts[len(parts)-1], true
}

// enumLabelRenames maps the labels of the enum statement being parsed to
// the labels their annotations say they were renamed from. A label line
// is annotated like an object: the comment directly before the label's
// string constant; the old label is a string literal or the bare text.
func (p *fileParser) enumLabelRenames(stmt *pg_query.RawStmt, labels []string) map[string]string {
	if len(p.annotations) == 0 || stmt == nil {
		return nil
	}
	start := int(stmt.StmtLocation)
	end := len(p.src)
	if stmt.StmtLen > 0 {
		end = start + int(stmt.StmtLen)
	}
	known := map[string]bool{}
	for _, l := range labels {
		known[l] = true
	}
	var out map[string]string
	for _, a := range p.annotations {
		if a.used || a.target < start || a.target >= end || a.targetTok != pg_query.Token_SCONST {
			continue
		}
		label, ok := unquoteLiteral(p.src[a.target:a.targetEnd])
		if !ok || !known[label] {
			continue
		}
		a.used = true
		old := a.text
		if strings.HasPrefix(old, "'") || strings.HasPrefix(strings.ToUpper(old), "E'") {
			v, ok := unquoteLiteral(old)
			if !ok {
				p.errs.semantic(a.loc, "%s: cannot read the previous label %s", renamedFromMarker, old)
				continue
			}
			old = v
		}
		if old == "" {
			p.errs.semantic(a.loc, "%s needs the label's previous value", renamedFromMarker)
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[label] = old
	}
	return out
}

// unquoteLiteral reads an SQL string constant (a quoted literal, E-string
// escapes included) into its value.
func unquoteLiteral(s string) (string, bool) {
	tree, err := pg_query.Parse("SELECT " + s)
	if err != nil || len(tree.Stmts) != 1 {
		return "", false
	}
	tl := tree.Stmts[0].GetStmt().GetSelectStmt().GetTargetList()
	if len(tl) != 1 {
		return "", false
	}
	c := tl[0].GetResTarget().GetVal().GetAConst()
	if c == nil || c.GetSval() == nil {
		return "", false
	}
	return c.GetSval().Sval, true
}

// flushAnnotations turns the annotations no statement handler took into
// renameDefs for the resolver, and reports the ones that annotate
// nothing.
func (p *fileParser) flushAnnotations() {
	for _, a := range p.annotations {
		if a.used {
			continue
		}
		if a.target < 0 {
			p.errs.semantic(a.loc, "%s is not followed by anything to rename", renamedFromMarker)
			continue
		}
		a.used = true
		p.add(&renameDef{annLoc: a.loc, target: p.loc(a.target), text: a.text})
	}
}

// renameKindOrder says which object an annotation belongs to when several
// are defined at its target (a serial column and its sequence): the most
// specific first.
var renameKindOrder = []state.Kind{
	state.KindColumn, state.KindConstraint, state.KindIndex, state.KindTable,
	state.KindType, state.KindSchema,
}

// applyRenames is the resolver's last naming pass: each annotation left by
// the statement handlers is attached to the object defined right after it,
// found by location.
func (r *resolver) applyRenames(items []any) {
	var defs []*renameDef
	for _, it := range items {
		if d, ok := it.(*renameDef); ok {
			defs = append(defs, d)
		}
	}
	if len(defs) == 0 {
		return
	}
	at := map[Location][]state.ObjectKey{}
	for k, loc := range r.locs {
		at[loc] = append(at[loc], k)
	}
	for _, d := range defs {
		keys := at[d.target]
		sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
		var key *state.ObjectKey
		for _, kind := range renameKindOrder {
			for i := range keys {
				if keys[i].Kind == kind {
					key = &keys[i]
					break
				}
			}
			if key != nil {
				break
			}
		}
		if key == nil {
			r.errs.semantic(d.annLoc, "%s must come directly before a CREATE TABLE, VIEW, FUNCTION, TYPE, DOMAIN, SCHEMA or INDEX statement, a column or constraint line of CREATE TABLE, or an enum label", renamedFromMarker)
			continue
		}
		parts, ok := splitQualifiedName(d.text)
		if !ok || d.text == "" || len(parts) > 2 {
			r.errs.semantic(d.annLoc, "%s needs the object's previous name, as an SQL identifier (got %q)", renamedFromMarker, d.text)
			continue
		}
		old := parts[len(parts)-1]
		if len(parts) == 2 && key.Kind != state.KindSchema && parts[0] != key.Schema {
			r.errs.semantic(d.annLoc, "%s: %s cannot be renamed from another schema (%s); renames stay within a schema", renamedFromMarker, *key, parts[0])
			continue
		}
		if !r.setRenamedFrom(*key, old) {
			r.errs.semantic(d.annLoc, "%s: renaming %s is not supported", renamedFromMarker, *key)
		}
	}
}

// setRenamedFrom records the declared previous name of the object key.
func (r *resolver) setRenamedFrom(key state.ObjectKey, old string) bool {
	q := state.QualName{Schema: key.Schema, Name: key.Name}
	switch key.Kind {
	case state.KindSchema:
		if s := r.schemas[key.Name]; s != nil {
			s.RenamedFrom = old
			return true
		}
	case state.KindType:
		if t := r.types[q]; t != nil {
			t.RenamedFrom = old
			return true
		}
	case state.KindTable:
		if te := r.tables[q]; te != nil {
			te.t.RenamedFrom = old
			return true
		}
	case state.KindColumn, state.KindConstraint, state.KindIndex:
		te := r.tables[state.QualName{Schema: key.Schema, Name: key.Table}]
		if te == nil {
			return false
		}
		switch key.Kind {
		case state.KindColumn:
			for i := range te.t.Columns {
				if te.t.Columns[i].Name == key.Name {
					te.t.Columns[i].RenamedFrom = old
					return true
				}
			}
		case state.KindConstraint:
			for i := range te.t.Constraints {
				if te.t.Constraints[i].Name == key.Name {
					te.t.Constraints[i].RenamedFrom = old
					return true
				}
			}
		case state.KindIndex:
			for i := range te.t.Indexes {
				if te.t.Indexes[i].Name == key.Name {
					te.t.Indexes[i].RenamedFrom = old
					return true
				}
			}
		}
	}
	return false
}
