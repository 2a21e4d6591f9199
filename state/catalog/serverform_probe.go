package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Probe is one question for the server tier: statements that create
// temporary objects, then a query returning one text about them (a
// partition key or bound as PostgreSQL prints it, say).
type Probe struct {
	Statements []string
	Query      string
}

// ProbeResult is a Probe's answer; Err is set when PostgreSQL refused the
// statements (they may use an object the plan has yet to create).
type ProbeResult struct {
	Text string
	Err  error
}

// RunProbes runs each probe (serverTx): the statements under searchPath,
// the query with search_path = pg_catalog, pg_temp and the introspection
// settings, so texts come out as introspection prints them. Nothing on
// the server changes.
func RunProbes(ctx context.Context, conn *pgx.Conn, searchPath string, probes []Probe) ([]ProbeResult, error) {
	out := make([]ProbeResult, len(probes))
	refused, err := serverTx(ctx, conn, "definitions", searchPath, len(probes),
		func(tx pgx.Tx, i int) error { return execAll(ctx, tx, probes[i].Statements) },
		func(tx pgx.Tx, i int) error {
			var t *string
			if err := tx.QueryRow(ctx, probes[i].Query).Scan(&t); err != nil {
				return err
			}
			if t == nil {
				return fmt.Errorf("probe returned no text")
			}
			out[i].Text = *t
			return nil
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Err = refused[i]
	}
	return out, nil
}
