package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// FixedExtensions returns the names of the database's extensions that are
// not relocatable (pg_extension.extrelocatable false): PostgreSQL refuses
// ALTER EXTENSION ... SET SCHEMA on them.
func FixedExtensions(ctx context.Context, conn *pgx.Conn) (map[string]bool, error) {
	names, err := collectSettled(ctx, conn, `SELECT extname::text FROM pg_extension WHERE NOT extrelocatable`, nil, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading extensions that are not relocatable: %w", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}
