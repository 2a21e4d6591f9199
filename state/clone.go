package state

import (
	"reflect"
	"strings"
)

// deepCopy sets dst to a deep copy of src with the value a JSON round trip
// (json.Marshal, then json.Unmarshal into a zero value) gives, which is
// what Clone used to do: unexported fields and fields tagged `json:"-"`
// are left zero, and an empty slice or map of an omitempty field becomes
// nil. Strings are shared, not copied (Go strings are immutable), and no
// JSON is built: cloning a 5,000-table model costs its slices and structs
// only, not a second copy of every name and definition plus a document of
// tens of MB. (Unlike JSON, text that is not valid UTF-8 is kept as is.)
//
// A struct is copied whole and then only its fields that hold slices,
// maps or pointers (directly or in a nested struct) are copied deeply; a
// slice of elements that hold none is copied in one go. Which fields those
// are is worked out once per type and copy (cloner.plan), not per value:
// the planner clones a whole model for every type it renames.
func deepCopy(dst, src reflect.Value) {
	c := cloner{plans: map[reflect.Type]*clonePlan{}}
	c.copy(dst, src)
}

// cloner holds the plans of the struct types met by one deepCopy.
type cloner struct {
	plans map[reflect.Type]*clonePlan
}

// clonePlan says how to copy a struct type.
type clonePlan struct {
	// whole is set when the struct can be copied as a value first: it has
	// no unexported fields (which could not be reset to zero after).
	whole bool
	// zero are the exported fields a JSON round trip leaves zero (tagged
	// `json:"-"`); without whole, the unexported fields are left zero by
	// not copying them.
	zero []int
	// deep are the fields to copy deeply, and with whole false every
	// other exported field too.
	deep []cloneField
}

// cloneField is a field of a struct plan.
type cloneField struct {
	index int
	// omitEmpty: an empty slice or map becomes nil.
	omitEmpty bool
	// deep: the field holds a slice, map or pointer, directly or in a
	// nested struct or array.
	deep bool
}

// plan returns the plan of struct type t.
func (c *cloner) plan(t reflect.Type) *clonePlan {
	if p, ok := c.plans[t]; ok {
		return p
	}
	p := &clonePlan{whole: true}
	c.plans[t] = p // before the fields: a pointer field may lead back to t
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			p.whole = false
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			p.zero = append(p.zero, i)
			continue
		}
		p.deep = append(p.deep, cloneField{index: i, omitEmpty: hasOption(opts, "omitempty"), deep: c.holdsReferences(f.Type)})
	}
	if p.whole {
		// Only the deep fields need more than the struct's copy.
		deep := p.deep[:0]
		for _, f := range p.deep {
			if f.deep {
				deep = append(deep, f)
			}
		}
		p.deep = deep
	}
	return p
}

// holdsReferences reports whether a value of type t shares memory when
// copied as a value (a slice, map or pointer in it), or has parts a JSON
// round trip leaves zero: either way copying it whole is not enough.
func (c *cloner) holdsReferences(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return true
	case reflect.Array:
		return c.holdsReferences(t.Elem())
	case reflect.Struct:
		p := c.plan(t)
		return !p.whole || len(p.zero) > 0 || len(p.deep) > 0
	}
	return false
}

func (c *cloner) copy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		p := c.plan(src.Type())
		if p.whole {
			dst.Set(src)
			for _, i := range p.zero {
				dst.Field(i).SetZero()
			}
		} else {
			// Field by field; dst may hold a copy of src made as part
			// of an enclosing struct's.
			dst.SetZero()
		}
		for _, f := range p.deep {
			sv := src.Field(f.index)
			if (sv.Kind() == reflect.Slice || sv.Kind() == reflect.Map) && sv.Len() == 0 && f.omitEmpty {
				if p.whole {
					dst.Field(f.index).SetZero()
				}
				continue
			}
			c.copy(dst.Field(f.index), sv)
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if !c.holdsReferences(src.Type().Elem()) {
			reflect.Copy(s, src)
		} else {
			for i := 0; i < src.Len(); i++ {
				c.copy(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			c.copy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		p := reflect.New(src.Type().Elem())
		c.copy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			c.copy(dst.Index(i), src.Index(i))
		}
	case reflect.Interface:
		panic("state: Clone of an interface field (" + src.Type().String() + ") is not supported")
	default: // strings, numbers, bools
		dst.Set(src)
	}
}

func hasOption(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
