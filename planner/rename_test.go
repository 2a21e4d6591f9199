package planner

import (
	"reflect"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
)

// TestRenameTypeInModelCopiesOnWrite checks the copy-on-write rename of a
// type the planner makes when it rebuilds one: every mention of the type
// is renamed, exactly as a rewrite of a whole deep copy renames it; the
// model renamed from is left as it was; and objects that do not mention
// the type are shared with it, not copied.
func TestRenameTypeInModelCopiesOnWrite(t *testing.T) {
	s := parseSchema(t, `
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app.level AS ENUM ('low', 'high');
CREATE TYPE app.pair AS (m app.mood, note text);
CREATE DOMAIN app.good_mood AS app.mood CHECK (VALUE <> 'sad'::app.mood);
CREATE TABLE app.people (
    id int PRIMARY KEY,
    mood app.mood NOT NULL DEFAULT 'ok'::app.mood,
    past app.mood[],
    lvl app.level,
    CONSTRAINT not_sad CHECK (mood <> 'sad'::app.mood)
);
CREATE INDEX people_happy ON app.people (id) WHERE mood = 'happy'::app.mood;
CREATE TABLE app.pairs OF app.pair;
CREATE TABLE app.plain (id int PRIMARY KEY, name text, lvl app.level DEFAULT 'low'::app.level);
CREATE VIEW app.happy AS SELECT id FROM app.people WHERE mood = 'happy'::app.mood;
CREATE FUNCTION app.cheer(m app.mood) RETURNS app.mood LANGUAGE sql AS $$ SELECT m $$;
CREATE FUNCTION app.plus(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;
`)
	s.Normalize()
	given := s.Clone()
	from := state.QualName{Schema: "app", Name: "mood"}
	to := state.QualName{Schema: "app", Name: "mood__renovate_old"}

	got := renameTypeInModel(s, from, to)

	if !reflect.DeepEqual(s.Clone(), given) {
		t.Fatal("renameTypeInModel changed the model it renamed from")
	}
	// The reference: the same rewrite of a whole deep copy.
	want := renameInDeepCopy(s, from, to)
	sameModel(t, got, want, "the copy-on-write rename differs from a rewrite of a deep copy")
	all := strings.Join(filesOf(got), "\n")
	if strings.Contains(strings.ReplaceAll(all, "app.mood__renovate_old", ""), "app.mood") {
		t.Errorf("app.mood still named after the rename:\n%s", all)
	}
	for _, q := range []string{"people", "pairs", "plain"} {
		old, _ := s.Table(state.QualName{Schema: "app", Name: q})
		nw, _ := got.Table(state.QualName{Schema: "app", Name: q})
		shared := &old.Columns[0] == &nw.Columns[0]
		if mentions := q != "plain"; shared == mentions {
			t.Errorf("table app.%s: columns shared %v, want %v", q, shared, !mentions)
		}
	}

	// A second rename on the renamed model (what the planner does for the
	// next rebuilt type) leaves both earlier models as they were.
	gotOnce := got.Clone()
	got = renameTypeInModel(got, state.QualName{Schema: "app", Name: "level"}, state.QualName{Schema: "app", Name: "level__renovate_old"})
	if !reflect.DeepEqual(s.Clone(), given) {
		t.Fatal("the second rename changed the first model")
	}
	plain, _ := got.Table(state.QualName{Schema: "app", Name: "plain"})
	if c, _ := plain.Column("lvl"); c.Type != "app.level__renovate_old" {
		t.Errorf("app.plain.lvl after the second rename: %q", c.Type)
	}
	if reflect.DeepEqual(got.Clone(), gotOnce) {
		t.Error("the second rename changed nothing")
	}
}

// filesOf lists the canonical files of s.
func filesOf(s state.DatabaseSchema) []string {
	var out []string
	for _, sql := range layout.Files(s) {
		out = append(out, sql)
	}
	return out
}

// TestTypeRenamesEqualRenamesOneByOne checks the batch of renames a plan
// makes when it recreates several types (typeRenames): types renamed at
// once, every other object in one pass at the end, with the same result
// as renaming the whole model once per type, in order; the model renamed
// from is left as it was. Names that are prefixes of one another, quoted
// names holding dots and a second schema are among them.
func TestTypeRenamesEqualRenamesOneByOne(t *testing.T) {
	s := parseSchema(t, `
CREATE SCHEMA app;
CREATE SCHEMA "x.y";
CREATE TYPE app.mood AS ENUM ('sad', 'ok');
CREATE TYPE app.mood_x AS ENUM ('a', 'b');
CREATE TYPE app."mo.od" AS ENUM ('c');
CREATE TYPE "x.y".mood AS ENUM ('d');
CREATE DOMAIN app.good AS app.mood CHECK (VALUE <> 'sad'::app.mood);
CREATE TABLE app.t (
    a app.mood DEFAULT 'ok'::app.mood,
    b app.mood_x[] DEFAULT ARRAY['a'::app.mood_x],
    c app."mo.od",
    d "x.y".mood DEFAULT 'd'::"x.y".mood,
    e app.good,
    CONSTRAINT mixed CHECK (a <> 'sad'::app.mood OR b IS NULL OR c = 'c'::app."mo.od" OR d = 'd'::"x.y".mood)
);
CREATE VIEW app.v AS SELECT a, b, c, d FROM app.t WHERE a = 'ok'::app.mood AND d = 'd'::"x.y".mood;
CREATE FUNCTION app.f(m app.mood, n "x.y".mood) RETURNS app.mood_x LANGUAGE sql AS $$ SELECT 'a'::app.mood_x $$;
`)
	s.Normalize()
	given := s.Clone()
	renames := [][2]state.QualName{
		{{Schema: "app", Name: "mood_x"}, {Schema: "app", Name: "mood_x__renovate_old"}},
		{{Schema: "x.y", Name: "mood"}, {Schema: "x.y", Name: "mood__renovate_old"}},
		{{Schema: "app", Name: "mood"}, {Schema: "app", Name: "mood__renovate_old"}},
		{{Schema: "app", Name: "mo.od"}, {Schema: "app", Name: "mo.od__renovate_old"}},
	}
	want := s
	for _, r := range renames {
		want = renameInDeepCopy(want, r[0], r[1])
	}
	got := s
	var rs typeRenames
	for _, r := range renames {
		rs.rename(&got, r[0], r[1])
	}
	rs.apply(&got)
	if !reflect.DeepEqual(s.Clone(), given) {
		t.Fatal("typeRenames changed the model it renamed from")
	}
	sameModel(t, got, want, "the batch of renames differs from renaming one type at a time")
	if reflect.DeepEqual(got.Clone(), given) {
		t.Fatal("the renames changed nothing")
	}
	all := strings.Join(filesOf(got), "\n")
	for _, renamed := range []string{"::app.mood__renovate_old", "app.mood_x__renovate_old[]", `app."mo.od__renovate_old"`, `"x.y".mood__renovate_old`} {
		if !strings.Contains(all, renamed) {
			t.Errorf("%s not in the renamed model:\n%s", renamed, all)
		}
	}
	for _, gone := range []string{"::app.mood ", "::app.mood)", "::app.mood_x]", `app."mo.od"`, `"x.y".mood `, `"x.y".mood)`} {
		if strings.Contains(all, gone) {
			t.Errorf("%s still in the renamed model:\n%s", gone, all)
		}
	}
}

// sameModel fails with what, showing the files that differ, unless got
// and want are the same model.
func sameModel(t *testing.T, got, want state.DatabaseSchema, what string) {
	t.Helper()
	if reflect.DeepEqual(got.Clone(), want.Clone()) {
		return
	}
	gf, wf := layout.Files(got), layout.Files(want)
	for p := range wf {
		if gf[p] != wf[p] {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", p, gf[p], wf[p])
		}
	}
	t.Fatal(what)
}

// renameInDeepCopy is the reference rename: the type's rewrite applied to
// every object of a deep copy of s.
func renameInDeepCopy(s state.DatabaseSchema, from, to state.QualName) state.DatabaseSchema {
	out := s.Clone()
	typeRenamer(from, to).rewrite(&out)
	for i := range out.Types {
		if out.Types[i].QualName() == from {
			out.Types[i].Name = to.Name
		}
	}
	out.Normalize()
	return out
}
