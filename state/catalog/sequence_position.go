package catalog

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// SequencePosition is a sequence's last_value and is_called.
type SequencePosition struct {
	LastValue int64
	IsCalled  bool
}

// SequencePositions reads where the named sequences stand, and the
// sequences of the identity columns named by column keys (Kind column,
// Schema, Table, Name), found with pg_get_serial_sequence. The result is
// keyed like the arguments: sequence keys (Kind sequence) and the column
// keys. Identity columns that do not exist are left out; the named
// sequences must exist (they come from the introspected model). Two
// queries, whatever the number of sequences.
func SequencePositions(ctx context.Context, conn *pgx.Conn, seqs []state.QualName, identity []state.ObjectKey) (map[state.ObjectKey]SequencePosition, error) {
	out := map[state.ObjectKey]SequencePosition{}
	var keys []state.ObjectKey
	var names []string
	for _, q := range seqs {
		keys = append(keys, state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name})
		names = append(names, sqlgen.Qual(q))
	}
	if len(identity) > 0 {
		tables := make([]string, len(identity))
		cols := make([]string, len(identity))
		for i, k := range identity {
			tables[i] = sqlgen.QualifiedName(k.Schema, k.Table)
			cols[i] = k.Name
		}
		type serial struct {
			i    int32
			name *string
		}
		serials, err := collectSettled(ctx, conn, `
SELECT u.i::int, pg_get_serial_sequence(u.t, u.c)
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(t, c, i)
WHERE to_regclass(u.t) IS NOT NULL
	AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(u.t) AND a.attname = u.c AND NOT a.attisdropped)`, []any{tables, cols}, func(row pgx.CollectableRow) (serial, error) {
			var r serial
			err := row.Scan(&r.i, &r.name)
			return r, err
		})
		if err != nil {
			return nil, fmt.Errorf("finding identity sequences: %w", err)
		}
		for _, r := range serials {
			if r.name != nil {
				keys = append(keys, identity[r.i-1])
				names = append(names, *r.name)
			}
		}
	}
	if len(names) == 0 {
		return out, nil
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&b, "SELECT %d, last_value, is_called FROM %s", i, n)
	}
	type position struct {
		i int
		p SequencePosition
	}
	got, err := collectSettled(ctx, conn, b.String(), nil, func(row pgx.CollectableRow) (position, error) {
		var r position
		err := row.Scan(&r.i, &r.p.LastValue, &r.p.IsCalled)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading sequence positions: %w", err)
	}
	for _, r := range got {
		out[keys[r.i]] = r.p
	}
	return out, nil
}
