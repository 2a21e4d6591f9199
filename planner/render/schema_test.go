package render_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaPath = "../../docs/plan.schema.json"

// compileSchema compiles docs/plan.schema.json with a real JSON Schema
// (2020-12) validator.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(readFile(t, schemaPath))))
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("plan.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("plan.schema.json")
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaPath, err)
	}
	return s
}

// validationError returns why doc does not satisfy the schema, or nil.
func validationError(s *jsonschema.Schema, doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return s.Validate(inst)
}

func validate(t *testing.T, s *jsonschema.Schema, name string, doc []byte) {
	t.Helper()
	if err := validationError(s, doc); err != nil {
		t.Errorf("%s does not satisfy %s (update the schema with the plan's new fields):\n%v\n%s", name, schemaPath, err, doc)
	}
}

// TestJSONSchema_GoldenFiles validates every checked-in golden JSON plan.
func TestJSONSchema_GoldenFiles(t *testing.T) {
	s := compileSchema(t)
	n := 0
	for _, dir := range goldenDirs(t) {
		path := filepath.Join(dir, "plan.json")
		validate(t, s, path, []byte(readFile(t, path)))
		n++
	}
	if n == 0 {
		t.Fatal("no golden JSON plans")
	}
}

// TestJSONSchema_Cases validates the JSON of plans made by real runs of a
// sample of testdata/cases: the first case of every name prefix
// ("add_", "drop_", "enum_", ...) and every case with data.sql, so a new
// kind of case, or a field another part of renovate adds to plans, is
// checked against the schema.
func TestJSONSchema_Cases(t *testing.T) {
	s := compileSchema(t)
	root := "../../testdata/cases"
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var sample []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		prefix, _, _ := strings.Cut(e.Name(), "_")
		_, statErr := os.Stat(filepath.Join(root, e.Name(), "data.sql"))
		if !seen[prefix] || statErr == nil {
			seen[prefix] = true
			sample = append(sample, e.Name())
		}
	}
	sort.Strings(sample)
	if len(sample) < 15 {
		t.Fatalf("sampled only %d cases from %s: %v", len(sample), root, sample)
	}
	t.Logf("validating plans of %d cases: %s", len(sample), strings.Join(sample, " "))
	for _, name := range sample {
		dir := filepath.Join(root, name)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if b, err := os.ReadFile(filepath.Join(dir, "min_version")); err == nil {
				var v int
				if _, err := fmt.Sscan(string(b), &v); err != nil {
					t.Fatalf("min_version: %v", err)
				}
				if srv.Version() < v {
					t.Skipf("needs server version %d or later; this is %d", v, srv.Version())
					return
				}
			}
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), strings.Fields(string(b))); err != nil {
					t.Fatal(err)
				}
			}
			from := readFile(t, filepath.Join(dir, "from.sql"))
			if b, err := os.ReadFile(filepath.Join(dir, "data.sql")); err == nil {
				from += "\n" + string(b)
			}
			p := realPlan(t, from, readFile(t, filepath.Join(dir, "to.sql")))
			p.RenovateVersion, p.GitCommit = "v0.0.0-test", "abcdef0"
			var b bytes.Buffer
			if err := render.JSON(&b, p); err != nil {
				t.Fatal(err)
			}
			validate(t, s, name, b.Bytes())
		})
	}
}

// TestJSONSchema_Rejects checks the schema is strict: what a consumer
// cannot rely on is refused.
func TestJSONSchema_Rejects(t *testing.T) {
	s := compileSchema(t)
	good := readFile(t, filepath.Join(goldenRoot, "review", "plan.json"))
	if err := validationError(s, []byte(good)); err != nil {
		t.Fatalf("the golden plan must be valid: %v", err)
	}
	tests := []struct{ name, old, new string }{
		{"unknown top-level field", `"format_version": 1,`, `"format_version": 1, "surprise": true,`},
		{"future format version", `"format_version": 1,`, `"format_version": 2,`},
		{"unknown action", `"action": "create"`, `"action": "upsert"`},
		{"unknown hazard", `"kind": "deletes_data"`, `"kind": "eats_data"`},
		{"transactional not a boolean", `"transactional": true`, `"transactional": "yes"`},
		{"step id zero", `"id": 1,`, `"id": 0,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(good, tt.old) {
				t.Fatalf("the golden plan lacks %q", tt.old)
			}
			bad := strings.Replace(good, tt.old, tt.new, 1)
			if err := validationError(s, []byte(bad)); err == nil {
				t.Errorf("the schema accepts a plan with %s", tt.name)
			}
		})
	}
}

// TestJSONSchema_Enums checks the schema's enumerations against the Go
// constants: a new object kind, action or hazard kind must be added to the
// schema too.
func TestJSONSchema_Enums(t *testing.T) {
	var raw struct {
		Defs map[string]struct {
			Enum       []string `json:"enum"`
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, schemaPath)), &raw); err != nil {
		t.Fatal(err)
	}
	var actions, hazards []string
	for _, a := range planner.Actions() {
		actions = append(actions, string(a))
	}
	for _, h := range planner.HazardKinds() {
		hazards = append(hazards, string(h))
	}
	tests := []struct {
		name           string
		schema, consts []string
	}{
		{"actions", raw.Defs["action"].Enum, actions},
		{"hazard kinds", raw.Defs["hazard"].Properties["kind"].Enum, hazards},
		{"object kinds", raw.Defs["object"].Properties["kind"].Enum, stateKinds(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := append([]string(nil), tt.schema...), append([]string(nil), tt.consts...)
			sort.Strings(a)
			sort.Strings(b)
			if len(b) == 0 {
				t.Fatal("no Go constants found")
			}
			if d := cmp.Diff(a, b); d != "" {
				t.Errorf("%s: schema enum differs from the Go constants (-schema +go):\n%s", tt.name, d)
			}
		})
	}
}

// stateKinds returns the values of the state.Kind constants, read from the
// state package's source.
func stateKinds(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("../../state/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Kind" {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out = append(out, s)
					}
				}
			}
		}
	}
	return out
}

// TestJSONSchema_Data validates the JSON of a plan with row changes of
// data tables (inserts, updates, deletes with natural keys): the plan of
// testdata/data/natural_keys.
func TestJSONSchema_Data(t *testing.T) {
	s := compileSchema(t)
	ctx := context.Background()
	dir := "../../testdata/data/natural_keys"
	cfg, err := config.Load(filepath.Join(dir, "renovate.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := engine.Scope{Data: engine.ConfigData(cfg)}
	dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
	connA, connB := connectT(t, dsnA), connectT(t, dsnB)
	if _, err := connA.Exec(ctx, readFile(t, filepath.Join(dir, "from.sql"))); err != nil {
		t.Fatal(err)
	}
	if _, err := connB.Exec(ctx, readFile(t, filepath.Join(dir, "to.sql"))); err != nil {
		t.Fatal(err)
	}
	files := t.TempDir()
	remoteB, err := engine.LoadRemote(ctx, connB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := engine.RefreshFiles(ctx, connB, files, remoteB.Raw, sc); err != nil {
		t.Fatal(err)
	}
	local, err := engine.LoadLocalFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := engine.LoadRemoteFor(ctx, connA, local)
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Plan(ctx, connA, local.Parsed, remote, engine.WithData(sc.DataTables(), engine.DataSide{Dir: files}))
	if err != nil {
		t.Fatal(err)
	}
	actions := map[planner.Action]bool{}
	for _, st := range p.Steps {
		actions[st.Action] = true
	}
	for _, a := range []planner.Action{planner.ActionInsert, planner.ActionUpdate, planner.ActionDelete} {
		if !actions[a] {
			t.Errorf("the plan has no %s step", a)
		}
	}
	p.RenovateVersion, p.GitCommit = "v0.0.0-test", "abcdef0"
	var b bytes.Buffer
	if err := render.JSON(&b, p); err != nil {
		t.Fatal(err)
	}
	validate(t, s, "natural_keys", b.Bytes())
}

func connectT(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
