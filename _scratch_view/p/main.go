package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/renovate-pg/renovate/parser"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	res, err := parser.ParseString(os.Args[1], string(b))
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	out, _ := json.MarshalIndent(res.Schema.Views, "", "  ")
	fmt.Println(string(out))
}
