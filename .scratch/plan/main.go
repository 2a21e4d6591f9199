package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/layout"
)

// usage: plan FROM.sql TO.sql [apply]
func main() {
	ctx := context.Background()
	admin, _ := pgx.Connect(ctx, "host=/tmp/scratchpg port=55999 user=postgres dbname=postgres")
	admin.Exec(ctx, "DROP DATABASE IF EXISTS scratchplan")
	admin.Exec(ctx, "CREATE DATABASE scratchplan")
	conn, err := pgx.Connect(ctx, "host=/tmp/scratchpg port=55999 user=postgres dbname=scratchplan")
	if err != nil {
		panic(err)
	}
	from, _ := os.ReadFile(os.Args[1])
	if _, err := conn.Exec(ctx, string(from)); err != nil {
		fmt.Println("from.sql:", err)
		return
	}
	dir, _ := os.MkdirTemp("", "plan")
	to, _ := os.ReadFile(os.Args[2])
	os.WriteFile(filepath.Join(dir, "to.sql"), to, 0o644)
	local, err := engine.LoadLocal(dir)
	if err != nil {
		fmt.Println("local:", err)
		return
	}
	remote, err := engine.LoadRemote(ctx, conn)
	if err != nil {
		fmt.Println("remote:", err)
		return
	}
	if os.Getenv("FILES") != "" {
		for p, c := range layout.Files(remote.Raw) {
			fmt.Printf("== %s\n%s", p, c)
		}
	}
	p, err := engine.Plan(ctx, conn, local, remote)
	if err != nil {
		fmt.Println("plan:", err)
		return
	}
	render.SQL(os.Stdout, p)
}
