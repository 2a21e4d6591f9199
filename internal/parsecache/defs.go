package parsecache

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/parser"
)

// A file's definitions (parser.FileParse.Items) are written by the same
// codec as a model, with three more things a model never holds:
//
//   - unexported fields: the parser's definitions are its own types. The
//     codec reaches them through package unsafe (reflect.NewAt), reading
//     and setting exactly the fields reflect lists, nothing else;
//   - interfaces: the definitions list is a []any. Each value is written
//     as its type's index in parser.ItemTypes (plus one; 0 is nil), then
//     the value; a type not listed cannot be written;
//   - parse trees (a CREATE INDEX keeps its statement): protocol buffer
//     messages, written as their deterministic wire encoding.
//
// Pointers are written as values, so two pointers to one value would be
// read back as two values: the writer refuses a pointer it has met
// before, and such a file is simply parsed every time.

var protoMessageType = reflect.TypeFor[proto.Message]()

// defTypes numbers parser.ItemTypes.
type defTypes struct {
	list  []reflect.Type
	index map[reflect.Type]int
	// encoders are encoders kept for the next file: the maps they grew
	// for one file serve the next.
	encoders sync.Pool
}

func newDefTypes() *defTypes {
	t := &defTypes{list: parser.ItemTypes(), index: map[reflect.Type]int{}}
	for i, x := range t.list {
		t.index[x] = i
	}
	return t
}

// defsCodec is the state of writing or reading one file's definitions.
type defsCodec struct {
	types *defTypes
	// seen are the pointers written so far (writing only).
	seen map[uintptr]bool
}

// defsPayload is what a file's definitions are written as.
type defsPayload struct {
	Items []any
}

func encodeDefs(types *defTypes, items []any) ([]byte, error) {
	e, _ := types.encoders.Get().(*encoder)
	if e == nil {
		e = &encoder{strs: map[string]uint64{}, defs: &defsCodec{seen: map[uintptr]bool{}}}
	}
	defer types.encoders.Put(e)
	e.buf = e.buf[:0]
	clear(e.strs)
	clear(e.defs.seen)
	e.defs.types = types
	p := defsPayload{Items: items}
	if err := e.value(reflect.ValueOf(&p).Elem()); err != nil {
		return nil, err
	}
	return bytes.Clone(e.buf), nil
}

func decodeDefs(types *defTypes, b []byte) ([]any, error) {
	d := &decoder{buf: b, defs: &defsCodec{types: types}}
	var p defsPayload
	d.value(reflect.ValueOf(&p).Elem())
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	return p.Items, d.err
}

// settable is v, a field reflect will not let the codec set because it
// is unexported, made settable. v must be addressable: the codec only
// reads into values it allocated.
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// pointer writes v, a non-nil pointer.
func (c *defsCodec) pointer(e *encoder, v reflect.Value) error {
	if v.Type().Implements(protoMessageType) {
		return c.message(e, v)
	}
	p := v.Pointer()
	if c.seen[p] {
		return fmt.Errorf("%w: a %s met twice", errUnsupported, v.Type())
	}
	c.seen[p] = true
	e.buf = append(e.buf, 1)
	return e.value(v.Elem())
}

func (c *defsCodec) message(e *encoder, v reflect.Value) error {
	if !v.CanInterface() {
		if !v.CanAddr() {
			return fmt.Errorf("%w: %s out of reach", errUnsupported, v.Type())
		}
		v = settable(v)
	}
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(v.Interface().(proto.Message))
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errUnsupported, v.Type(), err)
	}
	e.buf = append(e.buf, 1)
	e.length(false, len(b))
	e.buf = append(e.buf, b...)
	return nil
}

func (c *defsCodec) readMessage(d *decoder, v reflect.Value) {
	if !d.flag() {
		return
	}
	n, isNil := d.length()
	if d.err != nil || isNil || n > len(d.buf) {
		d.fail()
		return
	}
	m := reflect.New(v.Type().Elem())
	if err := proto.Unmarshal(d.buf[:n], m.Interface().(proto.Message)); err != nil {
		d.fail()
		return
	}
	d.buf = d.buf[n:]
	v.Set(m)
}

// iface writes an interface's value: its type's number, then the value.
func (c *defsCodec) iface(e *encoder, v reflect.Value) error {
	if v.IsNil() {
		e.uvarint(0)
		return nil
	}
	x := v.Elem()
	i, ok := c.types.index[x.Type()]
	if !ok {
		return fmt.Errorf("%w: %s is not a listed definition type", errUnsupported, x.Type())
	}
	e.uvarint(uint64(i) + 1)
	return e.value(x)
}

func (c *defsCodec) readIface(d *decoder, v reflect.Value) {
	i := d.uvarint()
	if d.err != nil || i == 0 {
		return
	}
	if i > uint64(len(c.types.list)) {
		d.fail()
		return
	}
	x := reflect.New(c.types.list[i-1]).Elem()
	d.value(x)
	v.Set(x)
}
