package catalog

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanDomains reads queries/domains.sql.
func (in *introspection) scanDomains(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid     uint32
			t       = state.Type{Kind: state.TypeDomain}
			conOIDs []uint32
			names   []string
			defs    []string
		)
		if err := rows.Scan(&oid, &t.Schema, &t.Name, &t.BaseType, &t.Collation, &t.Default, &t.NotNull,
			&conOIDs, &names, &defs); err != nil {
			return err
		}
		if len(names) != len(defs) || len(names) != len(conOIDs) {
			return fmt.Errorf("domain %s: %w", t.QualName(), errConcurrentDDL)
		}
		for i, name := range names {
			if defs[i] == "" {
				return fmt.Errorf("constraint %s of domain %s: %w", name, t.QualName(), errConcurrentDDL)
			}
			c := state.Constraint{Name: name, Kind: state.ConstraintCheck, Comment: in.comment("pg_constraint", conOIDs[i])}
			c.Definition, c.NotValid = strings.CutSuffix(defs[i], notValidSuffix)
			t.Checks = append(t.Checks, c)
		}
		t.Comment = in.comment("pg_type", oid)
		in.schema.Types = append(in.schema.Types, t)
	}
	return rows.Err()
}

// scanComposites reads queries/composites.sql.
func (in *introspection) scanComposites(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid, rel   uint32
			t          = state.Type{Kind: state.TypeComposite}
			attnums    []int16
			names      []string
			types      []string
			collations []string
		)
		if err := rows.Scan(&oid, &rel, &t.Schema, &t.Name, &attnums, &names, &types, &collations); err != nil {
			return err
		}
		if len(names) != len(attnums) || len(types) != len(names) || len(collations) != len(names) {
			return fmt.Errorf("type %s: %w", t.QualName(), errConcurrentDDL)
		}
		for i, name := range names {
			t.Attributes = append(t.Attributes, state.Attribute{
				Name: name, Type: types[i], Collation: collations[i],
				Comment: in.comments[commentKey{"pg_class", rel, int32(attnums[i])}],
			})
		}
		t.Comment = in.comment("pg_type", oid)
		in.schema.Types = append(in.schema.Types, t)
	}
	return rows.Err()
}

// scanRanges reads queries/ranges.sql.
func (in *introspection) scanRanges(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid uint32
			t   = state.Type{Kind: state.TypeRange}
		)
		if err := rows.Scan(&oid, &t.Schema, &t.Name, &t.Subtype, &t.SubtypeOpClass, &t.Collation,
			&t.Canonical, &t.SubtypeDiff, &t.MultirangeName); err != nil {
			return err
		}
		t.Comment = in.comment("pg_type", oid)
		in.schema.Types = append(in.schema.Types, t)
	}
	return rows.Err()
}

// scanCollations reads queries/collations.sql.
func (in *introspection) scanCollations(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid                      uint32
			c                        state.Collation
			provider                 string
			collate, ctype, iculocal string
		)
		var encoding int32
		if err := rows.Scan(&oid, &c.Schema, &c.Name, &provider, &collate, &ctype, &iculocal, &c.Deterministic, &c.Rules, &encoding); err != nil {
			return err
		}
		switch provider {
		case "c":
			c.Provider = "libc"
			c.AnyEncoding = encoding == -1
			if collate == ctype {
				c.Locale = collate
			} else {
				c.LcCollate, c.LcCtype = collate, ctype
			}
		case "i", "b":
			c.Provider = map[string]string{"i": "icu", "b": "builtin"}[provider]
			c.Locale = iculocal
			if c.Locale == "" {
				// Before PostgreSQL 15 an ICU collation's locale is in
				// collcollate (and collctype).
				c.Locale = collate
			}
		default:
			return fmt.Errorf("collation %s: unknown provider %q", c.QualName(), provider)
		}
		c.Comment = in.comment("pg_collation", oid)
		in.schema.Collations = append(in.schema.Collations, c)
	}
	return rows.Err()
}
