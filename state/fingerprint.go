package state

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// writeJSON writes to w exactly the bytes json.Marshal(s) returns, one
// element of each collection at a time: a fingerprint of a 5,000-table
// schema then never holds the whole document (tens of MB, and twice that
// while its buffer grows) in memory at once.
func (s *DatabaseSchema) writeJSON(w io.Writer) error {
	v := reflect.ValueOf(s).Elem()
	t := v.Type()
	if _, err := io.WriteString(w, "{"); err != nil {
		return err
	}
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		omitEmpty := false
		for _, o := range strings.Split(opts, ",") {
			omitEmpty = omitEmpty || o == "omitempty"
		}
		if omitEmpty && isEmptyValue(fv) {
			continue
		}
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		sep := ","
		if first {
			sep = ""
		}
		first = false
		if _, err := fmt.Fprintf(w, "%s%s:", sep, key); err != nil {
			return err
		}
		if fv.Kind() != reflect.Slice || fv.IsNil() {
			b, err := json.Marshal(fv.Addr().Interface())
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
			continue
		}
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
		for j := 0; j < fv.Len(); j++ {
			if j > 0 {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			// The element's address: a method on the pointer is used, as
			// json.Marshal does for the addressable elements of a slice.
			b, err := json.Marshal(fv.Index(j).Addr().Interface())
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "]"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "}")
	return err
}

// isEmptyValue is encoding/json's test for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
