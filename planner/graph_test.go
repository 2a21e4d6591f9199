package planner

import (
	"errors"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestTopoOrder(t *testing.T) {
	v := func(n string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindView, Schema: "public", Name: n}
	}
	tests := []struct {
		name string
		keys []state.ObjectKey
		deps map[state.ObjectKey][]state.ObjectKey
		want []string
		err  bool
	}{
		{"independent keys sorted", []state.ObjectKey{v("b"), v("a")}, nil, []string{"a", "b"}, false},
		{"chain", []state.ObjectKey{v("a"), v("b"), v("c")}, map[state.ObjectKey][]state.ObjectKey{v("a"): {v("b")}, v("b"): {v("c")}}, []string{"c", "b", "a"}, false},
		{"outside deps ignored", []state.ObjectKey{v("a")}, map[state.ObjectKey][]state.ObjectKey{v("a"): {v("zz")}}, []string{"a"}, false},
		{"cycle", []state.ObjectKey{v("a"), v("b")}, map[state.ObjectKey][]state.ObjectKey{v("a"): {v("b")}, v("b"): {v("a")}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := topoOrder(tt.keys, tt.deps)
			var ce *CycleError
			if tt.err != errors.As(err, &ce) {
				t.Fatalf("err = %v", err)
			}
			if tt.err {
				return
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v", got)
			}
			for i, k := range got {
				if k.Name != tt.want[i] {
					t.Errorf("position %d: got %s, want %s", i, k.Name, tt.want[i])
				}
			}
		})
	}
}
