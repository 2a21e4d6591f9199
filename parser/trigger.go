package parser

import (
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// Trigger type bits of CreateTrigStmt's timing and events
// (catalog/pg_trigger.h).
const (
	triggerBefore   = 1 << 1
	triggerInsert   = 1 << 2
	triggerDelete   = 1 << 3
	triggerUpdate   = 1 << 4
	triggerTruncate = 1 << 5
	triggerInstead  = 1 << 6
)

// builtinTriggerFuncs are the trigger functions in pg_catalog; any other
// unqualified trigger function is in public.
var builtinTriggerFuncs = map[string]bool{
	"suppress_redundant_updates_trigger": true,
	"tsvector_update_trigger":            true,
	"tsvector_update_trigger_column":     true,
}

// triggerDef is CREATE [CONSTRAINT] TRIGGER.
type triggerDef struct {
	loc   Location
	table state.QualName
	trig  state.Trigger
}

// triggerEnableDef is ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS]
// TRIGGER name.
type triggerEnableDef struct {
	loc     Location
	table   state.QualName
	name    string
	enabled string
}

// eventTriggerDef is CREATE EVENT TRIGGER.
type eventTriggerDef struct {
	loc Location
	et  state.EventTrigger
}

// eventTriggerEnableDef is ALTER EVENT TRIGGER ... ENABLE/DISABLE.
type eventTriggerEnableDef struct {
	loc     Location
	name    string
	enabled string
}

// triggerCommentDef is COMMENT ON TRIGGER name ON table, or, with an
// empty table, COMMENT ON EVENT TRIGGER name.
type triggerCommentDef struct {
	loc     Location
	table   state.QualName
	name    string
	comment string
}

// routineCommentDef is COMMENT ON FUNCTION / PROCEDURE / ROUTINE.
type routineCommentDef struct {
	ref     routineRef
	comment string
}

// createTrigger handles CREATE [OR REPLACE] [CONSTRAINT] TRIGGER. The
// Definition is built the way pg_get_triggerdef prints it, so the catalog's
// text and what a person writes come out the same.
func (p *fileParser) createTrigger(s *pg_query.CreateTrigStmt, loc Location) {
	table, ok := p.relName(s.Relation, loc)
	if !ok {
		return
	}
	fn, ok := p.triggerFunction(s.Funcname, builtinTriggerFuncs, loc)
	if !ok {
		return
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if s.Isconstraint {
		b.WriteString("CONSTRAINT ")
	}
	b.WriteString("TRIGGER " + quoteIdent(s.Trigname) + " ")
	switch {
	case s.Timing&triggerBefore != 0:
		b.WriteString("BEFORE")
	case s.Timing&triggerInstead != 0:
		b.WriteString("INSTEAD OF")
	default:
		b.WriteString("AFTER")
	}
	var events []string
	if s.Events&triggerInsert != 0 {
		events = append(events, "INSERT")
	}
	if s.Events&triggerDelete != 0 {
		events = append(events, "DELETE")
	}
	if s.Events&triggerUpdate != 0 {
		ev := "UPDATE"
		if len(s.Columns) > 0 {
			cols, err := stringList(s.Columns)
			if err != nil {
				p.errs.semantic(loc, "trigger %s: invalid column list", s.Trigname)
				return
			}
			ev += " OF " + quoteIdentList(cols)
		}
		events = append(events, ev)
	}
	if s.Events&triggerTruncate != 0 {
		events = append(events, "TRUNCATE")
	}
	if len(events) == 0 {
		p.errs.semantic(loc, "trigger %s: no event given", s.Trigname)
		return
	}
	b.WriteString(" " + strings.Join(events, " OR ") + " ON " + quoteQualified(table.Schema, table.Name))
	if s.Isconstraint {
		if s.Constrrel != nil {
			ref, ok := p.relName(s.Constrrel, loc)
			if !ok {
				return
			}
			b.WriteString(" FROM " + quoteQualified(ref.Schema, ref.Name))
		}
		if s.Deferrable {
			b.WriteString(" DEFERRABLE")
		} else {
			b.WriteString(" NOT DEFERRABLE")
		}
		if s.Initdeferred {
			b.WriteString(" INITIALLY DEFERRED")
		} else {
			b.WriteString(" INITIALLY IMMEDIATE")
		}
	} else if s.Constrrel != nil || s.Deferrable || s.Initdeferred {
		p.errs.semantic(loc, "trigger %s: FROM and DEFERRABLE are only valid for constraint triggers", s.Trigname)
		return
	}
	if len(s.TransitionRels) > 0 {
		var oldName, newName string
		for _, n := range s.TransitionRels {
			tt := n.GetTriggerTransition()
			if tt == nil || !tt.IsTable {
				p.errs.unsupported(loc, "REFERENCING OLD/NEW ROW")
				return
			}
			if tt.IsNew {
				newName = tt.Name
			} else {
				oldName = tt.Name
			}
		}
		b.WriteString(" REFERENCING")
		if oldName != "" {
			b.WriteString(" OLD TABLE AS " + quoteIdent(oldName))
		}
		if newName != "" {
			b.WriteString(" NEW TABLE AS " + quoteIdent(newName))
		}
	}
	if s.Row {
		b.WriteString(" FOR EACH ROW")
	} else {
		b.WriteString(" FOR EACH STATEMENT")
	}
	if s.WhenClause != nil {
		expr, err := canonicalExpr(s.WhenClause)
		if err != nil {
			p.errs.semantic(loc, "trigger %s: WHEN: %v", s.Trigname, err)
			return
		}
		b.WriteString(" WHEN (" + expr + ")")
	}
	var args []string
	for _, a := range s.Args {
		v, ok := triggerArg(a)
		if !ok {
			p.errs.semantic(loc, "trigger %s: unsupported function argument", s.Trigname)
			return
		}
		args = append(args, quoteLiteral(v))
	}
	b.WriteString(" EXECUTE FUNCTION " + quoteQualified(schemaOrEmpty(fn), fn.Name) + "(" + strings.Join(args, ", ") + ")")
	p.add(&triggerDef{loc: loc, table: table, trig: state.Trigger{Name: s.Trigname, Definition: b.String(), Function: fn,
		Enabled: "origin", RenamedFrom: p.renamedFrom(loc)}})
}

// schemaOrEmpty hides pg_catalog, which PostgreSQL leaves out when it
// prints a built-in function's name.
func schemaOrEmpty(q state.QualName) string {
	if q.Schema == "pg_catalog" {
		return ""
	}
	return q.Schema
}

// triggerArg reads one trigger function argument: the grammar turns
// numbers and bare words into strings too.
func triggerArg(n *pg_query.Node) (string, bool) {
	switch v := n.GetNode().(type) {
	case *pg_query.Node_String_:
		return v.String_.Sval, true
	case *pg_query.Node_Integer:
		return strconv.Itoa(int(v.Integer.Ival)), true
	case *pg_query.Node_Float:
		return v.Float.Fval, true
	}
	return "", false
}

// triggerFunction qualifies a trigger or event trigger function's name:
// pg_catalog for the built-in ones in builtins, public for other
// unqualified names.
func (p *fileParser) triggerFunction(nodes []*pg_query.Node, builtins map[string]bool, loc Location) (state.QualName, bool) {
	names, err := stringList(nodes)
	if err != nil || len(names) == 0 || len(names) > 2 {
		p.errs.semantic(loc, "invalid function name")
		return state.QualName{}, false
	}
	if len(names) == 2 {
		return state.QualName{Schema: names[0], Name: names[1]}, true
	}
	if builtins[names[0]] {
		return state.QualName{Schema: "pg_catalog", Name: names[0]}, true
	}
	return state.QualName{Schema: "public", Name: names[0]}, true
}

// triggerEnable handles ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS]
// TRIGGER name.
func (p *fileParser) triggerEnable(cmd *pg_query.AlterTableCmd, table state.QualName, loc Location) {
	var enabled string
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_EnableTrig:
		enabled = "origin"
	case pg_query.AlterTableType_AT_DisableTrig:
		enabled = "disabled"
	case pg_query.AlterTableType_AT_EnableReplicaTrig:
		enabled = "replica"
	case pg_query.AlterTableType_AT_EnableAlwaysTrig:
		enabled = "always"
	default:
		return
	}
	p.add(&triggerEnableDef{loc: loc, table: table, name: cmd.Name, enabled: enabled})
}

// enabledWords maps pg_trigger.tgenabled / pg_event_trigger.evtenabled
// and ALTER EVENT TRIGGER's code to the model's words.
var enabledWords = map[string]string{"O": "origin", "D": "disabled", "R": "replica", "A": "always"}

// createEventTrigger handles CREATE EVENT TRIGGER.
func (p *fileParser) createEventTrigger(s *pg_query.CreateEventTrigStmt, loc Location) {
	fn, ok := p.triggerFunction(s.Funcname, nil, loc)
	if !ok {
		return
	}
	et := state.EventTrigger{Name: s.Trigname, Event: s.Eventname, Function: fn, Enabled: "origin"}
	for _, n := range s.Whenclause {
		de := n.GetDefElem()
		if de == nil || strings.ToLower(de.Defname) != "tag" {
			p.errs.semantic(loc, "event trigger %s: unrecognized filter variable", s.Trigname)
			return
		}
		tags, err := stringList(de.Arg.GetList().GetItems())
		if err != nil {
			p.errs.semantic(loc, "event trigger %s: invalid tag list", s.Trigname)
			return
		}
		for _, t := range tags {
			// PostgreSQL stores command tags in upper case.
			et.Tags = append(et.Tags, strings.ToUpper(t))
		}
	}
	p.add(&eventTriggerDef{loc: loc, et: et})
}

// alterEventTrigger handles ALTER EVENT TRIGGER ... ENABLE/DISABLE.
func (p *fileParser) alterEventTrigger(s *pg_query.AlterEventTrigStmt, loc Location) {
	enabled, ok := enabledWords[s.Tgenabled]
	if !ok {
		p.errs.unsupported(loc, "ALTER EVENT TRIGGER")
		return
	}
	p.add(&eventTriggerEnableDef{loc: loc, name: s.Trigname, enabled: enabled})
}

// routineComment handles COMMENT ON FUNCTION / PROCEDURE / ROUTINE,
// COMMENT ON TRIGGER and COMMENT ON EVENT TRIGGER.
func (p *fileParser) routineComment(s *pg_query.CommentStmt, loc Location) {
	switch s.Objtype {
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		o := s.Object.GetObjectWithArgs()
		if o == nil {
			p.errs.semantic(loc, "invalid routine name")
			return
		}
		kind := state.KindFunction
		switch s.Objtype {
		case pg_query.ObjectType_OBJECT_PROCEDURE:
			kind = state.KindProcedure
		case pg_query.ObjectType_OBJECT_ROUTINE:
			kind = ""
		}
		ref, ok := p.routineRefOf(o, kind, loc)
		if !ok {
			return
		}
		p.add(&routineCommentDef{ref: ref, comment: s.Comment})
	case pg_query.ObjectType_OBJECT_TRIGGER:
		names, err := stringList(s.Object.GetList().GetItems())
		if err != nil || len(names) < 2 || len(names) > 3 {
			p.errs.semantic(loc, "improper name in COMMENT ON TRIGGER")
			return
		}
		table, ok := p.anyName(stringNodes(names[:len(names)-1]...), loc)
		if !ok {
			return
		}
		p.add(&triggerCommentDef{loc: loc, table: table, name: names[len(names)-1], comment: s.Comment})
	case pg_query.ObjectType_OBJECT_EVENT_TRIGGER:
		p.add(&triggerCommentDef{loc: loc, name: s.Object.GetString_().GetSval(), comment: s.Comment})
	}
}
