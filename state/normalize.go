package state

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"sort"
)

// Normalize puts every collection of s into its canonical order. It is the
// only place that decides ordering; it does not change any value.
func (s *DatabaseSchema) Normalize() { s.order(&orderer{}) }

// normalized reports whether every collection of s is already in its
// canonical order (then Normalize would change nothing that matters).
func (s DatabaseSchema) normalized() bool {
	c := &orderer{check: true, sorted: true}
	s.order(c)
	return c.sorted
}

// orderer sorts the collections given to it, or, with check, only records
// whether they all are sorted.
//
// A collection already in order is left as it is, unsorted: sort.Slice
// moves nothing in a sorted slice (equal neighbours included), so skipping
// it changes nothing, and a model is normalized many times (after every
// rewrite of a plan) while almost always in order. The check allocates
// nothing (the comparisons capture nothing), which matters for the few
// small collections of every table and column.
type orderer struct {
	check, sorted bool
}

// orderBy orders x by less. A check that has found a collection out of
// order looks at no more.
func orderBy[T any](o *orderer, x []T, less func(a, b *T) bool) {
	if o.check && !o.sorted {
		return
	}
	for i := 1; i < len(x); i++ {
		if less(&x[i], &x[i-1]) {
			if o.check {
				o.sorted = false
			} else {
				sort.Slice(x, func(i, j int) bool { return less(&x[i], &x[j]) })
			}
			return
		}
	}
}

// strings orders x.
func (o *orderer) strings(x []string) {
	orderBy(o, x, func(a, b *string) bool { return *a < *b })
}

// order applies o to every collection of s with its canonical order.
func (s *DatabaseSchema) order(o *orderer) {
	orderBy(o, s.Extensions, func(a, b *Extension) bool { return a.Name < b.Name })
	orderBy(o, s.Schemas, func(a, b *Schema) bool { return a.Name < b.Name })
	orderBy(o, s.Types, func(a, b *Type) bool { return a.QualName().Less(b.QualName()) })
	orderBy(o, s.Sequences, func(a, b *Sequence) bool { return a.QualName().Less(b.QualName()) })
	orderBy(o, s.Tables, func(a, b *Table) bool { return a.QualName().Less(b.QualName()) })
	orderBy(o, s.Collations, func(a, b *Collation) bool { return a.QualName().Less(b.QualName()) })
	orderBy(o, s.Views, func(a, b *View) bool { return a.QualName().Less(b.QualName()) })
	orderBy(o, s.Functions, func(a, b *Function) bool { return a.Key().Less(b.Key()) })
	orderBy(o, s.EventTriggers, func(a, b *EventTrigger) bool { return a.Name < b.Name })
	orderBy(o, s.Publications, func(a, b *Publication) bool { return a.Name < b.Name })
	s.orderForeign(o)
	orderBy(o, s.DefaultPrivileges, func(a, b *DefaultPrivilege) bool {
		return defaultPrivilegeKey(*a) < defaultPrivilegeKey(*b)
	})
	orderBy(o, s.MemberPrivileges, func(a, b *MemberPrivilege) bool { return a.Key().Less(b.Key()) })
	orderBy(o, s.Owners, func(a, b *Owner) bool { return a.Object.Less(b.Object) })
	for i := range s.Schemas {
		sortPrivileges(o, s.Schemas[i].Privileges)
		sortPrivileges(o, s.Schemas[i].OwnerRevoked)
	}
	for i := range s.Types {
		sortPrivileges(o, s.Types[i].Privileges)
		sortPrivileges(o, s.Types[i].OwnerRevoked)
		orderBy(o, s.Types[i].Checks, func(a, b *Constraint) bool { return a.Name < b.Name })
	}
	for i := range s.Sequences {
		sortPrivileges(o, s.Sequences[i].Privileges)
		sortPrivileges(o, s.Sequences[i].OwnerRevoked)
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		orderBy(o, t.Constraints, func(a, b *Constraint) bool { return a.Name < b.Name })
		orderBy(o, t.Indexes, func(a, b *Index) bool { return a.Name < b.Name })
		for j := range t.Indexes {
			orderBy(o, t.Indexes[j].Statistics, func(a, b *IndexStatistics) bool { return a.Column < b.Column })
		}
		orderBy(o, t.Policies, func(a, b *Policy) bool { return a.Name < b.Name })
		orderBy(o, t.Triggers, func(a, b *Trigger) bool { return a.Name < b.Name })
		sortPrivileges(o, t.Privileges)
		sortPrivileges(o, t.OwnerRevoked)
		for j := range t.Columns {
			sortPrivileges(o, t.Columns[j].Privileges)
			sortPrivileges(o, t.Columns[j].IdentityPrivileges)
		}
	}
	for i := range s.Views {
		v := &s.Views[i]
		orderBy(o, v.Indexes, func(a, b *Index) bool { return a.Name < b.Name })
		orderBy(o, v.Triggers, func(a, b *Trigger) bool { return a.Name < b.Name })
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

func sortPrivileges(o *orderer, ps []Privilege) {
	orderBy(o, ps, func(a, b *Privilege) bool {
		if a.Grantee != b.Grantee {
			return a.Grantee < b.Grantee
		}
		if a.Privilege != b.Privilege {
			return a.Privilege < b.Privilege
		}
		return !a.Grantable && b.Grantable
	})
}

func sortKeys(o *orderer, ks []ObjectKey) {
	orderBy(o, ks, func(a, b *ObjectKey) bool { return a.Less(*b) })
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

// ShallowClone returns a copy of s whose lists of objects are its own
// while the objects in them are still s's: setting a field of an element
// that holds a string, a number or a bool, or replacing an element, leaves
// s as it was; changing anything an element points to (its columns, say)
// needs the element owned first (Own). A pass that rewrites a few objects
// of a large model copies those objects, not the model.
func (s DatabaseSchema) ShallowClone() DatabaseSchema {
	c := s
	v := reflect.ValueOf(&c).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Slice && !f.IsNil() {
			own := reflect.MakeSlice(f.Type(), f.Len(), f.Len())
			reflect.Copy(own, f)
			f.Set(own)
		}
	}
	return c
}

// Own replaces the object p points to, an element of a ShallowClone, by
// a deep copy of itself (what Clone makes of it), so that it can be
// changed in place without changing the model it was cloned from. p must
// be a non-nil pointer.
func Own(p any) {
	v := reflect.ValueOf(p).Elem()
	c := reflect.New(v.Type()).Elem()
	deepCopy(c, v)
	v.Set(c)
}

// Table returns the table called q.
func (s DatabaseSchema) Table(q QualName) (Table, bool) {
	i := sort.Search(len(s.Tables), func(i int) bool { return !s.Tables[i].QualName().Less(q) })
	if i < len(s.Tables) && s.Tables[i].QualName() == q {
		return s.Tables[i], true
	}
	return Table{}, false
}
