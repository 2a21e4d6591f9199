package catalog

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// storageNames maps pg_attribute.attstorage to the model's words.
var storageNames = map[string]string{"p": "plain", "e": "external", "x": "extended", "m": "main"}

// compressionNames maps pg_attribute.attcompression to the model's words;
// ” (the server's default_toast_compression) maps to "".
var compressionNames = map[string]string{"p": "pglz", "l": "lz4"}

// tableExtras fills the partitioning, inheritance and storage fields of a
// table from the columns of tables.sql.
func tableExtras(t *state.Table, bound string, parentSchemas, parentNames, options, toastOptions []string, replIdent, replIndex string) error {
	if len(parentSchemas) != len(parentNames) {
		return fmt.Errorf("table %s: inconsistent parents", t.QualName())
	}
	var parents []state.QualName
	for i := range parentSchemas {
		parents = append(parents, state.QualName{Schema: parentSchemas[i], Name: parentNames[i]})
	}
	if bound != "" {
		// A partition has exactly one parent and a bound.
		if len(parents) != 1 {
			return fmt.Errorf("partition %s has %d parents", t.QualName(), len(parents))
		}
		t.PartitionOf, t.PartitionBound = &parents[0], bound
	} else {
		t.Inherits = parents
	}
	t.Options = append([]string(nil), options...)
	for _, o := range toastOptions {
		t.Options = append(t.Options, "toast."+o)
	}
	if len(t.Options) == 0 {
		t.Options = nil
	}
	switch replIdent {
	case "d", "":
	case "f":
		t.ReplicaIdentity = "full"
	case "n":
		t.ReplicaIdentity = "nothing"
	case "i":
		if replIndex == "" {
			return fmt.Errorf("table %s: replica identity index: %w", t.QualName(), errConcurrentDDL)
		}
		t.ReplicaIdentity = "index " + replIndex
	default:
		return fmt.Errorf("table %s: unknown relreplident %q", t.QualName(), replIdent)
	}
	return nil
}

// constraintIndexClauses puts back what pg_get_constraintdef leaves out of
// a primary key, unique or exclusion constraint: its index's storage
// parameters (as WITH (...), the way the parser prints them) and
// tablespace, before an exclusion constraint's WHERE and before
// DEFERRABLE.
func constraintIndexClauses(def string, kind state.ConstraintKind, options []string, tablespace string) string {
	if len(options) == 0 && tablespace == "" {
		return def
	}
	var add strings.Builder
	if len(options) > 0 {
		add.WriteString(" WITH (" + relOptionsText(options) + ")")
	}
	if tablespace != "" {
		add.WriteString(" USING INDEX TABLESPACE " + sqlgen.QuoteIdent(tablespace))
	}
	cut := len(def)
	for _, tail := range []string{" DEFERRABLE"} {
		if i := strings.Index(def, tail); i >= 0 && i < cut {
			cut = i
		}
	}
	if kind == state.ConstraintExclusion {
		// The predicate is last but for deferrability; it cannot hold
		// " WHERE (" outside a string literal, which index predicates
		// seldom contain.
		if i := strings.LastIndex(def[:cut], " WHERE ("); i >= 0 {
			cut = i
		}
	}
	return def[:cut] + add.String() + def[cut:]
}

// relOptionsText prints reloptions ("fillfactor=70") as flatten_reloptions
// does: name=value, the value quoted unless it is a plain identifier.
func relOptionsText(options []string) string {
	parts := make([]string, len(options))
	for i, o := range options {
		name, value, _ := strings.Cut(o, "=")
		if sqlgen.QuoteIdent(value) != value {
			value = "'" + strings.ReplaceAll(value, "'", "''") + "'"
		}
		parts[i] = sqlgen.QuoteIdent(name) + "=" + value
	}
	return strings.Join(parts, ", ")
}

// indexTablespace puts the tablespace pg_get_indexdef leaves out back into
// an index definition, before its predicate.
func indexTablespace(def, pred, tablespace string) string {
	if tablespace == "" {
		return def
	}
	clause := " TABLESPACE " + sqlgen.QuoteIdent(tablespace)
	if pred != "" {
		if where := " WHERE " + pred; strings.HasSuffix(def, where) {
			return strings.TrimSuffix(def, where) + clause + where
		}
	}
	return def + clause
}
