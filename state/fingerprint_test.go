package state

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"testing"
)

// fill sets every field reachable from v to a value derived from seed:
// strings, numbers and bools non-zero, slices of two elements, maps of
// one entry, so that every field of the model takes part in the JSON.
func fill(v reflect.Value, seed *int, depth int) {
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString("x<&>\"é" + string(rune('a'+*seed%26)))
	case reflect.Bool:
		v.SetBool(*seed%2 == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*seed % 100))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*seed % 100))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*seed) / 4)
	case reflect.Pointer:
		if depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed, depth+1)
	case reflect.Slice:
		if depth > 4 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(v.Index(i), seed, depth+1)
		}
	case reflect.Map:
		if depth > 4 {
			return
		}
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		fill(k, seed, depth+1)
		fill(e, seed, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed, depth+1)
			}
		}
	}
}

// TestWriteJSONIsMarshal: the streamed JSON the fingerprint hashes is
// byte for byte json.Marshal's, for a model with every field set, for the
// empty model and for one with only some collections, so fingerprints
// recorded in saved plans stay valid.
func TestWriteJSONIsMarshal(t *testing.T) {
	var full DatabaseSchema
	seed := 0
	fill(reflect.ValueOf(&full).Elem(), &seed, 0)
	if len(full.Tables) == 0 || len(full.Tables[0].Columns) == 0 {
		t.Fatal("fill left the tables empty")
	}
	partial := DatabaseSchema{Tables: full.Tables, Owners: full.Owners, Schemas: []Schema{}}
	for name, s := range map[string]DatabaseSchema{"full": full, "empty": {}, "partial": partial} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := s.writeJSON(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: streamed JSON differs from json.Marshal:\n got %.300s\nwant %.300s", name, got.Bytes(), want)
		}
	}
	// And the fingerprint is the hash of that JSON (the model sorted).
	s := DatabaseSchema{Schemas: []Schema{{Name: "a"}, {Name: "b"}}, Tables: []Table{{Schema: "a", Name: "t"}}}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if got, want := s.Fingerprint(), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("Fingerprint = %s, want the SHA-256 of json.Marshal: %s", got, want)
	}
}

// fillEmpty is fill, but gives every slice and map no elements (non-nil),
// to check the nil-versus-empty rule of omitempty.
func fillEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillEmpty(v.Field(i))
			}
		}
	}
}

// jsonClone is how Clone used to copy: a JSON round trip.
func jsonClone(t *testing.T, s DatabaseSchema) DatabaseSchema {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var c DatabaseSchema
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	c.CatalogDepends = append([]CatalogDepend(nil), s.CatalogDepends...)
	return c
}

// TestCloneIsJSONRoundTrip: Clone gives exactly the value the JSON round
// trip it replaced gave (nil and empty collections included), and shares
// nothing mutable with the original.
func TestCloneIsJSONRoundTrip(t *testing.T) {
	var full DatabaseSchema
	seed := 0
	fill(reflect.ValueOf(&full).Elem(), &seed, 0)
	var empty DatabaseSchema
	fillEmpty(reflect.ValueOf(&empty).Elem())
	mixed := full
	mixed.Tables = append([]Table(nil), full.Tables...)
	fillEmpty(reflect.ValueOf(&mixed.Tables[1]).Elem())
	for name, s := range map[string]DatabaseSchema{"full": full, "empty collections": empty, "zero": {}, "mixed": mixed} {
		got, want := s.Clone(), jsonClone(t, s)
		if !reflect.DeepEqual(got, want) {
			gb, _ := json.Marshal(got)
			wb, _ := json.Marshal(want)
			t.Errorf("%s: Clone differs from the JSON round trip:\n got %.400s\nwant %.400s", name, gb, wb)
		}
	}
	c := full.Clone()
	c.Tables[0].Columns[0].Name = "changed"
	c.Tables[0].Privileges = append(c.Tables[0].Privileges[:0], Privilege{Grantee: "other"})
	for k := range c.Views[0].ColumnComments {
		c.Views[0].ColumnComments[k] = "changed"
	}
	if full.Tables[0].Columns[0].Name == "changed" || full.Tables[0].Privileges[0].Grantee == "other" {
		t.Error("changing the clone's tables changed the original")
	}
	for _, v := range full.Views[0].ColumnComments {
		if v == "changed" {
			t.Error("changing the clone's map changed the original")
		}
	}
}
