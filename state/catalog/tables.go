package catalog

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanTables reads queries/tables.sql.
func (in *introspection) scanTables(rows pgx.Rows) error {
	for rows.Next() {
		var (
			rel                         uint32
			t                           state.Table
			parentSchemas, parentNames  []string
			options, toastOptions       []string
			replIdent, replIndex, bound string
			server                      *string
			serverOptions               []string
			ofSchema, ofName            *string
		)
		if err := rows.Scan(&rel, &t.Schema, &t.Name, &t.Unlogged, &t.PartitionBy, &bound,
			&parentSchemas, &parentNames, &options, &toastOptions, &t.Tablespace, &t.AccessMethod, &replIdent, &replIndex, &t.ClusterOn,
			&server, &serverOptions, &ofSchema, &ofName); err != nil {
			return err
		}
		if ofSchema != nil && ofName != nil {
			t.OfType = &state.QualName{Schema: *ofSchema, Name: *ofName}
		}
		if server != nil {
			t.Foreign = &state.ForeignTable{Server: *server, Options: parseOptions(serverOptions)}
			// A foreign table's replica identity means nothing; the
			// server stores 'd' anyway.
			replIdent = "d"
		}
		if err := tableExtras(&t, bound, parentSchemas, parentNames, options, toastOptions, replIdent, replIndex); err != nil {
			return err
		}
		t.Comment = in.comment("pg_class", rel)
		in.tables[rel] = len(in.schema.Tables)
		in.schema.Tables = append(in.schema.Tables, t)
	}
	return rows.Err()
}

// scanColumns reads queries/columns.sql. It must run after scanTables and
// scanSequences.
//
// The rows come ordered by table: each table's columns are gathered in a
// scratch slice and copied once into a slice of their exact number, not
// appended one by one (which leaves up to half of each table's slice
// unused: tens of megabytes at thousands of tables). Type names, which
// repeat, are stored once.
func (in *introspection) scanColumns(rows pgx.Rows) error {
	var (
		cur     *state.Table
		pending []state.Column
		types   = map[string]string{}
	)
	flush := func() {
		if cur != nil && len(pending) > 0 {
			cols := make([]state.Column, len(cur.Columns), len(cur.Columns)+len(pending))
			copy(cols, cur.Columns)
			cur.Columns = append(cols, pending...)
		}
		clear(pending)
		pending = pending[:0]
	}
	for rows.Next() {
		var (
			rel                 uint32
			attnum              int16
			c                   state.Column
			identity, generated string
			expr                string
			local               bool
			storage             string
			stattarget          int32
			options             []string
			fdwOptions          []string
		)
		if err := rows.Scan(&rel, &attnum, &c.Name, &c.Type, &c.Collation, &c.NotNull,
			&identity, &generated, &expr, &local, &storage, &c.Compression, &stattarget, &options, &fdwOptions); err != nil {
			return err
		}
		if stattarget >= 0 {
			n := int(stattarget)
			c.Statistics = &n
		}
		if len(options) > 0 {
			c.Options = options
		}
		c.FDWOptions = parseOptions(fdwOptions)
		c.Inherited = !local
		c.Storage = storageNames[storage]
		c.Compression = compressionNames[c.Compression]
		t, ok := in.table(rel)
		if !ok {
			continue
		}
		c.Comment = in.comments[commentKey{"pg_class", rel, int32(attnum)}]
		switch generated {
		case "":
			c.Default = expr
		case "s":
			c.Generated = expr
		case "v":
			// PostgreSQL 18's virtual generated columns. The model has
			// no stored/virtual distinction yet; the expression is still
			// the column's generation expression.
			c.Generated = expr
		default:
			return fmt.Errorf("column %s.%s: unknown attgenerated %q", t.QualName(), c.Name, generated)
		}
		if c.Inherited {
			// PostgreSQL 17 and later give a partition's column the
			// identity of its parent's; it is the parent's, not the
			// partition's own.
			identity = ""
		}
		switch identity {
		case "":
		case "a", "d":
			c.Identity = state.IdentityAlways
			if identity == "d" {
				c.Identity = state.IdentityByDefault
			}
			opts, ok := in.identity[columnID{rel, attnum}]
			if !ok {
				return fmt.Errorf("identity column %s.%s has no identity sequence", t.QualName(), c.Name)
			}
			c.IdentityOptions = &opts
		default:
			return fmt.Errorf("column %s.%s: unknown attidentity %q", t.QualName(), c.Name, identity)
		}
		if typ, ok := types[c.Type]; ok {
			c.Type = typ
		} else {
			types[c.Type] = c.Type
		}
		if t != cur {
			flush()
			cur = t
		}
		pending = append(pending, c)
		in.columns[columnID{rel, attnum}] = c.Name
	}
	flush()
	return rows.Err()
}
