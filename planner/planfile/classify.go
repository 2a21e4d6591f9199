package planfile

import (
	"encoding/json"
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// Options tell the reader what renovate.hcl knows about the plan's
// database.
type Options struct {
	// DataTables are the tables of renovate.hcl's data blocks. renovate
	// writes INSERT, UPDATE and DELETE statements for their rows, so those
	// are data steps; the same statements on any other table were written
	// by hand.
	DataTables []state.QualName
}

// Classify parses one statement and returns its action and the hazards
// its SQL implies on its own, with no data tables known (Options.classify).
func Classify(sql string) (planner.Action, []planner.Hazard, error) {
	return Options{}.classify(sql, nil)
}

// addedColumns are the columns a plan adds, by table ("schema.table"),
// in the statements read so far: an UPDATE that sets only those fills in
// the values of a data migration (planner.PlaceholderMarker) and
// overwrites nothing that existed before the plan.
type addedColumns map[string]map[string]bool

func (a addedColumns) note(n *pg_query.Node) {
	if a == nil {
		return
	}
	add := func(r *pg_query.RangeVar, col string) {
		k := qualified(r)
		if a[k] == nil {
			a[k] = map[string]bool{}
		}
		a[k][col] = true
	}
	if at := n.GetAlterTableStmt(); at != nil && at.Objtype == pg_query.ObjectType_OBJECT_TABLE {
		for _, c := range at.Cmds {
			if cmd := c.GetAlterTableCmd(); cmd != nil && cmd.Subtype == pg_query.AlterTableType_AT_AddColumn {
				if cd := cmd.Def.GetColumnDef(); cd != nil {
					add(at.Relation, cd.Colname)
				}
			}
		}
	}
	if ct := n.GetCreateStmt(); ct != nil {
		for _, e := range ct.TableElts {
			if cd := e.GetColumnDef(); cd != nil {
				add(ct.Relation, cd.Colname)
			}
		}
	}
}

// fills reports whether an UPDATE sets only columns the plan added.
func (a addedColumns) fills(u *pg_query.UpdateStmt) bool {
	cols := a[qualified(u.Relation)]
	if len(cols) == 0 || len(u.TargetList) == 0 {
		return false
	}
	for _, t := range u.TargetList {
		rt := t.GetResTarget()
		if rt == nil || !cols[rt.Name] {
			return false
		}
	}
	return true
}

func qualified(r *pg_query.RangeVar) string {
	if r == nil {
		return ""
	}
	schema := r.Schemaname
	if schema == "" {
		schema = "public"
	}
	return schema + "." + r.Relname
}

// classify parses one statement and returns its action and the hazards
// its SQL implies on its own, whatever its comments say:
//
//   - dropping tables, columns, sequences, types, schemas, extensions or
//     materialized views, anything dropped with CASCADE, deleting or
//     truncating rows, and UPDATEs (or upserts) written by hand destroy
//     data (planner.HazardDeletesData), except an UPDATE that sets only
//     columns added earlier in the plan (a data migration filled in);
//   - turning row level security off, dropping or changing a policy,
//     revoking, dropping or disabling a trigger weaken access control
//     (planner.HazardSecurity);
//   - a statement that is not one of the schema statements renovate
//     writes nor a row change of a data table (a DO block, CALL, SELECT of
//     a function, COPY, roles, ALTER SYSTEM, UPDATE/DELETE/TRUNCATE of
//     another table, ...) cannot be attributed to any planned step and is
//     planner.HazardUnclassified, which apply refuses unless allowed.
func (o Options) classify(sql string, added addedColumns) (planner.Action, []planner.Hazard, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return "", nil, fmt.Errorf("parsing statement: %w", err)
	}
	if len(tree.Stmts) != 1 {
		return "", nil, fmt.Errorf("expected one statement, found %d", len(tree.Stmts))
	}
	loss := func(what string) planner.Hazard { return planner.NewHazard(planner.HandWrittenDataChange, what) }
	unclassified := func(what string) planner.Hazard { return planner.NewHazard(planner.UnclassifiedStatement, what) }
	n := tree.Stmts[0].Stmt
	added.note(n)
	head := strings.TrimSpace(firstWords(sql, 2))
	switch {
	case n.GetTransactionStmt() != nil:
		return "", nil, fmt.Errorf("transaction control (%s) is not allowed in a plan: apply runs the plan in its own transaction", strings.TrimSpace(firstWords(sql, 1)))
	case n.GetDropStmt() != nil:
		return planner.ActionDrop, dropHazards(n.GetDropStmt(), head), nil
	case n.GetAlterTableStmt() != nil:
		return planner.ActionAlter, alterTableHazards(n.GetAlterTableStmt()), nil
	case n.GetDeleteStmt() != nil:
		if o.isDataTable(n.GetDeleteStmt().Relation) {
			return planner.ActionDelete, []planner.Hazard{loss("DELETE")}, nil
		}
		return planner.ActionDelete, []planner.Hazard{loss("DELETE of " + relName(n.GetDeleteStmt().Relation)), unclassified("DELETE of " + relName(n.GetDeleteStmt().Relation))}, nil
	case n.GetTruncateStmt() != nil:
		return planner.ActionDelete, []planner.Hazard{loss("TRUNCATE"), unclassified("TRUNCATE")}, nil
	case n.GetUpdateStmt() != nil:
		if o.isDataTable(n.GetUpdateStmt().Relation) || added.fills(n.GetUpdateStmt()) {
			return planner.ActionUpdate, nil, nil
		}
		what := "UPDATE of " + relName(n.GetUpdateStmt().Relation)
		return planner.ActionUpdate, []planner.Hazard{loss(what), unclassified(what)}, nil
	case n.GetInsertStmt() != nil:
		ins := n.GetInsertStmt()
		if o.isDataTable(ins.Relation) {
			return planner.ActionInsert, nil, nil
		}
		what := "INSERT into " + relName(ins.Relation)
		if oc := ins.OnConflictClause; oc != nil && oc.Action == pg_query.OnConflictAction_ONCONFLICT_UPDATE {
			return planner.ActionInsert, []planner.Hazard{loss(what + " ... ON CONFLICT DO UPDATE"), unclassified(what)}, nil
		}
		return planner.ActionInsert, []planner.Hazard{unclassified(what)}, nil
	case n.GetGrantStmt() != nil:
		if !n.GetGrantStmt().IsGrant {
			return planner.ActionAlter, []planner.Hazard{planner.NewHazard(planner.RevokesPrivileges, sql)}, nil
		}
		return planner.ActionAlter, nil, nil
	case n.GetAlterDefaultPrivilegesStmt() != nil:
		if a := n.GetAlterDefaultPrivilegesStmt().Action; a != nil && !a.IsGrant {
			return planner.ActionAlter, []planner.Hazard{planner.NewHazard(planner.RevokesPrivileges, sql)}, nil
		}
		return planner.ActionAlter, nil, nil
	case n.GetAlterPolicyStmt() != nil:
		ap := n.GetAlterPolicyStmt()
		return planner.ActionAlter, []planner.Hazard{planner.NewHazard(planner.ChangesPolicy, ap.PolicyName, relName(ap.Table))}, nil
	case n.GetAlterEventTrigStmt() != nil:
		if e := n.GetAlterEventTrigStmt(); e.Tgenabled == "D" || e.Tgenabled == "R" {
			return planner.ActionAlter, []planner.Hazard{planner.NewHazard(planner.DisablesEventTrigger, e.Trigname)}, nil
		}
		return planner.ActionAlter, nil, nil
	case n.GetSelectStmt() != nil:
		if fn := selectedFunction(n.GetSelectStmt()); fn == "setval" && callsOnly(sql, sequenceMoveFunctions) ||
			fn == "set_config" && setsKnownSetting(n.GetSelectStmt()) && callsOnly(sql, map[string]bool{"set_config": true}) {
			return planner.ActionAlter, nil, nil
		}
		return planner.ActionAlter, []planner.Hazard{unclassified("SELECT")}, nil
	case n.GetVariableSetStmt() != nil:
		if knownSettings[strings.ToLower(n.GetVariableSetStmt().Name)] {
			return planner.ActionAlter, nil, nil
		}
		return planner.ActionAlter, []planner.Hazard{unclassified(head)}, nil
	case n.GetVariableShowStmt() != nil:
		return planner.ActionAlter, nil, nil
	case n.GetCreateStmt() != nil, n.GetIndexStmt() != nil, n.GetCreateSeqStmt() != nil, n.GetCreateEnumStmt() != nil,
		n.GetCreateSchemaStmt() != nil, n.GetCreateExtensionStmt() != nil, n.GetCreateDomainStmt() != nil,
		n.GetCompositeTypeStmt() != nil, n.GetCreateRangeStmt() != nil, n.GetDefineStmt() != nil, n.GetViewStmt() != nil,
		n.GetCreateTableAsStmt() != nil, n.GetCreateFunctionStmt() != nil, n.GetCreateTrigStmt() != nil,
		n.GetCreateEventTrigStmt() != nil, n.GetCreatePolicyStmt() != nil, n.GetCreateStatsStmt() != nil,
		n.GetCreatePublicationStmt() != nil, n.GetCreateForeignTableStmt() != nil, n.GetCreateCastStmt() != nil,
		n.GetCreateFdwStmt() != nil, n.GetCreateForeignServerStmt() != nil, n.GetCreateUserMappingStmt() != nil,
		n.GetRuleStmt() != nil, n.GetCreateOpClassStmt() != nil, n.GetCreateOpFamilyStmt() != nil,
		n.GetCreateConversionStmt() != nil, n.GetCreateAmStmt() != nil,
		n.GetCreatePlangStmt() != nil, n.GetCreateTransformStmt() != nil:
		return planner.ActionCreate, nil, nil
	case n.GetCreateSubscriptionStmt() != nil:
		return planner.ActionCreate, []planner.Hazard{planner.NewHazard(planner.SubscriptionStatement, "CREATE SUBSCRIPTION")}, nil
	case n.GetDropSubscriptionStmt() != nil:
		return planner.ActionDrop, []planner.Hazard{planner.NewHazard(planner.SubscriptionStatement, "DROP SUBSCRIPTION")}, nil
	case n.GetAlterSubscriptionStmt() != nil:
		switch n.GetAlterSubscriptionStmt().Kind {
		case pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_REFRESH, pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_SET_PUBLICATION,
			pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_ADD_PUBLICATION, pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_DROP_PUBLICATION:
			return planner.ActionAlter, []planner.Hazard{planner.NewHazard(planner.SubscriptionStatement, "ALTER SUBSCRIPTION ... PUBLICATION")}, nil
		}
		return planner.ActionAlter, nil, nil
	case n.GetDropUserMappingStmt() != nil:
		return planner.ActionDrop, nil, nil
	case n.GetAlterFdwStmt() != nil, n.GetAlterForeignServerStmt() != nil, n.GetAlterUserMappingStmt() != nil:
		return planner.ActionAlter, nil, nil
	case n.GetAlterSeqStmt() != nil, n.GetAlterEnumStmt() != nil, n.GetAlterDomainStmt() != nil, n.GetAlterExtensionStmt() != nil,
		n.GetAlterFunctionStmt() != nil, n.GetAlterTypeStmt() != nil, n.GetAlterStatsStmt() != nil, n.GetAlterPublicationStmt() != nil,
		n.GetAlterCollationStmt() != nil, n.GetReplicaIdentityStmt() != nil, n.GetRenameStmt() != nil,
		n.GetAlterObjectSchemaStmt() != nil, n.GetAlterOwnerStmt() != nil, n.GetCommentStmt() != nil,
		n.GetRefreshMatViewStmt() != nil, n.GetAlterTsconfigurationStmt() != nil, n.GetAlterTsdictionaryStmt() != nil,
		n.GetAlterOperatorStmt() != nil, n.GetAlterOpFamilyStmt() != nil:
		return planner.ActionAlter, nil, nil
	}
	return planner.ActionAlter, []planner.Hazard{unclassified(head)}, nil
}

// dropHazards classifies a DROP: what holds data, what guards access,
// and anything dropped with CASCADE (which takes unnamed dependents with
// it; renovate never writes CASCADE).
func dropHazards(d *pg_query.DropStmt, head string) []planner.Hazard {
	var hz []planner.Hazard
	switch d.RemoveType {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_TYPE,
		pg_query.ObjectType_OBJECT_SCHEMA, pg_query.ObjectType_OBJECT_EXTENSION, pg_query.ObjectType_OBJECT_MATVIEW:
		hz = append(hz, planner.NewHazard(planner.StatementDeletesData, head))
	case pg_query.ObjectType_OBJECT_POLICY:
		obj, table := droppedMember(d)
		hz = append(hz, planner.NewHazard(planner.DropsPolicy, obj, table))
	case pg_query.ObjectType_OBJECT_TRIGGER:
		obj, table := droppedMember(d)
		hz = append(hz, planner.NewHazard(planner.DropsTrigger, obj, table))
	case pg_query.ObjectType_OBJECT_EVENT_TRIGGER:
		hz = append(hz, planner.NewHazard(planner.DropsEventTrigger, droppedName(d)))
	}
	if d.Behavior == pg_query.DropBehavior_DROP_CASCADE && (len(hz) == 0 || hz[0].Kind != planner.HazardDeletesData) {
		hz = append(hz, planner.NewHazard(planner.HandWrittenDataChange, head+" ... CASCADE (drops whatever depends on it)"))
	}
	return hz
}

// droppedMember names the policy or trigger of DROP POLICY/TRIGGER name
// ON table: the object list is [schema, table, name] or [table, name].
func droppedMember(d *pg_query.DropStmt) (name, table string) {
	if len(d.Objects) == 0 || d.Objects[0].GetList() == nil {
		return "?", ""
	}
	parts := stringsOf(d.Objects[0].GetList().Items)
	if len(parts) == 0 {
		return "?", ""
	}
	return parts[len(parts)-1], strings.Join(parts[:len(parts)-1], ".")
}

func droppedName(d *pg_query.DropStmt) string {
	if len(d.Objects) == 0 {
		return "?"
	}
	if s := d.Objects[0].GetString_(); s != nil {
		return s.Sval
	}
	if l := d.Objects[0].GetList(); l != nil {
		return strings.Join(stringsOf(l.Items), ".")
	}
	return "?"
}

func stringsOf(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		if s := n.GetString_(); s != nil {
			out = append(out, s.Sval)
		}
	}
	return out
}

// alterTableHazards classifies the commands of ALTER TABLE (and ALTER
// TYPE ... DROP ATTRIBUTE, which parses as one).
func alterTableHazards(a *pg_query.AlterTableStmt) []planner.Hazard {
	var hz []planner.Hazard
	table := relName(a.Relation)
	add := func(h planner.Hazard) {
		for _, x := range hz {
			if x.Kind == h.Kind {
				return
			}
		}
		hz = append(hz, h)
	}
	for _, c := range a.Cmds {
		cmd := c.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		switch cmd.Subtype {
		case pg_query.AlterTableType_AT_DropColumn:
			add(planner.NewHazard(planner.StatementDeletesData, "DROP COLUMN "+cmd.Name))
		case pg_query.AlterTableType_AT_DisableRowSecurity:
			add(planner.NewHazard(planner.DisablesRowSecurity, table))
		case pg_query.AlterTableType_AT_NoForceRowSecurity:
			add(planner.NewHazard(planner.StopsForcingRowSecurity, table))
		case pg_query.AlterTableType_AT_DisableTrig, pg_query.AlterTableType_AT_DisableTrigAll,
			pg_query.AlterTableType_AT_DisableTrigUser, pg_query.AlterTableType_AT_EnableReplicaTrig:
			name := cmd.Name
			if name == "" {
				name = "(all)"
			}
			add(planner.NewHazard(planner.DisablesTrigger, name, table))
		}
	}
	return hz
}

func (o Options) isDataTable(r *pg_query.RangeVar) bool {
	if r == nil {
		return false
	}
	schema := r.Schemaname
	if schema == "" {
		schema = "public"
	}
	for _, q := range o.DataTables {
		if q.Schema == schema && q.Name == r.Relname {
			return true
		}
	}
	return false
}

func relName(r *pg_query.RangeVar) string {
	if r == nil {
		return "?"
	}
	if r.Schemaname != "" {
		return r.Schemaname + "." + r.Relname
	}
	return r.Relname
}

// selectedFunction returns the name of the function a SELECT calls when
// its only output is one function call (SELECT setval(...) FROM ...),
// else "".
func selectedFunction(s *pg_query.SelectStmt) string {
	if len(s.TargetList) != 1 || s.WithClause != nil || s.Op > pg_query.SetOperation_SETOP_NONE {
		return ""
	}
	rt := s.TargetList[0].GetResTarget()
	if rt == nil || rt.Val.GetFuncCall() == nil {
		return ""
	}
	names := stringsOf(rt.Val.GetFuncCall().Funcname)
	switch {
	case len(names) == 1, len(names) == 2 && names[0] == "pg_catalog":
		return names[len(names)-1]
	}
	return ""
}

// sequenceMoveFunctions are the functions of the statement moving a data
// table's sequence past its ids (rows.Shape.SequenceSQL).
var sequenceMoveFunctions = map[string]bool{"setval": true, "pg_get_serial_sequence": true, "max": true, "pg_sequence_last_value": true}

// callsOnly reports whether every function the statement calls, anywhere
// in it, is one of allowed (by name, in any schema).
func callsOnly(sql string, allowed map[string]bool) bool {
	js, err := pg_query.ParseToJSON(sql)
	if err != nil {
		return false
	}
	var tree any
	if err := json.Unmarshal([]byte(js), &tree); err != nil {
		return false
	}
	ok := true
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if fc, found := x["FuncCall"].(map[string]any); found {
				names, _ := fc["funcname"].([]any)
				if len(names) == 0 {
					ok = false
				} else if last, _ := names[len(names)-1].(map[string]any); last != nil {
					str, _ := last["String"].(map[string]any)
					name, _ := str["sval"].(string)
					if !allowed[name] {
						ok = false
					}
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(tree)
	return ok
}

// setsKnownSetting reports whether SELECT set_config('name', ...) sets
// one of knownSettings (as pg_dump's header does for search_path).
func setsKnownSetting(s *pg_query.SelectStmt) bool {
	args := s.TargetList[0].GetResTarget().Val.GetFuncCall().Args
	if len(args) == 0 || args[0].GetAConst() == nil || args[0].GetAConst().GetSval() == nil {
		return false
	}
	return knownSettings[strings.ToLower(args[0].GetAConst().GetSval().Sval)]
}

// knownSettings are the session settings a plan may set: how the
// statements are read and how long they may wait. Others
// (session_replication_role, which turns triggers off, say) are
// unclassified.
var knownSettings = map[string]bool{
	"standard_conforming_strings": true, "check_function_bodies": true, "client_encoding": true,
	"search_path": true, "lock_timeout": true, "statement_timeout": true, "client_min_messages": true,
	"idle_in_transaction_session_timeout": true, "xmloption": true, "row_security": true,
	"default_tablespace": true, "default_table_access_method": true, "escape_string_warning": true,
}
