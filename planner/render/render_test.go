package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state"
)

// handPlan is a small plan built by hand, with awkward names: a table
// whose name holds a backtick and a pipe, a grant on an object no change
// lists, a step that runs outside the transaction.
func handPlan() *planner.Plan {
	odd := state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "we|rd`name"}
	col := state.ObjectKey{Kind: state.KindColumn, Schema: "public", Table: "we|rd`name", Name: "c"}
	typ := state.ObjectKey{Kind: state.KindType, Schema: "public", Name: "mood"}
	fn := state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: "f", Signature: "()"}
	return &planner.Plan{
		FormatVersion:     planner.FormatVersion,
		RenovateVersion:   "v1.0.0",
		RemoteFingerprint: strings.Repeat("ab", 32),
		GitCommit:         "0123456",
		Changes: []planner.ObjectChange{
			{Object: odd, Action: planner.ActionAlter, Old: "CREATE TABLE public.\"we|rd`name\" (\n    c integer\n);\n", New: "CREATE TABLE public.\"we|rd`name\" (\n    c bigint\n);\n"},
			{Object: typ, Action: planner.ActionAlter, Old: "CREATE TYPE public.mood AS ENUM ('a');\n", New: "CREATE TYPE public.mood AS ENUM ('a', 'b');\n"},
		},
		Steps: []planner.Step{
			{ID: 1, Object: col, Action: planner.ActionAlter, SQL: "ALTER TABLE public.\"we|rd`name\" ALTER COLUMN c TYPE bigint;\n", Transactional: true,
				Hazards: []planner.Hazard{{Kind: planner.HazardTableRewrite, Message: "Rewrites *everything* <now>."}}},
			{ID: 2, Object: fn, Action: planner.ActionAlter, SQL: "GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;\n", Transactional: true},
			{ID: 3, Object: typ, Action: planner.ActionAlter, SQL: "ALTER TYPE public.mood ADD VALUE 'b';\n", Transactional: false, DependsOn: []int{1},
				Hazards: []planner.Hazard{{Kind: planner.HazardNotTransactional, Message: "Runs after the transaction."}}},
		},
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		plan *planner.Plan
		want render.Counts
	}{
		{"empty", &planner.Plan{}, render.Counts{}},
		// The column step counts with its table, the grant on a function
		// no change lists counts once as an alter.
		{"hand plan", handPlan(), render.Counts{Alter: 3, Hazards: 2}},
		{"one object, many steps", &planner.Plan{
			Changes: []planner.ObjectChange{{Object: state.ObjectKey{Kind: state.KindTable, Schema: "s", Name: "t"}, Action: planner.ActionCreate}},
			Steps: []planner.Step{
				{ID: 1, Object: state.ObjectKey{Kind: state.KindTable, Schema: "s", Name: "t"}, Action: planner.ActionCreate},
				{ID: 2, Object: state.ObjectKey{Kind: state.KindIndex, Schema: "s", Table: "t", Name: "i"}, Action: planner.ActionCreate},
				{ID: 3, Object: state.ObjectKey{Kind: state.KindSequence, Schema: "s", Name: "q"}, Action: planner.ActionDrop,
					Hazards: []planner.Hazard{{Kind: planner.HazardDeletesData, Message: "m"}}},
			},
		}, render.Counts{Create: 1, Drop: 1, Hazards: 1}},
		// Steps read back from a plan file name no object: each counts.
		{"plan file", &planner.Plan{Steps: []planner.Step{
			{ID: 1, Action: planner.ActionCreate}, {ID: 2, Action: planner.ActionCreate}, {ID: 3, Action: planner.ActionDrop},
		}}, render.Counts{Create: 2, Drop: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render.Count(tt.plan); got != tt.want {
				t.Errorf("Count = %+v, want %+v", got, tt.want)
			}
		})
	}
	if got := (render.Counts{Create: 3, Alter: 2, Drop: 1, Hazards: 1}).String(); got != "Plan: 3 to create, 2 to alter, 1 to drop; 1 hazard." {
		t.Errorf("summary line = %q", got)
	}
}

func TestEmptyPlan(t *testing.T) {
	p := &planner.Plan{FormatVersion: planner.FormatVersion}
	tests := []struct {
		name string
		fn   func(*bytes.Buffer) error
		want string
	}{
		{"text", func(b *bytes.Buffer) error { return render.Text(b, p, render.TextOptions{Color: true}) }, "No changes. The database matches the schema files.\n"},
		{"sql", func(b *bytes.Buffer) error { return render.SQL(b, p) }, "-- No changes.\n"},
		{"markdown", func(b *bytes.Buffer) error { return render.Markdown(b, p) }, "**No changes.**"},
		{"json", func(b *bytes.Buffer) error { return render.JSON(b, p) }, `"steps": []`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.fn(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("got:\n%s\nwant it to contain %q", b.String(), tt.want)
			}
		})
	}
}

// TestSQLReadBack: what the SQL view writes, planfile reads back with the
// same header, statements, transactionality and hazards.
func TestSQLReadBack(t *testing.T) {
	p := handPlan()
	var b bytes.Buffer
	if err := render.SQL(&b, p); err != nil {
		t.Fatal(err)
	}
	got, err := planfile.Read("plan.sql", b.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.RenovateVersion != p.RenovateVersion || got.RemoteFingerprint != p.RemoteFingerprint || got.GitCommit != p.GitCommit {
		t.Errorf("header read back as %q %q %q", got.RenovateVersion, got.RemoteFingerprint, got.GitCommit)
	}
	if len(got.Steps) != len(p.Steps) {
		t.Fatalf("read %d steps, wrote %d:\n%s", len(got.Steps), len(p.Steps), b.String())
	}
	for i, s := range p.Steps {
		g := got.Steps[i]
		if g.SQL != s.SQL || g.Transactional != s.Transactional {
			t.Errorf("step %d read back as %q transactional=%v, wrote %q transactional=%v", s.ID, g.SQL, g.Transactional, s.SQL, s.Transactional)
		}
		for _, h := range s.Hazards {
			if !g.HasHazard(h.Kind) {
				t.Errorf("step %d lost hazard %s", s.ID, h.Kind)
			}
		}
	}
	// apply -p shows the plan read back, whose steps name no object.
	var text bytes.Buffer
	if err := render.Text(&text, got, render.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "\n  3. alter (runs outside the transaction)\n     hazard not_transactional:") ||
		!strings.HasPrefix(text.String(), "Plan: 0 to create, 3 to alter, 0 to drop; 2 hazards.") {
		t.Errorf("text view of a plan read back:\n%s", text.String())
	}
	if !strings.Contains(b.String(), render.NoTransactionMarker+"\nALTER TYPE public.mood ADD VALUE 'b';") {
		t.Errorf("the non-transactional step is not marked:\n%s", b.String())
	}
}

func TestMarkdownEscaping(t *testing.T) {
	var b bytes.Buffer
	if err := render.Markdown(&b, handPlan()); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		// A pipe in a table cell is escaped; a backtick in the name
		// gets a longer code span.
		"| 1 | ``column public.we\\|rd`name.c`` | `table_rewrite` | Rewrites \\*everything\\* &lt;now&gt;. |",
		// In HTML the name is escaped, not code-spanned.
		"<summary><b>alter</b> <code>table public.we|rd`name</code></summary>",
		"-- renovate:no-transaction\nALTER TYPE public.mood ADD VALUE 'b';",
		"| **Total** | **0** | **3** | **0** |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	// Hazards come before the per-object diffs and the statements.
	if h, c, s := strings.Index(md, "Hazards"), strings.Index(md, "<details>"), strings.Index(md, "```sql"); !(h < c && c < s) {
		t.Errorf("sections out of order (hazards %d, changes %d, statements %d)", h, c, s)
	}

	p := handPlan()
	p.Steps[0].SQL = "SELECT '```';\n"
	b.Reset()
	if err := render.Markdown(&b, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "````sql\n") {
		t.Errorf("a statement holding a code fence must get a longer fence:\n%s", b.String())
	}
}

func TestTextSteps(t *testing.T) {
	var b bytes.Buffer
	if err := render.Text(&b, handPlan(), render.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `
  3. alter type public.mood (runs outside the transaction)
     hazard not_transactional: Runs after the transaction.
     ALTER TYPE public.mood ADD VALUE 'b';
`
	if !strings.Contains(b.String(), want) {
		t.Errorf("text view lacks\n%s\nin:\n%s", want, b.String())
	}
	if !strings.HasPrefix(b.String(), "Plan: 0 to create, 3 to alter, 0 to drop; 2 hazards.\n") {
		t.Errorf("the text view starts with the summary line:\n%s", b.String())
	}
	if strings.Contains(b.String(), "\x1b[") {
		t.Errorf("colour without Color")
	}
}

// TestJSONKeepsPlanTags: the JSON view is the Plan's own JSON plus the
// summary, so tools reading planner.Plan's JSON read the view too.
func TestJSONKeepsPlanTags(t *testing.T) {
	p := handPlan()
	var b bytes.Buffer
	if err := render.JSON(&b, p); err != nil {
		t.Fatal(err)
	}
	var back planner.Plan
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	direct, _ := json.Marshal(p)
	again, _ := json.Marshal(&back)
	if string(direct) != string(again) {
		t.Errorf("JSON view does not round-trip planner.Plan:\n%s\n%s", direct, again)
	}
	if !strings.Contains(b.String(), `"depends_on": [`) || !strings.Contains(b.String(), "<now>") {
		t.Errorf("JSON view:\n%s", b.String())
	}
}
