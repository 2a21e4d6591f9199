package parser

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// treeCases are expressions whose tree a careless printer changes:
// nested AND/OR (PostgreSQL keeps a right-nested AND as its own node),
// right-nested arithmetic and concatenation, NOT over NOT, casts of
// negative numbers, IS [NOT] over boolean expressions, row comparisons.
var treeCases = []string{
	"a = 1 AND (b = 2 AND c = 3)",
	"(a = 1 AND b = 2) AND c = 3",
	"a = 1 OR (b = 2 OR c = 3)",
	"(a = 1 OR b = 2) AND (c = 3 OR (d = 4 OR e = 5))",
	"NOT (NOT a)",
	"NOT (a AND (b OR c))",
	"a - (b - c)",
	"(a - b) - c",
	"a || (b || c)",
	"a / (b * c)",
	"-(-1)",
	"(-1)::integer",
	"- (a + b)",
	"(a AND b) IS NOT TRUE",
	"(a = 1) IS DISTINCT FROM (b = 2 AND c = 3)",
	"ROW(a, b) < ROW(c, d)",
	"(a + b)::text",
	"(a).b",
	"a[1][2]",
	"CASE WHEN a AND (b AND c) THEN 1 ELSE 2 END",
	"a BETWEEN b AND (c AND d)",
	"(a BETWEEN b AND c) AND d",
	"a NOT BETWEEN SYMMETRIC (b + 1) AND (c OR d)",
	"a ^ (b ^ c)",
	"(a ^ b) ^ c",
	"a < (b < c)",
	"(a = b) = c",
	"a = (b = c)",
	"-a::integer",
	"(-a)::integer",
	"(a || b)::integer",
	"a::text::integer",
	"a + b * c",
	"(a + b) * c",
	"a % (b % c)",
	"(NOT a) = b",
	"NOT a = b",
	"a LIKE (b || c)",
	"(a LIKE b) = c",
	"a LIKE b ESCAPE (c || d)",
	"a AT TIME ZONE (b || c)",
	"(a AT TIME ZONE b) AT TIME ZONE c",
	"a IS NULL IS NULL",
	"(a IS NULL) = (b IS NOT NULL)",
	"a IN (b AND c, d OR e)",
	"(a IN (1, 2)) IN (true)",
	"a = ANY (b || c)",
	"a IS DISTINCT FROM (b IS DISTINCT FROM c)",
	"a OPERATOR(public.+) (b OPERATOR(public.+) c)",
	"a ->> (b || c)",
	"(a -> b) ->> c",
	"a -> (b -> c)",
	"(a #- b) || c",
	"a || (b #- c)",
	"(a < b) < c",
	"x >= (y::numeric)",
	"a IS TRUE IS FALSE",
	"(a OR b) IS NULL",
	"(SELECT 1) + 2",
	"ARRAY[a AND (b AND c)]",
	"(a, b) = (c AND (d AND e), f)",
	"a::integer BETWEEN ((b OR c))::integer AND d",
	"-(2) ^ 2",
	"(-2) ^ 2",
	"- 2 ^ 2",
	"@ (-2)",
	"a !~~ (b || c)",
	"a SIMILAR TO (b || c)",
	"(a || b) COLLATE \"C\"",
	"a || b COLLATE \"C\"",
	"NULLIF(a AND (b AND c), d)",
	"a IN (1, 2) AND (b IN (3) AND c NOT IN (4))",
	"coalesce(a, b) = ANY (ARRAY[1, 2])",
	"x @> ARRAY[1] AND (y <@ ARRAY[2] AND z && ARRAY[3])",
	"a COLLATE \"C\" < (b COLLATE \"C\")",
	"a IS NULL AND (b IS NOT NULL AND c IS NULL)",
	"EXISTS (SELECT 1 WHERE a AND (b AND c))",
	"(a AND (b AND c)) = (d OR (e OR f))",
	"a::integer[] || (b::integer[] || c)",
}

// TestCanonicalExprKeepsTree checks that the canonical text of an
// expression parses back to the same tree as the expression it was made
// from (with names canonicalized, locations ignored): what renovate writes
// and compares must never be a different expression than the user's, or a
// rebuilt default, check, index predicate or view would differ from the
// original in the catalog.
func TestCanonicalExprKeepsTree(t *testing.T) {
	for _, src := range treeCases {
		t.Run(src, func(t *testing.T) {
			orig := exprTree(t, src)
			canonicalizeNames(orig)
			text, err := canonicalExpr(exprTree(t, src))
			if err != nil {
				t.Fatal(err)
			}
			back := exprTree(t, text)
			canonicalizeNames(back)
			clearLocations(orig)
			clearLocations(back)
			if !proto.Equal(orig, back) {
				t.Errorf("canonical text %q parses to another tree than %q", text, src)
			}
			again, err := canonicalExpr(exprTree(t, text))
			if err != nil {
				t.Fatal(err)
			}
			if again != text {
				t.Errorf("canonical form not stable: %q then %q", text, again)
			}
		})
	}
}

// TestCanonicalQueryKeepsTree is the same check for view queries, the
// tree PostgreSQL stores in pg_rewrite.
func TestCanonicalQueryKeepsTree(t *testing.T) {
	for _, src := range treeCases {
		query := "SELECT " + src + " AS x FROM public.t WHERE " + src
		t.Run(src, func(t *testing.T) {
			text, err := CanonicalQuery(query)
			if err != nil {
				t.Fatal(err)
			}
			orig, back := queryTree(t, query), queryTree(t, text)
			if !proto.Equal(orig, back) {
				t.Errorf("canonical query %q parses to another tree than %q", text, query)
			}
		})
	}
}

// exprTree parses one expression.
func exprTree(t *testing.T, src string) *pg_query.Node {
	t.Helper()
	tree, err := pg_query.Parse("SELECT " + src)
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	return tree.Stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().Val
}

// queryTree parses a query with names canonicalized and locations cleared.
func queryTree(t *testing.T, src string) *pg_query.Node {
	t.Helper()
	tree, err := pg_query.Parse(src)
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	n := tree.Stmts[0].Stmt
	canonicalizeNames(n)
	clearLocations(n)
	return n
}
