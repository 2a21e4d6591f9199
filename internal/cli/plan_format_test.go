package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
)

// runEnv runs the command tree like run, with the environment env (what
// Getenv sees) and stdout a terminal when tty is set.
func runEnv(t *testing.T, env map[string]string, tty bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, InTTY: tty, OutTTY: tty},
		Now:     func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) },
		Connect: catalog.Connect,
		Getenv:  testGetenv(env),
		Version: "v9.9.9-test",
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	err := Execute(context.Background(), root)
	if err != nil && Message(err) != "" {
		errOut.WriteString("Error: " + Message(err) + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

func TestUseColor(t *testing.T) {
	unset := map[string]string{}
	set := map[string]string{"NO_COLOR": "1"}
	empty := map[string]string{"NO_COLOR": ""}
	tests := []struct {
		mode string
		tty  bool
		env  map[string]string
		want bool
	}{
		{"auto", true, unset, true},
		{"auto", true, set, false},
		{"auto", true, empty, true}, // NO_COLOR counts only when non-empty
		{"auto", false, unset, false},
		{"auto", false, set, false},
		{"auto", false, empty, false},
		{"always", true, unset, true},
		{"always", true, set, true}, // the flag is the user's explicit choice
		{"always", true, empty, true},
		{"always", false, unset, true},
		{"always", false, set, true},
		{"always", false, empty, true},
		{"never", true, unset, false},
		{"never", true, set, false},
		{"never", true, empty, false},
		{"never", false, unset, false},
		{"never", false, set, false},
		{"never", false, empty, false},
	}
	for _, tt := range tests {
		name := tt.mode + "/tty=" + map[bool]string{true: "yes", false: "no"}[tt.tty]
		if v, ok := tt.env["NO_COLOR"]; ok {
			name += "/NO_COLOR=" + v
		}
		t.Run(name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			if got := useColor(tt.mode, tt.tty, getenv); got != tt.want {
				t.Errorf("useColor = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlanFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, o *PlanOptions)
	}{
		{"defaults", nil, 0, func(t *testing.T, o *PlanOptions) {
			if o.Format != "" || o.Color != "auto" || len(o.FailOnHazard) != 0 {
				t.Errorf("defaults: format %q color %q fail-on-hazard %v", o.Format, o.Color, o.FailOnHazard)
			}
		}},
		{"json", []string{"--format", "json"}, 0, nil},
		{"markdown", []string{"--format=markdown"}, 0, nil},
		{"text", []string{"--format", "text"}, 0, nil},
		{"sql", []string{"--format", "sql"}, 0, nil},
		{"unknown format", []string{"--format", "yaml"}, ExitUsage, nil},
		{"color always", []string{"--color", "always"}, 0, func(t *testing.T, o *PlanOptions) {
			if o.Color != "always" {
				t.Errorf("color = %q", o.Color)
			}
		}},
		{"color never", []string{"--color=never"}, 0, nil},
		{"bad color", []string{"--color", "sometimes"}, ExitUsage, nil},
		{"hazard list", []string{"--fail-on-hazard", "deletes_data,table_rewrite"}, 0, func(t *testing.T, o *PlanOptions) {
			if strings.Join(o.FailOnHazard, " ") != "deletes_data table_rewrite" {
				t.Errorf("fail-on-hazard = %v", o.FailOnHazard)
			}
		}},
		{"any hazard", []string{"--fail-on-hazard", "any"}, 0, nil},
		{"misspelt hazard", []string{"--fail-on-hazard", "delete_data"}, ExitUsage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &Factory{IO: &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}}
			var got *PlanOptions
			c := NewCmdPlan(f, func(o *PlanOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			c.SetOut(&bytes.Buffer{})
			c.SetErr(&bytes.Buffer{})
			err := c.Execute()
			if code := ExitCode(err); code != tt.wantCode {
				t.Fatalf("exit %d (%v), want %d", code, err, tt.wantCode)
			}
			if tt.check != nil {
				if got == nil {
					t.Fatal("runF was not called")
				}
				tt.check(t, got)
			}
		})
	}
}

// TestPlanFormats runs plan against a real database in every format and
// colour setting.
func TestPlanFormats(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE public.items (id integer PRIMARY KEY, note text)")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "schema.sql"), "CREATE TABLE public.items (id integer PRIMARY KEY, name text);\nCREATE INDEX items_name_idx ON public.items (name);\n")
	base := []string{"plan", "--dir", dir, "--url", dsn}
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")

	t.Run("colour", func(t *testing.T) {
		for _, mode := range []string{"", "auto", "always", "never"} {
			for _, tty := range []bool{true, false} {
				for _, noColor := range []string{"", "1"} {
					args := append(append([]string(nil), base...), "--format", "text")
					if mode != "" {
						args = append(args, "--color", mode)
					}
					out, errOut, code := runEnv(t, map[string]string{"NO_COLOR": noColor}, tty, args...)
					if code != 0 {
						t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
					}
					want := mode == "always" || ((mode == "" || mode == "auto") && tty && noColor == "")
					if got := ansi.MatchString(out); got != want {
						t.Errorf("--color=%q tty=%v NO_COLOR=%q: coloured = %v, want %v\n%s", mode, tty, noColor, got, want, out)
					}
					if plain := ansi.ReplaceAllString(out, ""); !strings.Contains(plain, "Plan: 0 to create, 1 to alter, 0 to drop; 2 hazards.") ||
						!strings.Contains(plain, "hazard deletes_data") {
						t.Errorf("text view:\n%s", plain)
					}
				}
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		out, errOut, code := runEnv(t, nil, true, append(base, "--format", "json", "--color", "always")...)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		if strings.Contains(out, "\x1b[") {
			t.Errorf("JSON must never be coloured")
		}
		var doc struct {
			FormatVersion   int    `json:"format_version"`
			RenovateVersion string `json:"renovate_version"`
			Fingerprint     string `json:"remote_fingerprint"`
			Steps           []struct {
				ID        int    `json:"id"`
				SQL       string `json:"sql"`
				DependsOn []int  `json:"depends_on"`
			} `json:"steps"`
			Summary render.Counts `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("plan --format json is not JSON: %v\n%s", err, out)
		}
		if doc.FormatVersion != 1 || doc.RenovateVersion != "v9.9.9-test" || len(doc.Fingerprint) != 64 || doc.Summary.Alter != 1 || doc.Summary.Hazards != 2 || len(doc.Steps) < 3 {
			t.Errorf("JSON plan: %+v\n%s", doc, out)
		}
	})

	t.Run("markdown", func(t *testing.T) {
		out, errOut, code := runEnv(t, nil, false, append(base, "--format", "markdown", "--detailed-exitcode")...)
		if code != ExitChanges {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		for _, want := range []string{render.MarkdownMarker, "<details>", "| Table | 0 | 1 | 0 |", "`deletes_data`", "```sql"} {
			if !strings.Contains(out, want) {
				t.Errorf("markdown lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("sql by default in a pipe, with the header apply reads back", func(t *testing.T) {
		out, _, code := runEnv(t, nil, false, base...)
		if code != 0 || !strings.HasPrefix(out, render.HeaderTitle) {
			t.Fatalf("exit %d\n%s", code, out)
		}
		p, err := planfile.Read("plan.sql", out)
		if err != nil {
			t.Fatal(err)
		}
		if p.RenovateVersion != "v9.9.9-test" || len(p.RemoteFingerprint) != 64 || len(p.Steps) < 3 {
			t.Errorf("read back: version %q fingerprint %q, %d steps", p.RenovateVersion, p.RemoteFingerprint, len(p.Steps))
		}
	})

	t.Run("fail on hazard", func(t *testing.T) {
		tests := []struct {
			name     string
			args     []string
			wantCode int
			wantErr  string
		}{
			{"listed hazard present", []string{"--fail-on-hazard", "deletes_data"}, ExitRefused, "deletes_data"},
			{"wins over detailed exit code", []string{"--fail-on-hazard", "index_build", "--detailed-exitcode"}, ExitRefused, "index_build"},
			{"any", []string{"--fail-on-hazard", "any"}, ExitRefused, "step "},
			{"absent hazard", []string{"--fail-on-hazard", "table_rewrite,cast_may_fail", "--detailed-exitcode"}, ExitChanges, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				out, errOut, code := runEnv(t, nil, false, append(append(base[:len(base):len(base)], "--format", "markdown"), tt.args...)...)
				if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
					t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, errOut)
				}
				if !strings.Contains(out, render.MarkdownMarker) {
					t.Errorf("the plan must be printed before the refusal:\n%s", out)
				}
			})
		}
	})
}

// TestExampleWorkflow checks that the renovate command of the example CI
// workflow parses: its flags exist and its values are valid.
func TestExampleWorkflow(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "github-actions", "renovate-plan.yml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"$SCHEMA_DIR": "db", "$RENOVATE_URL": "postgres://ci@localhost/app", "$FAIL_ON_HAZARD": "deletes_data,table_rewrite"}
	found := 0
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "renovate plan ") {
			continue
		}
		found++
		line, _, _ = strings.Cut(line, " >")
		var args []string
		for _, a := range strings.Fields(line)[2:] {
			a = strings.Trim(a, `"`)
			if v, ok := vars[a]; ok {
				a = v
			}
			args = append(args, a)
		}
		f := &Factory{IO: &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}}
		var got *PlanOptions
		c := NewCmdPlan(f, func(o *PlanOptions) error { got = o; return nil })
		c.SetArgs(args)
		c.SetOut(&bytes.Buffer{})
		c.SetErr(&bytes.Buffer{})
		if err := c.Execute(); err != nil {
			t.Fatalf("%s: %q does not parse: %v", path, line, err)
		}
		if got.Format != "markdown" || !got.DetailedExitcode || len(got.FailOnHazard) == 0 {
			t.Errorf("%s: the workflow should ask for markdown, --detailed-exitcode and --fail-on-hazard: %+v", path, got)
		}
		if got.Verify.Mode != verifyAlways {
			t.Errorf("%s: the workflow should verify the plan (--verify), got --verify=%s", path, got.Verify.Mode)
		}
	}
	if found != 1 {
		t.Fatalf("%s: found %d renovate plan commands, want 1", path, found)
	}
	for _, want := range []string{render.MarkdownMarker, "exitcode == '3'", "cannot verify the plan", "apt-get install -y -qq postgresql"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
}

func TestApplyColorFlag(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{nil, 0, "auto"},
		{[]string{"--color", "never"}, 0, "never"},
		{[]string{"--color=always"}, 0, "always"},
		{[]string{"--color", "rainbow"}, ExitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f := &Factory{IO: &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}}
			var got *ApplyOptions
			c := NewCmdApply(f, func(o *ApplyOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			c.SetOut(&bytes.Buffer{})
			c.SetErr(&bytes.Buffer{})
			err := c.Execute()
			if code := ExitCode(err); code != tt.wantCode {
				t.Fatalf("exit %d (%v), want %d", code, err, tt.wantCode)
			}
			if tt.want != "" && (got == nil || got.Color != tt.want) {
				t.Errorf("color = %+v, want %q", got, tt.want)
			}
		})
	}
}
