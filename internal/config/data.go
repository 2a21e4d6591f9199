package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Data is a data block: a table whose rows renovate manages.
//
//	data "public.countries" {
//	  key            = ["code"]        # default: the primary key
//	  ignore_columns = ["updated_at"]  # optional
//	  where          = "builtin"       # optional SQL condition
//	  raw_references = ["owner_id"]    # optional, see RawReferences
//	}
type Data struct {
	// Schema and Table name the table (the label "schema.table"; a bare
	// "table" is in public). Unquoted parts are folded to lower case, as
	// PostgreSQL does; write "\"Name\"" inside the label for a quoted one.
	Schema, Table string
	Key           []string
	IgnoreColumns []string
	// RawReferences are columns with a foreign key to a table that is
	// not a data table, written and applied as they are (their values
	// are the same in every database). Without it such a column is
	// refused when the data is planned or written.
	RawReferences []string
	Where         string
	// OnConflict and TargetOnly make the table's sync three-way, with
	// the data file at the commit last applied to a target as the base
	// (internal/engine's threeway.go). OnConflict says what wins when a
	// row changed both in the file and in the target since then:
	// "source" (the file), "target" or "fail". TargetOnly says what
	// becomes of rows only the target has: "keep" or "delete". Both ""
	// when unset; either set makes the sync three-way, the other then
	// defaulting to "fail" and "keep".
	OnConflict, TargetOnly string
	// Range is where the block is, for error messages.
	Range hcl.Range
}

func dataSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{
			{Name: "key"},
			{Name: "ignore_columns"},
			{Name: "where"},
			{Name: "raw_references"},
			{Name: "on_conflict"},
			{Name: "target_only"},
		},
	}
}

// dataBlocks decodes the data blocks, sorted by table.
func (d *decoder) dataBlocks(blocks hcl.Blocks) []Data {
	var out []Data
	seen := map[string]hcl.Range{}
	for _, b := range blocks {
		if b.Type != "data" {
			continue
		}
		schema, table, err := splitTableName(b.Labels[0])
		if err != nil {
			d.add(b.LabelRanges[0].Ptr(), &b.DefRange, "Invalid data table name", err.Error())
			continue
		}
		name := schema + "." + table
		if prev, dup := seen[name]; dup {
			d.add(&b.DefRange, nil, "Duplicate data block", fmt.Sprintf("Table %s already has a data block at %s.", name, prev))
			continue
		}
		seen[name] = b.DefRange
		content, diags := b.Body.Content(dataSchema())
		d.diags = append(d.diags, diags...)
		if content == nil {
			continue
		}
		dt := Data{Schema: schema, Table: table, Range: b.DefRange}
		if a := content.Attributes["key"]; a != nil {
			dt.Key = d.columnList(a)
		}
		if a := content.Attributes["ignore_columns"]; a != nil {
			dt.IgnoreColumns = d.columnList(a)
		}
		if a := content.Attributes["raw_references"]; a != nil {
			dt.RawReferences = d.columnList(a)
			for _, c := range dt.RawReferences {
				if slices.Contains(dt.IgnoreColumns, c) {
					d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Invalid raw_references",
						fmt.Sprintf("Column %q is in ignore_columns: an ignored column is never written, so it needs no raw_references.", c))
				}
			}
		}
		if a := content.Attributes["where"]; a != nil {
			dt.Where, _ = d.string(a)
			if strings.TrimSpace(dt.Where) == "" {
				d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Empty where", "Remove where, or set it to an SQL condition on the table's columns.")
			}
		}
		if a := content.Attributes["on_conflict"]; a != nil {
			dt.OnConflict = d.oneOf(a, "source", "target", "fail")
		}
		if a := content.Attributes["target_only"]; a != nil {
			dt.TargetOnly = d.oneOf(a, "keep", "delete")
		}
		if dt.OnConflict != "" || dt.TargetOnly != "" {
			if dt.OnConflict == "" {
				dt.OnConflict = "fail"
			}
			if dt.TargetOnly == "" {
				dt.TargetOnly = "keep"
			}
		}
		out = append(out, dt)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Schema != out[j].Schema {
			return out[i].Schema < out[j].Schema
		}
		return out[i].Table < out[j].Table
	})
	return out
}

// columnList decodes a list of column names (stored as PostgreSQL does:
// case-sensitive, as written).
func (d *decoder) columnList(a *hcl.Attribute) []string {
	list, ok := d.stringList(a)
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	for _, c := range list {
		if c == "" || seen[c] {
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Invalid column list",
				fmt.Sprintf("%s must list distinct, non-empty column names.", a.Name))
			return nil
		}
		seen[c] = true
	}
	return list
}

// splitTableName splits "schema.table" (or "table", in public), folding
// unquoted parts to lower case.
func splitTableName(label string) (schema, table string, err error) {
	var parts []string
	for i := 0; i < len(label); {
		if label[i] == '"' {
			var b strings.Builder
			j := i + 1
			for ; j < len(label); j++ {
				if label[j] == '"' {
					if j+1 < len(label) && label[j+1] == '"' {
						b.WriteByte('"')
						j++
						continue
					}
					break
				}
				b.WriteByte(label[j])
			}
			if j >= len(label) {
				return "", "", fmt.Errorf("%q: unterminated quoted name", label)
			}
			parts = append(parts, b.String())
			i = j + 1
		} else {
			j := strings.IndexByte(label[i:], '.')
			if j < 0 {
				j = len(label) - i
			}
			parts = append(parts, strings.ToLower(label[i:i+j]))
			i += j
		}
		if i < len(label) {
			if label[i] != '.' {
				return "", "", fmt.Errorf("%q: expected \".\" after a quoted name", label)
			}
			i++
			if i == len(label) {
				return "", "", fmt.Errorf("%q: empty table name", label)
			}
		}
	}
	switch {
	case len(parts) == 1 && parts[0] != "":
		return "public", parts[0], nil
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		return parts[0], parts[1], nil
	}
	return "", "", fmt.Errorf("%q is not a table name: write \"schema.table\"", label)
}

// oneOf decodes a string attribute that must be one of values ("" when
// it is not, reported).
func (d *decoder) oneOf(a *hcl.Attribute, values ...string) string {
	s, ok := d.string(a)
	if !ok {
		return ""
	}
	if !slices.Contains(values, s) {
		d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Invalid "+a.Name,
			fmt.Sprintf("%s must be %s, got %q.", a.Name, `"`+strings.Join(values, `", "`)+`"`, s))
		return ""
	}
	return s
}
