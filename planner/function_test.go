package planner

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestReplaceable(t *testing.T) {
	base := state.Function{
		Schema: "public", Name: "f", Result: "integer",
		Args: []state.FunctionArg{
			{Mode: "in", Name: "a", Type: "integer"},
			{Mode: "in", Name: "b", Type: "text", Default: "'x'::text"},
		},
	}
	with := func(change func(*state.Function)) state.Function {
		f := base
		f.Args = append([]state.FunctionArg(nil), base.Args...)
		change(&f)
		return f
	}
	cases := []struct {
		name string
		nw   state.Function
		want bool
	}{
		{"body only", with(func(f *state.Function) { f.Body = "other" }), true},
		{"attributes", with(func(f *state.Function) { f.Volatility, f.Strict, f.Config = "stable", true, []string{"work_mem=1MB"} }), true},
		{"add a default", with(func(f *state.Function) { f.Args[0].Default = "1" }), true},
		{"change a default", with(func(f *state.Function) { f.Args[1].Default = "'y'::text" }), true},
		{"remove a default", with(func(f *state.Function) { f.Args[1].Default = "" }), false},
		{"rename an input", with(func(f *state.Function) { f.Args[0].Name = "z" }), false},
		{"return type", with(func(f *state.Function) { f.Result = "bigint" }), false},
		{"to procedure", with(func(f *state.Function) { f.Procedure, f.Result = true, "" }), false},
		{"window", with(func(f *state.Function) { f.Window = true }), false},
		{"add an OUT parameter", with(func(f *state.Function) {
			f.Args = append(f.Args, state.FunctionArg{Mode: "out", Name: "o", Type: "integer"})
		}), false},
	}
	for _, c := range cases {
		if got := replaceable(base, c.nw); got != c.want {
			t.Errorf("%s: replaceable = %v, want %v", c.name, got, c.want)
		}
	}
	// An unnamed input parameter may get a name in place.
	unnamed := with(func(f *state.Function) { f.Args[0].Name = "" })
	if !replaceable(unnamed, base) {
		t.Errorf("naming an unnamed parameter: want replaceable")
	}
}

func TestOrderRoutines(t *testing.T) {
	fn := func(name string, sqlBody bool, calls ...string) state.Function {
		f := state.Function{Schema: "public", Name: name, SQLBody: sqlBody}
		for _, c := range calls {
			f.DependsOn = append(f.DependsOn, state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: c})
		}
		return f
	}
	// a calls b calls c (SQL-standard bodies); x and y call each other
	// from string bodies, which impose no order.
	fs := []state.Function{fn("a", true, "b"), fn("b", true, "c"), fn("c", true), fn("x", false, "y"), fn("y", false, "x")}
	var got []string
	for _, f := range orderRoutines(fs, false) {
		got = append(got, f.Name)
	}
	want := []string{"c", "b", "a", "x", "y"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	drop := orderRoutines(fs, true)
	if drop[len(drop)-1].Name != "c" {
		t.Errorf("drop order %v: c must come after its callers", drop)
	}
}
