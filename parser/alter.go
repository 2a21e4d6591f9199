package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// alterTableWords names ALTER TABLE sub-commands whose Go names do not
// read as SQL.
var alterTableWords = map[pg_query.AlterTableType]string{
	pg_query.AlterTableType_AT_ColumnDefault:           "ALTER COLUMN ... DROP DEFAULT",
	pg_query.AlterTableType_AT_DropNotNull:             "ALTER COLUMN ... DROP NOT NULL",
	pg_query.AlterTableType_AT_DropExpression:          "ALTER COLUMN ... DROP EXPRESSION",
	pg_query.AlterTableType_AT_SetStatistics:           "ALTER COLUMN ... SET STATISTICS",
	pg_query.AlterTableType_AT_SetOptions:              "ALTER COLUMN ... SET (...)",
	pg_query.AlterTableType_AT_ResetOptions:            "ALTER COLUMN ... RESET (...)",
	pg_query.AlterTableType_AT_SetStorage:              "ALTER COLUMN ... SET STORAGE",
	pg_query.AlterTableType_AT_SetCompression:          "ALTER COLUMN ... SET COMPRESSION",
	pg_query.AlterTableType_AT_AlterColumnType:         "ALTER COLUMN ... TYPE",
	pg_query.AlterTableType_AT_SetIdentity:             "ALTER COLUMN ... SET identity option",
	pg_query.AlterTableType_AT_DropIdentity:            "ALTER COLUMN ... DROP IDENTITY",
	pg_query.AlterTableType_AT_AddIndexConstraint:      "ADD CONSTRAINT ... USING INDEX",
	pg_query.AlterTableType_AT_SetRelOptions:           "SET (storage parameters)",
	pg_query.AlterTableType_AT_ResetRelOptions:         "RESET (storage parameters)",
	pg_query.AlterTableType_AT_SetUnLogged:             "SET UNLOGGED",
	pg_query.AlterTableType_AT_DropOids:                "SET WITHOUT OIDS",
	pg_query.AlterTableType_AT_EnableTrig:              "ENABLE TRIGGER",
	pg_query.AlterTableType_AT_EnableAlwaysTrig:        "ENABLE ALWAYS TRIGGER",
	pg_query.AlterTableType_AT_EnableReplicaTrig:       "ENABLE REPLICA TRIGGER",
	pg_query.AlterTableType_AT_DisableTrig:             "DISABLE TRIGGER",
	pg_query.AlterTableType_AT_EnableTrigAll:           "ENABLE TRIGGER ALL",
	pg_query.AlterTableType_AT_DisableTrigAll:          "DISABLE TRIGGER ALL",
	pg_query.AlterTableType_AT_EnableTrigUser:          "ENABLE TRIGGER USER",
	pg_query.AlterTableType_AT_DisableTrigUser:         "DISABLE TRIGGER USER",
	pg_query.AlterTableType_AT_AddInherit:              "INHERIT",
	pg_query.AlterTableType_AT_DropInherit:             "NO INHERIT",
	pg_query.AlterTableType_AT_AddOf:                   "OF",
	pg_query.AlterTableType_AT_DropOf:                  "NOT OF",
	pg_query.AlterTableType_AT_GenericOptions:          "OPTIONS (...)",
	pg_query.AlterTableType_AT_DetachPartitionFinalize: "DETACH PARTITION ... FINALIZE",
}

// alterCmdWords names an ALTER TABLE sub-command in SQL words.
func alterCmdWords(t pg_query.AlterTableType) string {
	if w, ok := alterTableWords[t]; ok {
		return w
	}
	return camelWords(strings.TrimPrefix(t.String(), "AT_"))
}

// alterTable handles ALTER TABLE [IF EXISTS] [ONLY] t with ADD [COLUMN],
// ADD CONSTRAINT (NOT VALID kept), ALTER COLUMN SET DEFAULT / SET NOT NULL /
// ADD GENERATED ... AS IDENTITY, and OWNER TO, recorded beside the model
// (owner.go), as is ALTER SEQUENCE/INDEX/FOREIGN TABLE ... OWNER TO
// (which PostgreSQL parses as ALTER TABLE; an index's is left out).
func (p *fileParser) alterTable(s *pg_query.AlterTableStmt, loc Location) {
	kind := "ALTER " + objectTypeWords(s.Objtype)
	if s.Objtype == pg_query.ObjectType_OBJECT_INDEX && (p.alterIndexAttach(s, loc) || p.alterIndexSettings(s, loc)) {
		return
	}
	if s.Objtype == pg_query.ObjectType_OBJECT_VIEW {
		p.alterView(s, loc)
		return
	}
	if s.Objtype == pg_query.ObjectType_OBJECT_MATVIEW && p.alterMatviewSettings(s, loc) {
		return
	}
	if s.Objtype != pg_query.ObjectType_OBJECT_TABLE {
		for _, n := range s.Cmds {
			cmd := n.GetAlterTableCmd()
			if cmd == nil || cmd.Subtype != pg_query.AlterTableType_AT_ChangeOwner {
				p.errs.unsupported(loc, kind)
				return
			}
		}
		if q, ok := p.relName(s.Relation, loc); ok {
			for _, n := range s.Cmds {
				p.relationOwner(q, n.GetAlterTableCmd(), loc)
			}
		}
		return
	}
	table, ok := p.relName(s.Relation, loc)
	if !ok {
		return
	}
	def := &alterTableDef{loc: loc, table: table}
	settings := &relSettingsDef{loc: loc, rel: table, missingOK: s.MissingOk}
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		if settingSubtype(cmd.Subtype) {
			c, ok := p.settingCommand(cmd, loc)
			if !ok {
				return
			}
			settings.cmds = append(settings.cmds, c)
			continue
		}
		c, ok := p.alterTableCmd(cmd, table, loc)
		if !ok {
			return
		}
		if c != nil {
			def.cmds = append(def.cmds, *c)
		}
	}
	if len(def.cmds) > 0 {
		def.missingOK = s.MissingOk
		p.add(def)
	}
	if len(settings.cmds) > 0 {
		p.add(settings)
	}
}

// alterTableCmd reads one sub-command; (nil, true) means "ignored".
func (p *fileParser) alterTableCmd(cmd *pg_query.AlterTableCmd, table state.QualName, loc Location) (*alterCmd, bool) {
	unsupported := func() (*alterCmd, bool) {
		p.errs.add(&UnsupportedError{Loc: loc, Statement: "ALTER TABLE ... " + alterCmdWords(cmd.Subtype),
			Reason: "is not supported in schema files"})
		return nil, false
	}
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_ChangeOwner:
		p.relationOwner(table, cmd, loc)
		return nil, true
	case pg_query.AlterTableType_AT_EnableTrig, pg_query.AlterTableType_AT_DisableTrig,
		pg_query.AlterTableType_AT_EnableReplicaTrig, pg_query.AlterTableType_AT_EnableAlwaysTrig:
		p.triggerEnable(cmd, table, loc)
		return nil, true
	case pg_query.AlterTableType_AT_EnableRule, pg_query.AlterTableType_AT_DisableRule,
		pg_query.AlterTableType_AT_EnableReplicaRule, pg_query.AlterTableType_AT_EnableAlwaysRule:
		p.ruleEnable(cmd, table, loc)
		return nil, true
	case pg_query.AlterTableType_AT_AddColumn:
		cd := cmd.Def.GetColumnDef()
		if cd == nil {
			return unsupported()
		}
		col, cons, ok := p.columnDefinition(cd, table, loc)
		if !ok {
			return nil, false
		}
		return &alterCmd{loc: col.loc, addColumn: col, addCons: cons, ifNotExists: cmd.MissingOk}, true
	case pg_query.AlterTableType_AT_AddConstraint:
		c := cmd.Def.GetConstraint()
		if c == nil {
			return unsupported()
		}
		d, ok := p.buildConstraint(c, table, "", loc)
		if !ok {
			return nil, false
		}
		return &alterCmd{loc: d.loc, addCons: []*conDef{d}}, true
	case pg_query.AlterTableType_AT_ColumnDefault:
		if cmd.Def == nil {
			c, _, ok := p.alterTableCmdExt(cmd, table, loc) // DROP DEFAULT
			return c, ok
		}
		// A NULL default stays as written: whether PostgreSQL stores it
		// depends on the column's type (nullDefaults).
		expr, err := canonicalExpr(cmd.Def)
		if err != nil {
			p.errs.semantic(loc, "default of %s.%s: %v", table, cmd.Name, err)
			return nil, false
		}
		return &alterCmd{loc: loc, setDefault: &columnChange{column: cmd.Name, expr: expr}}, true
	case pg_query.AlterTableType_AT_EnableRowSecurity, pg_query.AlterTableType_AT_DisableRowSecurity,
		pg_query.AlterTableType_AT_ForceRowSecurity, pg_query.AlterTableType_AT_NoForceRowSecurity:
		return &alterCmd{loc: loc, rowSecurity: rowSecurityCmd(cmd.Subtype)}, true
	case pg_query.AlterTableType_AT_ValidateConstraint:
		return validateConstraintCmd(cmd, loc), true
	case pg_query.AlterTableType_AT_SetNotNull:
		return &alterCmd{loc: loc, setNotNull: &columnChange{column: cmd.Name}}, true
	case pg_query.AlterTableType_AT_AddIdentity:
		c := cmd.Def.GetConstraint()
		if c == nil {
			return unsupported()
		}
		o, ok := p.parseSeqOptions(c.Options, seqIdentity, loc)
		if !ok {
			return nil, false
		}
		return &alterCmd{loc: loc, addIdentity: &columnChange{column: cmd.Name, identity: identityKind(c.GeneratedWhen), identityOpts: &o}}, true
	}
	if c, handled, ok := p.alterTableCmdExt(cmd, table, loc); handled {
		return c, ok
	}
	return unsupported()
}
