package state

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"sort"
)

// Normalize puts every collection of s into its canonical order. It is the
// only place that decides ordering; it does not change any value.
func (s *DatabaseSchema) Normalize() { s.order(sortingOrder{}) }

// normalized reports whether every collection of s is already in its
// canonical order (then Normalize would change nothing that matters).
func (s DatabaseSchema) normalized() bool {
	c := &checkingOrder{sorted: true}
	s.order(c)
	return c.sorted
}

// orderer sorts a collection, or checks that it is sorted.
type orderer interface {
	slice(x any, less func(i, j int) bool)
	strings(x []string)
}

type sortingOrder struct{}

func (sortingOrder) slice(x any, less func(i, j int) bool) { sort.Slice(x, less) }
func (sortingOrder) strings(x []string)                    { sort.Strings(x) }

type checkingOrder struct{ sorted bool }

func (c *checkingOrder) slice(x any, less func(i, j int) bool) {
	c.sorted = c.sorted && sort.SliceIsSorted(x, less)
}
func (c *checkingOrder) strings(x []string) { c.sorted = c.sorted && sort.StringsAreSorted(x) }

// order applies o to every collection of s with its canonical order.
func (s *DatabaseSchema) order(o orderer) {
	o.slice(s.Extensions, func(i, j int) bool { return s.Extensions[i].Name < s.Extensions[j].Name })
	o.slice(s.Schemas, func(i, j int) bool { return s.Schemas[i].Name < s.Schemas[j].Name })
	o.slice(s.Types, func(i, j int) bool { return s.Types[i].QualName().Less(s.Types[j].QualName()) })
	o.slice(s.Sequences, func(i, j int) bool { return s.Sequences[i].QualName().Less(s.Sequences[j].QualName()) })
	o.slice(s.Tables, func(i, j int) bool { return s.Tables[i].QualName().Less(s.Tables[j].QualName()) })
	o.slice(s.Collations, func(i, j int) bool { return s.Collations[i].QualName().Less(s.Collations[j].QualName()) })
	o.slice(s.Views, func(i, j int) bool { return s.Views[i].QualName().Less(s.Views[j].QualName()) })
	o.slice(s.Functions, func(i, j int) bool { return s.Functions[i].Key().Less(s.Functions[j].Key()) })
	o.slice(s.EventTriggers, func(i, j int) bool { return s.EventTriggers[i].Name < s.EventTriggers[j].Name })
	o.slice(s.Publications, func(i, j int) bool { return s.Publications[i].Name < s.Publications[j].Name })
	s.orderForeign(o)
	o.slice(s.DefaultPrivileges, func(i, j int) bool {
		a, b := s.DefaultPrivileges[i], s.DefaultPrivileges[j]
		return defaultPrivilegeKey(a) < defaultPrivilegeKey(b)
	})
	o.slice(s.MemberPrivileges, func(i, j int) bool { return s.MemberPrivileges[i].Key().Less(s.MemberPrivileges[j].Key()) })
	o.slice(s.Owners, func(i, j int) bool { return s.Owners[i].Object.Less(s.Owners[j].Object) })
	for i := range s.Schemas {
		sortPrivileges(o, s.Schemas[i].Privileges)
		sortPrivileges(o, s.Schemas[i].OwnerRevoked)
	}
	for i := range s.Types {
		sortPrivileges(o, s.Types[i].Privileges)
		sortPrivileges(o, s.Types[i].OwnerRevoked)
		if len(s.Types[i].Checks) > 1 {
			o.slice(s.Types[i].Checks, func(a, b int) bool { return s.Types[i].Checks[a].Name < s.Types[i].Checks[b].Name })
		}
	}
	for i := range s.Sequences {
		sortPrivileges(o, s.Sequences[i].Privileges)
		sortPrivileges(o, s.Sequences[i].OwnerRevoked)
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		if len(t.Constraints) > 1 {
			o.slice(t.Constraints, func(a, b int) bool { return t.Constraints[a].Name < t.Constraints[b].Name })
		}
		if len(t.Indexes) > 1 {
			o.slice(t.Indexes, func(a, b int) bool { return t.Indexes[a].Name < t.Indexes[b].Name })
		}
		for j := range t.Indexes {
			if st := t.Indexes[j].Statistics; len(st) > 1 {
				o.slice(st, func(a, b int) bool { return st[a].Column < st[b].Column })
			}
		}
		if len(t.Policies) > 1 {
			o.slice(t.Policies, func(a, b int) bool { return t.Policies[a].Name < t.Policies[b].Name })
		}
		if len(t.Triggers) > 1 {
			o.slice(t.Triggers, func(a, b int) bool { return t.Triggers[a].Name < t.Triggers[b].Name })
		}
		sortPrivileges(o, t.Privileges)
		sortPrivileges(o, t.OwnerRevoked)
		for j := range t.Columns {
			sortPrivileges(o, t.Columns[j].Privileges)
			sortPrivileges(o, t.Columns[j].IdentityPrivileges)
		}
	}
	for i := range s.Views {
		v := &s.Views[i]
		if len(v.Indexes) > 1 {
			o.slice(v.Indexes, func(a, b int) bool { return v.Indexes[a].Name < v.Indexes[b].Name })
		}
		if len(v.Triggers) > 1 {
			o.slice(v.Triggers, func(a, b int) bool { return v.Triggers[a].Name < v.Triggers[b].Name })
		}
		o.strings(v.Options)
		sortPrivileges(o, v.Privileges)
		sortPrivileges(o, v.OwnerRevoked)
		for _, ps := range v.ColumnPrivileges {
			sortPrivileges(o, ps)
		}
		sortKeys(o, v.DependsOn)
	}
	for i := range s.Functions {
		sortPrivileges(o, s.Functions[i].Privileges)
		sortPrivileges(o, s.Functions[i].OwnerRevoked)
		o.strings(s.Functions[i].Config)
		sortKeys(o, s.Functions[i].DependsOn)
	}
	s.orderDefObjects(o)
	for i := range s.Publications {
		o.strings(s.Publications[i].Tables)
		o.strings(s.Publications[i].Schemas)
	}
}

// sortPrivileges, sortKeys and the per-table and per-view collections
// skip slices of fewer than two elements before making their comparison
// closure: a model has a few of those per column, and each closure (and
// the slice boxed for the orderer) would be an allocation.
func sortPrivileges(o orderer, ps []Privilege) {
	if len(ps) < 2 {
		return
	}
	o.slice(ps, func(i, j int) bool {
		if ps[i].Grantee != ps[j].Grantee {
			return ps[i].Grantee < ps[j].Grantee
		}
		if ps[i].Privilege != ps[j].Privilege {
			return ps[i].Privilege < ps[j].Privilege
		}
		return !ps[i].Grantable && ps[j].Grantable
	})
}

func sortKeys(o orderer, ks []ObjectKey) {
	if len(ks) < 2 {
		return
	}
	o.slice(ks, func(i, j int) bool { return ks[i].Less(ks[j]) })
}

func defaultPrivilegeKey(d DefaultPrivilege) string {
	g := "0"
	if d.Grantable {
		g = "1"
	}
	return d.Role + "\x00" + d.Schema + "\x00" + d.ObjectType + "\x00" + d.Grantee + "\x00" + d.Privilege.Privilege + "\x00" + g
}

// Fingerprint is the SHA-256 of the normalized schema's JSON, hex encoded.
// Plans record the remote's fingerprint; apply refuses when it moved.
// Annotations that only exist on the local side (RenamedFrom) are included,
// which is harmless: fingerprints are only ever compared remote to remote.
func (s DatabaseSchema) Fingerprint() string {
	c := s
	if !s.normalized() {
		// Sort a copy: s is the caller's.
		c = s.Clone()
		c.Normalize()
	}
	// The hash of json.Marshal(c), written element by element.
	h := sha256.New()
	if err := c.writeJSON(h); err != nil {
		// The model holds only strings, numbers, bools and slices of them;
		// marshalling cannot fail.
		panic("state: marshalling schema: " + err.Error())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Clone returns a deep copy of s.
// It equals a JSON round trip of s (see deepCopy), without building the
// JSON, sharing the strings.
func (s DatabaseSchema) Clone() DatabaseSchema {
	var c DatabaseSchema
	deepCopy(reflect.ValueOf(&c).Elem(), reflect.ValueOf(&s).Elem())
	c.CatalogDepends = append([]CatalogDepend(nil), s.CatalogDepends...)
	return c
}

// Table returns the table called q.
func (s DatabaseSchema) Table(q QualName) (Table, bool) {
	i := sort.Search(len(s.Tables), func(i int) bool { return !s.Tables[i].QualName().Less(q) })
	if i < len(s.Tables) && s.Tables[i].QualName() == q {
		return s.Tables[i], true
	}
	return Table{}, false
}
