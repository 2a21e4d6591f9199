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
func (in *introspection) scanColumns(rows pgx.Rows) error {
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
		t.Columns = append(t.Columns, c)
		in.columns[columnID{rel, attnum}] = c.Name
	}
	return rows.Err()
}
