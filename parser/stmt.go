package parser

import (
	"reflect"
	"strings"
	"unicode"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// notInSchemaFiles is the reason given for statements that are not
// declarations at all (DML, transaction control, session commands).
const notInSchemaFiles = "is not supported in schema files: they declare objects, they are not scripts"

// statement dispatches one statement.
func (p *fileParser) statement(raw *pg_query.RawStmt) {
	loc := p.stmtLoc(raw)
	if raw.Stmt == nil {
		return
	}
	switch s := raw.Stmt.Node.(type) {
	case *pg_query.Node_CreateSchemaStmt:
		p.createSchema(s.CreateSchemaStmt, loc)
	case *pg_query.Node_CreateExtensionStmt:
		p.createExtension(s.CreateExtensionStmt, loc)
	case *pg_query.Node_CreateEnumStmt:
		p.createEnum(s.CreateEnumStmt, loc)
	case *pg_query.Node_CreateDomainStmt:
		p.createDomain(s.CreateDomainStmt, loc)
	case *pg_query.Node_AlterDomainStmt:
		p.alterDomain(s.AlterDomainStmt, loc)
	case *pg_query.Node_CompositeTypeStmt:
		p.createComposite(s.CompositeTypeStmt, loc)
	case *pg_query.Node_CreateRangeStmt:
		p.createRange(s.CreateRangeStmt, loc)
	case *pg_query.Node_DefineStmt:
		if isDefineStmtObject(s.DefineStmt.Kind) {
			p.defineObject(s.DefineStmt, loc)
			return
		}
		if s.DefineStmt.Kind != pg_query.ObjectType_OBJECT_COLLATION {
			what, reason := statementName(raw.Stmt)
			p.errs.add(&UnsupportedError{Loc: loc, Statement: what, Reason: reason})
			return
		}
		p.createCollation(s.DefineStmt, loc)
	case *pg_query.Node_CreateCastStmt:
		p.createCast(s.CreateCastStmt, loc)
	case *pg_query.Node_AlterOperatorStmt:
		p.alterOperator(s.AlterOperatorStmt, loc)
	case *pg_query.Node_CreateOpClassStmt:
		p.createOpClass(s.CreateOpClassStmt, loc)
	case *pg_query.Node_CreateOpFamilyStmt:
		p.createOpFamily(s.CreateOpFamilyStmt, loc)
	case *pg_query.Node_AlterOpFamilyStmt:
		p.alterOpFamily(s.AlterOpFamilyStmt, loc)
	case *pg_query.Node_CreateConversionStmt:
		p.createConversion(s.CreateConversionStmt, loc)
	case *pg_query.Node_CreateAmStmt:
		p.createAccessMethod(s.CreateAmStmt, loc)
	case *pg_query.Node_CreatePlangStmt:
		p.createLanguage(s.CreatePlangStmt, loc)
	case *pg_query.Node_CreateTransformStmt:
		p.createTransform(s.CreateTransformStmt, loc)
	case *pg_query.Node_RuleStmt:
		p.createRule(s.RuleStmt, loc)
	case *pg_query.Node_CreateStatsStmt:
		p.createStatistics(s.CreateStatsStmt, loc)
	case *pg_query.Node_AlterStatsStmt:
		p.alterStatistics(s.AlterStatsStmt, loc)
	case *pg_query.Node_AlterTsconfigurationStmt:
		p.alterTSConfiguration(s.AlterTsconfigurationStmt, loc)
	case *pg_query.Node_AlterTsdictionaryStmt:
		p.alterTSDictionary(s.AlterTsdictionaryStmt, loc)
	case *pg_query.Node_CreateSeqStmt:
		p.createSequence(s.CreateSeqStmt, loc)
	case *pg_query.Node_AlterSeqStmt:
		p.alterSequence(s.AlterSeqStmt, loc)
	case *pg_query.Node_CreateStmt:
		p.createTable(s.CreateStmt, loc)
	case *pg_query.Node_AlterTableStmt:
		p.alterTable(s.AlterTableStmt, loc)
	case *pg_query.Node_IndexStmt:
		p.createIndex(s.IndexStmt, loc)
	case *pg_query.Node_ViewStmt:
		p.createView(s.ViewStmt, loc)
	case *pg_query.Node_CreateTableAsStmt:
		p.createTableAs(s.CreateTableAsStmt, loc)
	case *pg_query.Node_CreatePublicationStmt:
		p.createPublication(s.CreatePublicationStmt, loc)
	case *pg_query.Node_AlterPublicationStmt:
		p.alterPublication(s.AlterPublicationStmt, loc)
	case *pg_query.Node_CommentStmt:
		p.comment(s.CommentStmt, loc)
	case *pg_query.Node_CreateFdwStmt:
		p.createFdw(s.CreateFdwStmt, loc)
	case *pg_query.Node_CreateForeignServerStmt:
		p.createServer(s.CreateForeignServerStmt, loc)
	case *pg_query.Node_CreateUserMappingStmt:
		p.createUserMapping(s.CreateUserMappingStmt, loc)
	case *pg_query.Node_CreateForeignTableStmt:
		p.createForeignTable(s.CreateForeignTableStmt, loc)
	case *pg_query.Node_CreateSubscriptionStmt:
		p.createSubscription(s.CreateSubscriptionStmt, loc)
	case *pg_query.Node_ImportForeignSchemaStmt:
		p.importForeignSchema(s.ImportForeignSchemaStmt, loc)
	case *pg_query.Node_CreateFunctionStmt:
		p.createFunction(s.CreateFunctionStmt, loc)
	case *pg_query.Node_CreateTrigStmt:
		p.createTrigger(s.CreateTrigStmt, loc)
	case *pg_query.Node_CreateEventTrigStmt:
		p.createEventTrigger(s.CreateEventTrigStmt, loc)
	case *pg_query.Node_AlterEventTrigStmt:
		p.alterEventTrigger(s.AlterEventTrigStmt, loc)
	case *pg_query.Node_VariableSetStmt:
		p.set(s.VariableSetStmt, loc)
	case *pg_query.Node_SelectStmt:
		p.selectStmt(s.SelectStmt, loc)
	case *pg_query.Node_GrantStmt:
		p.grantStmt(s.GrantStmt, loc)
	case *pg_query.Node_AlterDefaultPrivilegesStmt:
		p.alterDefaultPrivileges(s.AlterDefaultPrivilegesStmt, loc)
	case *pg_query.Node_CreatePolicyStmt:
		p.createPolicy(s.CreatePolicyStmt, loc)
	case *pg_query.Node_AlterPolicyStmt:
		p.alterPolicy(s.AlterPolicyStmt, loc)
	case *pg_query.Node_RenameStmt:
		if !p.renameConstraint(s.RenameStmt, loc) {
			what, reason := statementName(raw.Stmt)
			p.errs.add(&UnsupportedError{Loc: loc, Statement: what, Reason: reason})
		}
	case *pg_query.Node_AlterOwnerStmt:
		// ALTER ... OWNER TO: recorded beside the model (owner.go).
		p.alterOwner(s.AlterOwnerStmt, loc)
	default:
		what, reason := statementName(raw.Stmt)
		if _, ok := raw.Stmt.Node.(*pg_query.Node_TransactionStmt); ok {
			what = p.writtenAs(raw, what)
		}
		p.errs.add(&UnsupportedError{Loc: loc, Statement: what, Reason: reason})
	}
}

// createSchema handles CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION
// role] [schema elements]. The owner is ignored (owners are not managed
// yet); the elements are statements of their own (schema_elements.go).
func (p *fileParser) createSchema(s *pg_query.CreateSchemaStmt, loc Location) {
	name := s.Schemaname
	if name == "" {
		role := s.Authrole
		if role == nil || role.Roletype != pg_query.RoleSpecType_ROLESPEC_CSTRING {
			p.errs.unsupported(loc, "CREATE SCHEMA AUTHORIZATION without a schema name")
			return
		}
		name = role.Rolename
	}
	p.add(&schemaDef{loc: loc, name: name})
	if role, ok := ownerRole(s.Authrole); ok {
		p.add(&ownerDef{loc: loc, role: role, kind: state.KindSchema, name: state.QualName{Name: name}})
	}
	p.schemaElements(name, s.SchemaElts, loc)
}

// createExtension handles CREATE EXTENSION [IF NOT EXISTS] name [WITH]
// [SCHEMA s] [VERSION v] [CASCADE]. CASCADE is accepted; the extensions it
// would install must be declared too.
func (p *fileParser) createExtension(s *pg_query.CreateExtensionStmt, loc Location) {
	ext := state.Extension{Name: s.Extname}
	for _, n := range s.Options {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		switch d.Defname {
		case "schema":
			ext.Schema = d.Arg.GetString_().GetSval()
		case "new_version":
			ext.Version = d.Arg.GetString_().GetSval()
		case "cascade":
		default:
			p.errs.unsupported(p.locOr(d.Location, loc), "CREATE EXTENSION ... "+upperWords(d.Defname))
			return
		}
	}
	p.add(&extensionDef{loc: loc, ext: ext})
}

// createEnum handles CREATE TYPE name AS ENUM (...).
func (p *fileParser) createEnum(s *pg_query.CreateEnumStmt, loc Location) {
	name, ok := p.anyName(s.TypeName, loc)
	if !ok {
		return
	}
	labels, err := stringList(s.Vals)
	if err != nil {
		p.errs.semantic(loc, "type %s: %v", name, err)
		return
	}
	seen := map[string]bool{}
	for _, l := range labels {
		if seen[l] {
			p.errs.semantic(loc, "type %s: enum label %q used more than once", name, l)
			return
		}
		if len(l) > maxIdentLen {
			p.errs.semantic(loc, "type %s: invalid enum label %q: labels must be 63 bytes or less", name, l)
			return
		}
		seen[l] = true
	}
	p.add(&typeDef{loc: loc, typ: state.Type{Schema: name.Schema, Name: name.Name, Kind: state.TypeEnum, Labels: labels,
		RenamedLabels: p.enumLabelRenames(p.cur, labels)}})
}

// statementName names a statement kind in SQL words, and says why it is
// rejected ("" for the default "is not managed by renovate yet").
func statementName(n *pg_query.Node) (string, string) {
	switch s := n.Node.(type) {
	case *pg_query.Node_ViewStmt:
		return "CREATE VIEW", ""
	case *pg_query.Node_CreateTableAsStmt:
		if s.CreateTableAsStmt.Objtype == pg_query.ObjectType_OBJECT_MATVIEW {
			return "CREATE MATERIALIZED VIEW", ""
		}
		return "CREATE TABLE AS", ""
	case *pg_query.Node_CreateFunctionStmt:
		if s.CreateFunctionStmt.IsProcedure {
			return "CREATE PROCEDURE", ""
		}
		return "CREATE FUNCTION", ""
	case *pg_query.Node_CreateTrigStmt:
		return "CREATE TRIGGER", ""
	case *pg_query.Node_CreatePolicyStmt:
		return "CREATE POLICY", ""
	case *pg_query.Node_CreateDomainStmt:
		return "CREATE DOMAIN", ""
	case *pg_query.Node_CompositeTypeStmt:
		return "CREATE TYPE ... AS (composite type)", ""
	case *pg_query.Node_CreateRangeStmt:
		return "CREATE TYPE ... AS RANGE", ""
	case *pg_query.Node_DefineStmt:
		return "CREATE " + objectTypeWords(s.DefineStmt.Kind), ""
	case *pg_query.Node_CreateForeignTableStmt:
		return "CREATE FOREIGN TABLE", ""
	case *pg_query.Node_RuleStmt:
		return "CREATE RULE", ""
	case *pg_query.Node_CreateAmStmt:
		return "CREATE ACCESS METHOD", ""
	case *pg_query.Node_CreatePlangStmt:
		return "CREATE LANGUAGE", ""
	case *pg_query.Node_CreateOpClassStmt:
		return "CREATE OPERATOR CLASS", ""
	case *pg_query.Node_CreateOpFamilyStmt:
		return "CREATE OPERATOR FAMILY", ""
	case *pg_query.Node_AlterOpFamilyStmt:
		return "ALTER OPERATOR FAMILY", ""
	case *pg_query.Node_CreateConversionStmt:
		return "CREATE CONVERSION", ""
	case *pg_query.Node_CreateRoleStmt:
		return "CREATE ROLE", ""
	case *pg_query.Node_GrantStmt:
		if s.GrantStmt.IsGrant {
			return "GRANT", ""
		}
		return "REVOKE", ""
	case *pg_query.Node_GrantRoleStmt:
		if s.GrantRoleStmt.IsGrant {
			return "GRANT role", ""
		}
		return "REVOKE role", ""
	case *pg_query.Node_AlterEnumStmt:
		return "ALTER TYPE ... ADD VALUE", "is not supported in schema files: declare every label in CREATE TYPE ... AS ENUM"
	case *pg_query.Node_DropStmt:
		return "DROP " + objectTypeWords(s.DropStmt.RemoveType), notInSchemaFiles
	case *pg_query.Node_RenameStmt:
		return "ALTER " + objectTypeWords(s.RenameStmt.RenameType) + " ... RENAME", "is not supported in schema files: rename the object in its CREATE statement"
	case *pg_query.Node_AlterObjectSchemaStmt:
		return "ALTER " + objectTypeWords(s.AlterObjectSchemaStmt.ObjectType) + " ... SET SCHEMA", "is not supported in schema files: change the schema in its CREATE statement"
	case *pg_query.Node_TransactionStmt:
		return transactionWords(s.TransactionStmt.Kind), notInSchemaFiles
	case *pg_query.Node_InsertStmt:
		return "INSERT", notInSchemaFiles
	case *pg_query.Node_UpdateStmt:
		return "UPDATE", notInSchemaFiles
	case *pg_query.Node_DeleteStmt:
		return "DELETE", notInSchemaFiles
	case *pg_query.Node_MergeStmt:
		return "MERGE", notInSchemaFiles
	case *pg_query.Node_SelectStmt:
		return "SELECT", notInSchemaFiles
	case *pg_query.Node_CopyStmt:
		return "COPY", notInSchemaFiles
	case *pg_query.Node_TruncateStmt:
		return "TRUNCATE", notInSchemaFiles
	case *pg_query.Node_DoStmt:
		return "DO", notInSchemaFiles
	case *pg_query.Node_CallStmt:
		return "CALL", notInSchemaFiles
	case *pg_query.Node_VariableShowStmt:
		return "SHOW", notInSchemaFiles
	case *pg_query.Node_VacuumStmt:
		if s.VacuumStmt.IsVacuumcmd {
			return "VACUUM", notInSchemaFiles
		}
		return "ANALYZE", notInSchemaFiles
	case *pg_query.Node_ExplainStmt:
		return "EXPLAIN", notInSchemaFiles
	case *pg_query.Node_LockStmt:
		return "LOCK", notInSchemaFiles
	case *pg_query.Node_CreatedbStmt:
		return "CREATE DATABASE", notInSchemaFiles
	case *pg_query.Node_RefreshMatViewStmt:
		return "REFRESH MATERIALIZED VIEW", notInSchemaFiles
	case *pg_query.Node_AlterTableStmt:
		return "ALTER " + objectTypeWords(s.AlterTableStmt.Objtype), ""
	}
	return stmtTypeWords(n), ""
}

// transactionWords names a transaction control statement.
func transactionWords(k pg_query.TransactionStmtKind) string {
	switch k {
	case pg_query.TransactionStmtKind_TRANS_STMT_BEGIN:
		return "BEGIN"
	case pg_query.TransactionStmtKind_TRANS_STMT_START:
		return "START TRANSACTION"
	case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT:
		return "COMMIT"
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK:
		return "ROLLBACK"
	case pg_query.TransactionStmtKind_TRANS_STMT_SAVEPOINT:
		return "SAVEPOINT"
	case pg_query.TransactionStmtKind_TRANS_STMT_RELEASE:
		return "RELEASE SAVEPOINT"
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		return "ROLLBACK TO SAVEPOINT"
	case pg_query.TransactionStmtKind_TRANS_STMT_PREPARE:
		return "PREPARE TRANSACTION"
	case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT_PREPARED:
		return "COMMIT PREPARED"
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_PREPARED:
		return "ROLLBACK PREPARED"
	}
	return "transaction control"
}

// objectTypeWords names an object type: OBJECT_MATVIEW -> "MATERIALIZED
// VIEW".
func objectTypeWords(t pg_query.ObjectType) string {
	switch t {
	case pg_query.ObjectType_OBJECT_MATVIEW:
		return "MATERIALIZED VIEW"
	case pg_query.ObjectType_OBJECT_TSCONFIGURATION:
		return "TEXT SEARCH CONFIGURATION"
	case pg_query.ObjectType_OBJECT_TSDICTIONARY:
		return "TEXT SEARCH DICTIONARY"
	case pg_query.ObjectType_OBJECT_TSPARSER:
		return "TEXT SEARCH PARSER"
	case pg_query.ObjectType_OBJECT_TSTEMPLATE:
		return "TEXT SEARCH TEMPLATE"
	case pg_query.ObjectType_OBJECT_FDW:
		return "FOREIGN DATA WRAPPER"
	case pg_query.ObjectType_OBJECT_FOREIGN_SERVER:
		return "SERVER"
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		return "TABLE ... CONSTRAINT"
	}
	return upperWords(strings.TrimPrefix(t.String(), "OBJECT_"))
}

// stmtTypeWords derives SQL words from a node's Go type name:
// CreateEventTrigStmt -> "CREATE EVENT TRIG".
func stmtTypeWords(n *pg_query.Node) string {
	name := reflect.TypeOf(n.Node).Elem().Name()
	name = strings.TrimPrefix(name, "Node_")
	name = strings.TrimSuffix(name, "Stmt")
	return camelWords(name)
}

// camelWords splits a CamelCase name into upper-case words.
func camelWords(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// upperWords turns an identifier such as "new_version" into "NEW VERSION".
func upperWords(s string) string {
	return strings.ToUpper(strings.ReplaceAll(s, "_", " "))
}
