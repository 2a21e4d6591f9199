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
	want := s.Clone()
	typeRenamer(from, to).rewrite(&want)
	for i := range want.Types {
		if want.Types[i].QualName() == from {
			want.Types[i].Name = to.Name
		}
	}
	want.Normalize()
	if !reflect.DeepEqual(got.Clone(), want.Clone()) {
		gf, wf := layout.Files(got), layout.Files(want)
		for p := range wf {
			if gf[p] != wf[p] {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", p, gf[p], wf[p])
			}
		}
		t.Fatal("the copy-on-write rename differs from a rewrite of a deep copy")
	}
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
	renameTypeInPlace(&got, state.QualName{Schema: "app", Name: "level"}, state.QualName{Schema: "app", Name: "level__renovate_old"})
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
