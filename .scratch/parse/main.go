package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/renovate-pg/renovate/parser"
)

func main() {
	b, _ := io.ReadAll(os.Stdin)
	res, err := parser.ParseString("x.sql", string(b))
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	out, _ := json.MarshalIndent(res.Schema.Tables, "", " ")
	fmt.Println(string(out))
	out, _ = json.MarshalIndent(res.Schema.Publications, "", " ")
	fmt.Println(string(out))
}
