package state

import "reflect"

// ShareEqual replaces every object of s that is deeply equal
// (reflect.DeepEqual) to the object of the same key in other by other's,
// so that the two models hold one copy of it: its columns, constraints
// and strings are other's memory. It returns how many objects it
// replaced. The values of s do not change, only what they share: s and
// other must then be treated as ShallowClone treats its result, an
// object owned (Own) before anything it points to is changed.
//
// A plan holds two models of one schema, the files' and the database's;
// where most objects are equal (a plan of a few changes), sharing them
// halves what the second model holds, and the planner's comparisons of
// equal objects become pointer comparisons (DeepEqual stops at a slice
// shared by both sides).
//
// Of an object that differs, each list it holds (a table's columns, its
// indexes) that equals the other's is shared in the same way: a table
// the database prints with another spelling of one default still shares
// its indexes. The capacity of a list s now shares is cut to its length,
// so that appending to it in s copies it rather than writing into
// other's array (other's own appends stay past the length s sees).
//
// Objects are matched by their Key (or QualName where they have none);
// lists of objects without either are left alone.
func (s *DatabaseSchema) ShareEqual(other DatabaseSchema) int {
	shared := 0
	sv := reflect.ValueOf(s).Elem()
	ov := reflect.ValueOf(&other).Elem()
	for i := 0; i < sv.NumField(); i++ {
		dst, src := sv.Field(i), ov.Field(i)
		if dst.Kind() != reflect.Slice || dst.Len() == 0 || src.Len() == 0 {
			continue
		}
		key := objectKeyFunc(dst.Type().Elem())
		if key == nil {
			continue
		}
		byKey := make(map[any]int, src.Len())
		for j := 0; j < src.Len(); j++ {
			byKey[key(src.Index(j))] = j
		}
		for j := 0; j < dst.Len(); j++ {
			d := dst.Index(j)
			k, ok := byKey[key(d)]
			if !ok {
				continue
			}
			o := src.Index(k)
			if reflect.DeepEqual(d.Interface(), o.Interface()) {
				d.Set(o)
				clipSlices(d)
				shared++
				continue
			}
			shared += shareEqualFields(d, o)
		}
	}
	return shared
}

// objectKeyFunc returns how to key the elements of a model's list of
// objects of type t: by their Key, else their QualName; nil when they
// have neither.
func objectKeyFunc(t reflect.Type) func(reflect.Value) any {
	for _, name := range []string{"Key", "QualName"} {
		m, ok := t.MethodByName(name)
		if ok && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && m.Type.Out(0).Comparable() {
			return func(v reflect.Value) any { return v.Method(m.Index).Call(nil)[0].Interface() }
		}
	}
	return nil
}

// shareEqualFields sets every slice field of the struct d that is deeply
// equal to the same field of o to o's (its capacity cut to its length),
// and returns how many it set.
func shareEqualFields(d, o reflect.Value) int {
	if d.Kind() != reflect.Struct {
		return 0
	}
	n := 0
	for i := 0; i < d.NumField(); i++ {
		df, of := d.Field(i), o.Field(i)
		if df.Kind() != reflect.Slice || df.Len() == 0 || of.Len() != df.Len() || !df.CanSet() {
			continue
		}
		if reflect.DeepEqual(df.Interface(), of.Interface()) {
			df.Set(of.Slice3(0, of.Len(), of.Len()))
			n++
		}
	}
	return n
}

// clipSlices cuts the capacity of every slice field of the struct v to
// its length.
func clipSlices(v reflect.Value) {
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Slice && f.Cap() > f.Len() && f.CanSet() {
			f.Set(f.Slice3(0, f.Len(), f.Len()))
		}
	}
}
