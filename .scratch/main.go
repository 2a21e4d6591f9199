package main

import (
	"fmt"
	"os"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

func main() {
	for _, s := range os.Args[1:] {
		tree, err := pg_query.Parse(s)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		out, err := pg_query.Deparse(tree)
		fmt.Println(out, err)
		j, _ := pg_query.ParseToJSON(s)
		if os.Getenv("J") != "" {
			fmt.Println(j)
		}
	}
}
