package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanViews reads queries/views.sql. It must run after scanComments.
func (in *introspection) scanViews(rows pgx.Rows) error {
	if in.views == nil {
		in.views = map[uint32]int{}
	}
	for rows.Next() {
		var (
			oid   uint32
			v     state.View
			def   *string
			nums  []int32
			names []string
			types []string
			dflts []string

			depSchemas, depRels, depCols, depCons []string
		)
		if err := rows.Scan(&oid, &v.Schema, &v.Name, &v.Materialized, &def, &v.Options, &nums, &names, &types, &dflts,
			&depSchemas, &depRels, &depCols, &depCons, &v.Tablespace); err != nil {
			return err
		}
		if len(depSchemas) != len(depRels) || len(depRels) != len(depCols) || len(depCols) != len(depCons) {
			return fmt.Errorf("view %s: dependency lists of different lengths", v.QualName())
		}
		for i, rel := range depRels {
			k := state.ObjectKey{Kind: state.KindTable, Schema: depSchemas[i], Name: rel}
			switch {
			case depCols[i] != "":
				k = state.ObjectKey{Kind: state.KindColumn, Schema: depSchemas[i], Table: rel, Name: depCols[i]}
			case depCons[i] != "":
				k = state.ObjectKey{Kind: state.KindConstraint, Schema: depSchemas[i], Table: rel, Name: depCons[i]}
			}
			v.ReadsFromCatalog = append(v.ReadsFromCatalog, k)
		}
		sort.Slice(v.ReadsFromCatalog, func(i, j int) bool { return v.ReadsFromCatalog[i].Less(v.ReadsFromCatalog[j]) })
		if def == nil {
			return fmt.Errorf("view %s: %w", v.QualName(), errConcurrentDDL)
		}
		if len(nums) != len(names) || len(names) != len(types) || len(types) != len(dflts) {
			return fmt.Errorf("view %s: column lists of different lengths", v.QualName())
		}
		// pg_get_viewdef ends the query with a semicolon; the model holds
		// the query alone.
		v.Definition = strings.TrimRight(*def, " \t\r\n;")
		if len(v.Options) == 0 {
			v.Options = nil
		}
		v.Comment = in.comment("pg_class", oid)
		for i, name := range names {
			v.Columns = append(v.Columns, state.ViewColumn{Name: name, Type: types[i]})
			if c := in.comments[commentKey{"pg_class", oid, nums[i]}]; c != "" {
				if v.ColumnComments == nil {
					v.ColumnComments = map[string]string{}
				}
				v.ColumnComments[name] = c
			}
			if dflts[i] != "" {
				if v.ColumnDefaults == nil {
					v.ColumnDefaults = map[string]string{}
				}
				v.ColumnDefaults[name] = dflts[i]
			}
		}
		in.views[oid] = len(in.schema.Views)
		in.schema.Views = append(in.schema.Views, v)
	}
	return rows.Err()
}

// scanMatviewIndexes reads queries/matview_indexes.sql. It must run after
// scanViews.
func (in *introspection) scanMatviewIndexes(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid, rel  uint32
			ix        state.Index
			def       *string
			clustered bool
		)
		if err := rows.Scan(&oid, &rel, &ix.Name, &ix.Unique, &def, &clustered); err != nil {
			return err
		}
		i, ok := in.views[rel]
		if !ok {
			continue
		}
		v := &in.schema.Views[i]
		if def == nil {
			return fmt.Errorf("index %s on %s: %w", ix.Name, v.QualName(), errConcurrentDDL)
		}
		ix.Definition = *def
		ix.Comment = in.comment("pg_class", oid)
		v.Indexes = append(v.Indexes, ix)
		if clustered {
			v.ClusterOn = ix.Name
		}
	}
	return rows.Err()
}
