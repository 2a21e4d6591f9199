package catalog

import (
	"context"
	"fmt"
	"time"

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

// RunProbes runs each probe in its own savepoint of one transaction that
// is always rolled back, the statements under searchPath and the query
// with search_path = pg_catalog and the introspection settings, so texts
// come out as introspection prints them. Nothing on the server changes.
func RunProbes(ctx context.Context, conn *pgx.Conn, searchPath string, probes []Probe) ([]ProbeResult, error) {
	out := make([]ProbeResult, len(probes))
	if len(probes) == 0 {
		return out, nil
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("normalizing definitions: %w", err)
	}
	// Always roll back: the probes only create temporary objects.
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d",
		(2*time.Second).Milliseconds(), (30*time.Second).Milliseconds())); err != nil {
		return nil, fmt.Errorf("normalizing definitions: %w", err)
	}
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, settings); err != nil {
		return nil, fmt.Errorf("normalizing definitions: %w", err)
	}
	for i, p := range probes {
		if _, err := tx.Exec(ctx, "SAVEPOINT renovate_probe"); err != nil {
			return nil, fmt.Errorf("normalizing definitions: %w", err)
		}
		out[i].Err = runProbe(ctx, tx, searchPath, p, &out[i].Text)
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_probe"); err != nil {
			return nil, fmt.Errorf("normalizing definitions: %w", err)
		}
	}
	return out, nil
}

func runProbe(ctx context.Context, tx pgx.Tx, searchPath string, p Probe, text *string) error {
	if _, err := tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", searchPath); err != nil {
		return err
	}
	for _, s := range p.Statements {
		if _, err := tx.Exec(ctx, s, pgx.QueryExecModeSimpleProtocol); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
		return err
	}
	var t *string
	if err := tx.QueryRow(ctx, p.Query).Scan(&t); err != nil {
		return err
	}
	if t == nil {
		return fmt.Errorf("probe returned no text")
	}
	*text = *t
	return nil
}
