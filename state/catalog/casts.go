package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/renovate-pg/renovate/sqlgen"
)

// CastProbe is a column type change whose USING expression must be
// checked on the server: Using is the expression over a column named
// Column of type From, written to give type To.
type CastProbe struct {
	From, To, Column, Using string
}

// UncastableTypeChanges returns the probes (by From and To) whose USING
// expression the server cannot even parse because it has no cast between
// the types (bigint to timestamp): such an ALTER COLUMN ... TYPE fails on
// an empty table too. The server decides, by its own rules (pg_cast,
// binary coercion, I/O conversion to and from string types, domains,
// enums, arrays element by element, user-defined casts), so renovate
// keeps no table of its own. Each expression is only parsed (the
// extended protocol's Parse, as for a prepared statement), never planned
// or run. A probe naming a type the server does not have yet (one the
// plan creates) is left out.
func UncastableTypeChanges(ctx context.Context, conn *pgx.Conn, probes []CastProbe) (map[[2]string]bool, error) {
	out := map[[2]string]bool{}
	for _, p := range probes {
		sql := "SELECT " + p.Using + " FROM (SELECT NULL::" + p.From + " AS " + sqlgen.QuoteIdent(p.Column) + ") AS renovate_cast_probe"
		_, err := conn.PgConn().Prepare(ctx, "", sql, nil)
		if err == nil {
			continue
		}
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) {
			return nil, fmt.Errorf("checking the cast from %s to %s: %w", p.From, p.To, err)
		}
		switch pgErr.Code {
		case "42846", // cannot_coerce: "cannot cast type bigint to timestamp without time zone"
			"42804": // datatype_mismatch
			out[[2]string{p.From, p.To}] = true
		}
	}
	return out, nil
}
