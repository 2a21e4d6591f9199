package main

import (
	"fmt"
	"os"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	tree, err := pg_query.Parse(string(b))
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	for _, s := range tree.Stmts {
		one := &pg_query.ParseResult{Stmts: []*pg_query.RawStmt{s}}
		out, err := pg_query.Deparse(one)
		fmt.Printf("%v\n%s\n---\n", err, out)
		if len(os.Args) > 2 {
			j, _ := pg_query.ParseToJSON(out)
			fmt.Println(j)
		}
	}
}
