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
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		t := src.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" && opts == "" {
				continue
			}
			sv := src.Field(i)
			if (sv.Kind() == reflect.Slice || sv.Kind() == reflect.Map) && sv.Len() == 0 && hasOption(opts, "omitempty") {
				continue
			}
			deepCopy(dst.Field(i), sv)
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			deepCopy(dst.Index(i), src.Index(i))
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
