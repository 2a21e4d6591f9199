package parsecache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
)

// The codec writes a value of the model as bytes and reads it back
// exactly: unlike encoding/gob it keeps a nil slice or map apart from an
// empty one (the model gives them different meanings, as PostgreSQL does
// a NULL ACL and an empty one) and zero values apart from missing ones.
// It reads and writes exported fields only; a value it cannot write
// faithfully (an unexported field, an interface, a func or a channel) is
// an error, and the result is then simply not cached.
//
// The format follows the Go type, which the cache key pins (the build's
// hash): no field names or type descriptions are stored.
//
// A model repeats its short strings (names, types, and the file path of
// every location), so each short string is written once: uvarint(2n)
// followed by its n bytes the first time, uvarint(2i+1) after that, i
// being its index among the short strings written so far. The model read
// back then shares one copy of each, as the parser's does, and reading
// it needs no map: a reference is an index into a slice.

var errUnsupported = errors.New("parse cache: value not encodable")

type encoder struct {
	buf []byte
	// strs numbers the short strings written (see the top of the file).
	strs map[string]uint64
	// defs is set when writing a file's definitions (items.go), nil when
	// writing a model.
	defs *defsCodec
}

// maxInterned is the longest string written once and referred to after:
// longer ones (bodies, definitions) rarely repeat. The empty string is
// always written as is.
const maxInterned = 64

func (e *encoder) uvarint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }
func (e *encoder) varint(i int64)   { e.buf = binary.AppendVarint(e.buf, i) }

// length writes -1 for nil, else n.
func (e *encoder) length(isNil bool, n int) {
	if isNil {
		e.varint(-1)
		return
	}
	e.varint(int64(n))
}

func (e *encoder) value(v reflect.Value) error {
	if v.Type() == locationsType {
		return e.locations(v.Interface().(*parser.Locations))
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.varint(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.uvarint(math.Float64bits(v.Float()))
	case reflect.String:
		s := v.String()
		if interned(len(s)) {
			if i, ok := e.strs[s]; ok {
				e.uvarint(2*i + 1)
				return nil
			}
			e.strs[s] = uint64(len(e.strs))
		}
		e.uvarint(2 * uint64(len(s)))
		e.buf = append(e.buf, s...)
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		if e.defs != nil {
			return e.defs.pointer(e, v)
		}
		e.buf = append(e.buf, 1)
		return e.value(v.Elem())
	case reflect.Interface:
		if e.defs == nil {
			return fmt.Errorf("%w: %s", errUnsupported, v.Type())
		}
		return e.defs.iface(e, v)
	case reflect.Slice:
		e.length(v.IsNil(), v.Len())
		if v.Type().Elem().Kind() == reflect.Uint8 {
			e.buf = append(e.buf, v.Bytes()...)
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		e.length(v.IsNil(), v.Len())
		it := v.MapRange()
		for it.Next() {
			if err := e.value(it.Key()); err != nil {
				return err
			}
			if err := e.value(it.Value()); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if e.defs == nil && !t.Field(i).IsExported() {
				return fmt.Errorf("%w: unexported field %s.%s", errUnsupported, t, t.Field(i).Name)
			}
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("%w: %s", errUnsupported, v.Type())
	}
	return nil
}

type decoder struct {
	buf []byte
	err error
	// strs are the short strings read so far, in order: what the
	// references that follow them point at.
	strs []string
	// nstrs counts the short strings skip passed over.
	nstrs int
	// defs is set when reading a file's definitions (items.go).
	defs *defsCodec
}

var errCorrupt = errors.New("parse cache: payload does not decode")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
}

func (d *decoder) uvarint() uint64 {
	u, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail()
		d.buf = nil
		return 0
	}
	d.buf = d.buf[n:]
	return u
}

func (d *decoder) varint() int64 {
	i, n := binary.Varint(d.buf)
	if n <= 0 {
		d.fail()
		d.buf = nil
		return 0
	}
	d.buf = d.buf[n:]
	return i
}

func (d *decoder) byte() byte {
	if len(d.buf) == 0 {
		d.fail()
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

// length reads a length written by encoder.length; -1 is nil. A length
// longer than what is left is corruption.
func (d *decoder) length() (int, bool) {
	n := d.varint()
	if n < -1 || n > int64(len(d.buf)) {
		d.fail()
		return 0, true
	}
	return int(n), n == -1
}

// flag reads a bool, or the mark before a pointer's target: 0 or 1.
func (d *decoder) flag() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

// int reads a signed integer that must fit in type t.
func (d *decoder) int(t reflect.Type) (int64, bool) {
	i := d.varint()
	if s := 64 - t.Bits(); i<<s>>s != i {
		d.fail()
		return 0, false
	}
	return i, d.err == nil
}

// uint reads an unsigned integer that must fit in type t.
func (d *decoder) uint(t reflect.Type) (uint64, bool) {
	u := d.uvarint()
	if s := 64 - t.Bits(); u<<s>>s != u {
		d.fail()
		return 0, false
	}
	return u, d.err == nil
}

// str reads a string: a reference to the i-th short string written
// before (known of them so far), or the bytes b of one written here (not
// copied; interned says whether it is a short one, which later references
// count).
func (d *decoder) str(known int) (i int, b []byte, isRef bool) {
	x := d.uvarint()
	if x&1 == 1 {
		if x>>1 >= uint64(known) {
			d.fail()
			return 0, nil, false
		}
		return int(x >> 1), nil, true
	}
	n := x >> 1
	if n > uint64(len(d.buf)) {
		d.fail()
		return 0, nil, false
	}
	b = d.buf[:n]
	d.buf = d.buf[n:]
	return 0, b, false
}

// interned says whether a string of n bytes is a short one (see the top of
// the file).
func interned(n int) bool { return n > 0 && n <= maxInterned }

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	if v.Type() == locationsType {
		d.locations(v)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(d.flag())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, ok := d.int(v.Type()); ok {
			v.SetInt(i)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u, ok := d.uint(v.Type()); ok {
			v.SetUint(u)
		}
	case reflect.Float32, reflect.Float64:
		v.SetFloat(math.Float64frombits(d.uvarint()))
	case reflect.String:
		i, b, isRef := d.str(len(d.strs))
		switch {
		case d.err != nil:
		case isRef:
			v.SetString(d.strs[i])
		default:
			str := string(b)
			if interned(len(b)) {
				d.strs = append(d.strs, str)
			}
			v.SetString(str)
		}
	case reflect.Pointer:
		if d.defs != nil && v.Type().Implements(protoMessageType) {
			d.defs.readMessage(d, v)
			return
		}
		if d.flag() {
			p := reflect.New(v.Type().Elem())
			d.value(p.Elem())
			v.Set(p)
		}
	case reflect.Interface:
		if d.defs == nil {
			d.fail()
			return
		}
		d.defs.readIface(d, v)
	case reflect.Slice:
		n, isNil := d.length()
		if isNil || d.err != nil {
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, n)
			copy(b, d.buf[:n])
			d.buf = d.buf[n:]
			v.SetBytes(b)
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n && d.err == nil; i++ {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len() && d.err == nil; i++ {
			d.value(v.Index(i))
		}
	case reflect.Map:
		n, isNil := d.length()
		if isNil || d.err != nil {
			return
		}
		t := v.Type()
		m := reflect.MakeMapWithSize(t, n)
		for i := 0; i < n && d.err == nil; i++ {
			k := reflect.New(t.Key()).Elem()
			d.value(k)
			e := reflect.New(t.Elem()).Elem()
			d.value(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField() && d.err == nil; i++ {
			f := v.Field(i)
			if !f.CanSet() { // an unexported field
				if d.defs == nil {
					d.fail()
					return
				}
				f = settable(f)
			}
			d.value(f)
		}
	default:
		d.fail()
	}
}

// encode writes x (a pointer's target) as bytes.
func encode(x any) ([]byte, error) {
	e := &encoder{strs: map[string]uint64{}}
	if err := e.value(reflect.ValueOf(x).Elem()); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// decode reads bytes written by encode into x, a pointer; every byte
// must be used.
func decode(b []byte, x any) error {
	d := &decoder{buf: b}
	d.value(reflect.ValueOf(x).Elem())
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	return d.err
}

// A result's locations (*parser.Locations) are written in two parts: the
// kinds parser.Deferred rejects as a map, and the others as one byte
// string of their own encoding (its own short strings), which a result
// read back keeps and decodes only when one of them is asked for. Reading
// an entry walks that string once without building anything
// (decoder.skip), so it can no longer fail when it is decoded.
var (
	locationsType = reflect.TypeFor[*parser.Locations]()
	locationMap   = reflect.TypeFor[map[state.ObjectKey]parser.Location]()
)

func (e *encoder) locations(l *parser.Locations) error {
	if l == nil {
		e.buf = append(e.buf, 0)
		return nil
	}
	e.buf = append(e.buf, 1)
	held, deferred := l.Split()
	if err := e.value(reflect.ValueOf(held)); err != nil {
		return err
	}
	b, err := encode(&deferred)
	if err != nil {
		return err
	}
	e.length(false, len(b))
	e.buf = append(e.buf, b...)
	return nil
}

func (d *decoder) locations(v reflect.Value) {
	switch d.byte() {
	case 0:
		return
	case 1:
	default:
		d.fail()
		return
	}
	var held map[state.ObjectKey]parser.Location
	d.value(reflect.ValueOf(&held).Elem())
	n, isNil := d.length()
	if d.err != nil || isNil {
		d.fail()
		return
	}
	b := make([]byte, n)
	copy(b, d.buf[:n])
	d.buf = d.buf[n:]
	check := &decoder{buf: b}
	check.skip(locationMap)
	if check.err != nil || len(check.buf) != 0 {
		d.fail()
		return
	}
	if n, _ := binary.Varint(b); n == 0 {
		v.Set(reflect.ValueOf(parser.NewLocations(held)))
		return
	}
	load := func() map[state.ObjectKey]parser.Location {
		var m map[state.ObjectKey]parser.Location
		if err := decode(b, &m); err != nil {
			// skip walked these very bytes when the entry was read.
			panic(fmt.Sprintf("parse cache: locations that were checked do not decode: %v", err))
		}
		return m
	}
	v.Set(reflect.ValueOf(parser.NewDeferredLocations(held, load)))
}

// skip reads past a value of type t as value would, building nothing: it
// fails where value would. Short strings are only counted.
func (d *decoder) skip(t reflect.Type) {
	if d.err != nil {
		return
	}
	if t == locationsType {
		// Never nested in the deferred locations.
		d.fail()
		return
	}
	switch t.Kind() {
	case reflect.Bool:
		d.flag()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.int(t)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.uint(t)
	case reflect.Float32, reflect.Float64:
		d.uvarint()
	case reflect.String:
		if _, b, isRef := d.str(d.nstrs); d.err == nil && !isRef && interned(len(b)) {
			d.nstrs++
		}
	case reflect.Pointer:
		if d.flag() {
			d.skip(t.Elem())
		}
	case reflect.Slice:
		n, isNil := d.length()
		if isNil || d.err != nil {
			return
		}
		if t.Elem().Kind() == reflect.Uint8 {
			d.buf = d.buf[n:]
			return
		}
		for i := 0; i < n && d.err == nil; i++ {
			d.skip(t.Elem())
		}
	case reflect.Array:
		for i := 0; i < t.Len() && d.err == nil; i++ {
			d.skip(t.Elem())
		}
	case reflect.Map:
		n, isNil := d.length()
		if isNil || d.err != nil {
			return
		}
		for i := 0; i < n && d.err == nil; i++ {
			d.skip(t.Key())
			d.skip(t.Elem())
		}
	case reflect.Struct:
		for i := 0; i < t.NumField() && d.err == nil; i++ {
			if !t.Field(i).IsExported() {
				d.fail()
				return
			}
			d.skip(t.Field(i).Type)
		}
	default:
		d.fail()
	}
}
