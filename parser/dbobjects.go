package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// ObjectStatement is one statement of a file that holds several
// database-level objects (extensions.sql, publications.sql,
// foreign_data.sql, subscriptions.sql), with the object it belongs to.
type ObjectStatement struct {
	// SQL is the statement's text, ending in ";\n".
	SQL string
	// Key is the top-level object the statement defines or changes (a
	// user mapping belongs to its server); its Kind is empty when the
	// statement is about no such object.
	Key state.ObjectKey
}

// SplitObjectStatements splits a file of database-level objects into its
// statements and names each one's object, without resolving anything: a
// rewrite keeps the statements of the objects out of an environment's
// scope.
func SplitObjectStatements(sql string) ([]ObjectStatement, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, err
	}
	var out []ObjectStatement
	for _, raw := range tree.Stmts {
		start := int(raw.StmtLocation)
		end := len(sql)
		if raw.StmtLen > 0 {
			end = start + int(raw.StmtLen)
		}
		text := strings.TrimSpace(sql[start:end])
		if text == "" {
			continue
		}
		out = append(out, ObjectStatement{SQL: text + ";\n", Key: statementObject(raw.Stmt)})
	}
	return out, nil
}

// statementObject is the top-level database-level object of a statement.
func statementObject(n *pg_query.Node) state.ObjectKey {
	key := func(k state.Kind, name string) state.ObjectKey { return state.ObjectKey{Kind: k, Name: name} }
	switch s := n.Node.(type) {
	case *pg_query.Node_CreateExtensionStmt:
		return key(state.KindExtension, s.CreateExtensionStmt.Extname)
	case *pg_query.Node_CreatePublicationStmt:
		return key(state.KindPublication, s.CreatePublicationStmt.Pubname)
	case *pg_query.Node_AlterPublicationStmt:
		return key(state.KindPublication, s.AlterPublicationStmt.Pubname)
	case *pg_query.Node_CreateFdwStmt:
		return key(state.KindForeignDataWrapper, s.CreateFdwStmt.Fdwname)
	case *pg_query.Node_CreateForeignServerStmt:
		return key(state.KindServer, s.CreateForeignServerStmt.Servername)
	case *pg_query.Node_CreateUserMappingStmt:
		return key(state.KindServer, s.CreateUserMappingStmt.Servername)
	case *pg_query.Node_CreateSubscriptionStmt:
		return key(state.KindSubscription, s.CreateSubscriptionStmt.Subname)
	case *pg_query.Node_CommentStmt:
		kind := map[pg_query.ObjectType]state.Kind{
			pg_query.ObjectType_OBJECT_PUBLICATION:    state.KindPublication,
			pg_query.ObjectType_OBJECT_FDW:            state.KindForeignDataWrapper,
			pg_query.ObjectType_OBJECT_FOREIGN_SERVER: state.KindServer,
			pg_query.ObjectType_OBJECT_SUBSCRIPTION:   state.KindSubscription,
		}[s.CommentStmt.Objtype]
		if kind != "" {
			return key(kind, s.CommentStmt.Object.GetString_().GetSval())
		}
	}
	return state.ObjectKey{}
}
