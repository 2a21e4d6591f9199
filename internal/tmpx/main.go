package main

import (
	"fmt"
	"os"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/renovate-pg/renovate/parser"
)

func main() {
	for _, s := range os.Args[1:] {
		tree, err := pg_query.Parse(s)
		if err != nil { fmt.Println(err); continue }
		out, err := pg_query.Deparse(tree)
		fmt.Println(out, err)
		q, err := parser.CanonicalQuery(s)
		fmt.Println(q, err)
	}
}
