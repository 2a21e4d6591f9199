package catalog

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// A catalog snapshot is the fidelity check's independent view of a
// database: every user-settable property of every object renovate
// manages, read from the system catalogs and PostgreSQL's own deparsers
// (queries/snapshot.sql), never through renovate's model. Comparing the
// snapshot of a database with that of a scratch database built from the
// files renovate wrote for it names exactly what the files lost.

// Fact is one property of one object in a catalog snapshot.
type Fact struct {
	// Top is the top-level object the fact belongs to (a column, index,
	// constraint, trigger or policy belongs to its table), for filters.
	// Its Kind is "database" for facts about the database itself.
	Top state.ObjectKey
	// Object is PostgreSQL's name for the object (pg_describe_object):
	// "column email of table public.users".
	Object string
	// Property names where the value comes from: a catalog column
	// ("pg_class.reloptions") or a deparser ("pg_get_viewdef").
	Property string
	// Value is the property's text; Set is false when it is NULL.
	Value string
	Set   bool
}

// Snapshot is a database's facts, sorted by object then property.
type Snapshot []Fact

// ReadSnapshot reads the catalog snapshot of the database conn is
// connected to, in one READ ONLY transaction with the introspection
// session settings. conn must not be inside a transaction.
func ReadSnapshot(ctx context.Context, conn *pgx.Conn) (Snapshot, error) {
	version, err := serverVersion(conn)
	if err != nil {
		return nil, err
	}
	if st := conn.PgConn().TxStatus(); st != 'I' {
		return nil, errors.New("reading the catalog snapshot: the connection is inside a transaction")
	}
	settings, err := renderQuery("settings.sql", queryData{Version: version})
	if err != nil {
		return nil, err
	}
	query, err := renderQuery("snapshot.sql", newQueryData(conn, version))
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, settings); err != nil {
		return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
	}
	rows, err := tx.Query(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
	}
	var snap Snapshot
	for rows.Next() {
		var kind, schema, name, object string
		var props []string
		var values []*string
		if err := rows.Scan(&kind, &schema, &name, &object, &props, &values); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
		}
		if len(props) != len(values) {
			rows.Close()
			return nil, fmt.Errorf("reading the catalog snapshot: %s: %d properties but %d values", object, len(props), len(values))
		}
		top := state.ObjectKey{Kind: state.Kind(kind), Schema: schema, Name: name}
		for i, prop := range props {
			f := Fact{Top: top, Object: object, Property: prop}
			if v := values[i]; v != nil {
				f.Value, f.Set = *v, true
			}
			snap = append(snap, f)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("reading the catalog snapshot: %w", err)
	}
	snap.sort()
	return snap, nil
}

func (s Snapshot) sort() {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Object != s[j].Object {
			return s[i].Object < s[j].Object
		}
		return s[i].Property < s[j].Property
	})
}

// Filter returns the facts whose top-level object keep accepts.
func (s Snapshot) Filter(keep func(state.ObjectKey) bool) Snapshot {
	out := make(Snapshot, 0, len(s))
	for _, f := range s {
		if keep(f.Top) {
			out = append(out, f)
		}
	}
	return out
}

// WithoutOwners returns the facts that are not an object's owner
// (IsOwnerProperty), for a comparison of databases whose owners are not
// managed.
func (s Snapshot) WithoutOwners() Snapshot {
	out := make(Snapshot, 0, len(s))
	for _, f := range s {
		if !IsOwnerProperty(f.Property) {
			out = append(out, f)
		}
	}
	return out
}

// IsOwnerProperty reports whether a snapshot property is an object's
// owner: a catalog's owner column (pg_class.relowner,
// pg_namespace.nspowner, ...), which every catalog names <prefix>owner.
func IsOwnerProperty(prop string) bool {
	table, column, ok := strings.Cut(prop, ".")
	return ok && strings.HasPrefix(table, "pg_") && strings.HasSuffix(column, "owner") && !strings.Contains(column, " ")
}

// Loss is a difference between a source database and a copy of it: a
// property whose value did not survive, or an object missing from (or
// only in) the copy.
type Loss struct {
	Top    state.ObjectKey
	Object string
	// Property is empty when the whole object is missing or extra.
	Property string
	// Source and Copy are the two values ("" and Missing/Extra when the
	// object is absent on one side); SourceSet and CopySet say whether
	// each was set at all.
	Source, Copy       string
	SourceSet, CopySet bool
	// Missing: the object is in the source, not in the copy. Extra: the
	// reverse.
	Missing, Extra bool
}

// String renders the loss on one line.
func (l Loss) String() string {
	switch {
	case l.Missing:
		return l.Object + ": missing from the copy"
	case l.Extra:
		return l.Object + ": only in the copy"
	}
	show := func(v string, set bool) string {
		if !set {
			return "(unset)"
		}
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%s: %s is %s, the copy has %s", l.Object, l.Property, show(l.Source, l.SourceSet), show(l.Copy, l.CopySet))
}

// Compare returns what differs between the snapshot of a source database
// and the snapshot of its copy, sorted by object then property. An object
// missing from one side is one loss, not one per property.
func Compare(source, copied Snapshot) []Loss {
	type key struct{ object, prop string }
	index := func(s Snapshot) (map[key]Fact, map[string]state.ObjectKey) {
		facts := make(map[key]Fact, len(s))
		objects := map[string]state.ObjectKey{}
		for _, f := range s {
			facts[key{f.Object, f.Property}] = f
			objects[f.Object] = f.Top
		}
		return facts, objects
	}
	sf, so := index(source)
	cf, co := index(copied)
	var out []Loss
	for obj, top := range so {
		if _, ok := co[obj]; !ok {
			out = append(out, Loss{Top: top, Object: obj, Missing: true})
		}
	}
	for obj, top := range co {
		if _, ok := so[obj]; !ok {
			out = append(out, Loss{Top: top, Object: obj, Extra: true})
		}
	}
	for k, s := range sf {
		if _, ok := co[k.object]; !ok {
			continue
		}
		c, ok := cf[k]
		if ok && c.Set == s.Set && c.Value == s.Value {
			continue
		}
		out = append(out, Loss{Top: s.Top, Object: k.object, Property: k.prop,
			Source: s.Value, SourceSet: s.Set, Copy: c.Value, CopySet: c.Set})
	}
	for k, c := range cf {
		if _, ok := sf[k]; ok {
			continue
		}
		if _, ok := so[k.object]; !ok {
			continue
		}
		out = append(out, Loss{Top: c.Top, Object: k.object, Property: k.prop, Copy: c.Value, CopySet: c.Set})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Object != out[j].Object {
			return out[i].Object < out[j].Object
		}
		return out[i].Property < out[j].Property
	})
	return out
}
