package planner

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestRebuiltTypeConversion: recreating a type that columns use converts
// their values through text; a lossy conversion of the base type (or an
// attribute) makes it deletes_data, not just cast_may_fail.
func TestRebuiltTypeConversion(t *testing.T) {
	model := func(ty state.Type) state.DatabaseSchema {
		return state.DatabaseSchema{
			Schemas: []state.Schema{{Name: "public"}},
			Types:   []state.Type{ty},
			Tables: []state.Table{{Schema: "public", Name: "t", Columns: []state.Column{
				{Name: "c", Type: "public.d"}}}},
		}
	}
	domain := func(base string) state.Type {
		return state.Type{Schema: "public", Name: "d", Kind: state.TypeDomain, TypeDetails: state.TypeDetails{BaseType: base}}
	}
	composite := func(typ string) state.Type {
		return state.Type{Schema: "public", Name: "d", Kind: state.TypeComposite, TypeDetails: state.TypeDetails{
			Attributes: []state.Attribute{{Name: "a", Type: "integer"}, {Name: "at", Type: typ}}}}
	}
	tests := []struct {
		name     string
		old, new state.Type
		loss     bool
	}{
		{"domain timestamp to date", domain("timestamp without time zone"), domain("date"), true},
		{"domain integer to bigint", domain("integer"), domain("bigint"), false},
		{"composite attribute timestamp to date", composite("timestamp without time zone"), composite("date"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Diff(model(tt.old), model(tt.new))
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, s := range p.Steps {
				got = got || s.HasHazard(HazardDeletesData)
			}
			if got != tt.loss {
				t.Errorf("deletes_data = %v, want %v; steps: %+v", got, tt.loss, p.Steps)
			}
		})
	}
}
