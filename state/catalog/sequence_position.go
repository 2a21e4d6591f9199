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
		var idx []int32
		var seqNames []*string
		rows, err := conn.Query(ctx, `
SELECT u.i::int, pg_get_serial_sequence(u.t, u.c)
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(t, c, i)
WHERE to_regclass(u.t) IS NOT NULL
	AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(u.t) AND a.attname = u.c AND NOT a.attisdropped)`, tables, cols)
		if err != nil {
			return nil, fmt.Errorf("finding identity sequences: %w", err)
		}
		for rows.Next() {
			var i int32
			var name *string
			if err := rows.Scan(&i, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("finding identity sequences: %w", err)
			}
			idx = append(idx, i)
			seqNames = append(seqNames, name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("finding identity sequences: %w", err)
		}
		for j, i := range idx {
			if seqNames[j] != nil {
				keys = append(keys, identity[i-1])
				names = append(names, *seqNames[j])
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
	rows, err := conn.Query(ctx, b.String())
	if err != nil {
		return nil, fmt.Errorf("reading sequence positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var p SequencePosition
		if err := rows.Scan(&i, &p.LastValue, &p.IsCalled); err != nil {
			return nil, fmt.Errorf("reading sequence positions: %w", err)
		}
		out[keys[i]] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading sequence positions: %w", err)
	}
	return out, nil
}
