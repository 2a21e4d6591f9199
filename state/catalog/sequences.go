package catalog

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanSequences reads queries/sequences.sql. Standalone, serial and OWNED BY
// sequences become Sequences; identity sequences only lend their options to
// their column (see scanColumns).
func (in *introspection) scanSequences(rows pgx.Rows) error {
	for rows.Next() {
		var (
			rel                     uint32
			s                       state.Sequence
			deptype                 string
			ownerRel                uint32
			ownerAttnum             int16
			ownerTable, ownerColumn string
		)
		if err := rows.Scan(&rel, &s.Schema, &s.Name,
			&s.DataType, &s.Start, &s.Increment, &s.MinValue, &s.MaxValue, &s.Cache, &s.Cycle,
			&deptype, &ownerRel, &ownerAttnum, &ownerTable, &ownerColumn); err != nil {
			return err
		}
		switch deptype {
		case "i":
			in.identity[columnID{ownerRel, ownerAttnum}] = s.SequenceOptions
			in.identitySeqs[s.QualName()] = [2]string{ownerTable, ownerColumn}
			continue
		case "a":
			s.OwnedBy = &state.ColumnRef{Table: ownerTable, Column: ownerColumn}
		case "":
		default:
			return fmt.Errorf("sequence %s: unexpected dependency type %q", s.QualName(), deptype)
		}
		s.Comment = in.comment("pg_class", rel)
		in.schema.Sequences = append(in.schema.Sequences, s)
	}
	return rows.Err()
}
