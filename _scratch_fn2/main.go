package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/renovate-pg/renovate/parser"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	res, err := parser.ParseString("x.sql", string(b))
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	for _, f := range res.Schema.Functions {
		j, _ := json.MarshalIndent(f, "", " ")
		fmt.Println(string(j))
	}
	for _, t := range res.Schema.Tables {
		for _, tr := range t.Triggers {
			j, _ := json.Marshal(tr)
			fmt.Println(string(j))
		}
	}
	for _, v := range res.Schema.Views {
		for _, tr := range v.Triggers {
			j, _ := json.Marshal(tr)
			fmt.Println(string(j))
		}
	}
	j, _ := json.Marshal(res.Schema.EventTriggers)
	fmt.Println(string(j))
}
