package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadVariables(t *testing.T) {
	path := filepath.Join("testdata", "vars.hcl")
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Path:               path,
		DefaultEnvironment: "staging",
		Exclude:            []string{"public.audit_*", "kind:function:legacy_*"},
		Variables: []Variable{
			{Name: "app_role", Default: "app", HasDefault: true, Description: "The role the application connects as."},
			{Name: "region"},
		},
		Environments: []Environment{
			{Name: "production", URL: "postgres://deploy@prod.internal/shop", Exclude: []string{"schema:scratch"},
				Vars: map[string]string{"app_role": "app_prod", "region": "eu"}},
			{Name: "staging", URL: "postgres://deploy@staging.internal/shop", Vars: map[string]string{"region": "eu-staging"}},
		},
	}
	if diff := cmp.Diff(want, cfg); diff != "" {
		t.Fatalf("Load (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		env  string
		want map[string]string
	}{
		{"", map[string]string{"app_role": "app", "region": "eu-staging"}},
		{"production", map[string]string{"app_role": "app_prod", "region": "eu"}},
	} {
		env, err := cfg.Environment(tt.env)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, cfg.Values(env)); diff != "" {
			t.Errorf("Values(%q) (-want +got):\n%s", tt.env, diff)
		}
	}
	if diff := cmp.Diff(map[string]string{"app_role": "app"}, cfg.Values(nil)); diff != "" {
		t.Errorf("Values(nil) (-want +got):\n%s", diff)
	}
	// Environment returns a copy.
	env, _ := cfg.Environment("production")
	env.Vars["app_role"] = "changed"
	if again, _ := cfg.Environment("production"); again.Vars["app_role"] != "app_prod" {
		t.Error("Environment shares its Vars map with the Config")
	}
}

func TestParseErrorsNewBlocks(t *testing.T) {
	const url = "  url = \"postgres://h/db\"\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown variable in vars",
			src:  "variable \"app_role\" {\n  default = \"app\"\n}\nenvironment \"dev\" {\n" + url + "  vars = { app_rol = \"x\" }\n}\n",
			want: []string{`renovate.hcl:6:12: Unknown variable: vars sets "app_rol", but there is no variable block with that name (defined: app_role).`},
		},
		{
			name: "variable without default not set",
			src:  "variable \"region\" {}\nenvironment \"dev\" {\n" + url + "}\n",
			want: []string{`renovate.hcl:2:1: Missing variable value: Variable "region" has no default and environment "dev" does not set it`},
		},
		{
			name: "non-string value",
			src:  "variable \"n\" {\n  default = \"1\"\n}\nenvironment \"dev\" {\n" + url + "  vars = { n = 5 }\n}\n",
			want: []string{`renovate.hcl:6:16: Incorrect variable value type: The value of variable "n" must be a string.`},
		},
		{
			name: "vars not an object",
			src:  "environment \"dev\" {\n" + url + "  vars = [\"a\"]\n}\n",
			want: []string{`renovate.hcl:3:10: Incorrect attribute value type: Inappropriate value for attribute "vars": object of strings`},
		},
		{
			name: "duplicate variable",
			src:  "variable \"a\" {\n  default = \"1\"\n}\nvariable \"a\" {\n  default = \"2\"\n}\n",
			want: []string{`renovate.hcl:4:1: Duplicate variable: A variable named "a" was already defined at renovate.hcl:1,1-13.`},
		},
		{
			name: "invalid variable name",
			src:  "variable \"app-role\" {\n  default = \"1\"\n}\n",
			want: []string{`renovate.hcl:1:10: Invalid variable name: "app-role" is not a valid variable name`},
		},
		{
			name: "unknown attribute in variable",
			src:  "variable \"a\" {\n  type = string\n}\n",
			want: []string{`renovate.hcl:2:3: Unsupported argument: An argument named "type" is not expected here.`},
		},
		{
			name: "invalid global pattern",
			src:  "exclude = [\"public.ok_*\", \"kind:tabel:x\"]\n",
			want: []string{`renovate.hcl:1:27: Invalid object pattern: invalid pattern "kind:tabel:x": unknown kind "tabel"`},
		},
		{
			name: "invalid environment pattern",
			src:  "environment \"dev\" {\n" + url + "  include = [\"a.b.c\"]\n}\n",
			want: []string{`renovate.hcl:3:14: Invalid object pattern: invalid pattern "a.b.c": name "b.c" has too many "."`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(FileName, []byte(tt.src), func(string) (string, bool) { return "", false })
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", cfg)
			}
			var de *DiagnosticsError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DiagnosticsError: %v", err, err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error:\n%s\ndoes not contain:\n%s", err, want)
				}
			}
		})
	}
}

// An environment whose url reads an unset environment variable is an error
// only when it is chosen: planning staging needs no production URL.
func TestUnsetURLVariableIsLazy(t *testing.T) {
	src := "environment \"staging\" {\n  url = \"postgres://h/db\"\n}\nenvironment \"prod\" {\n  url = env(\"RENOVATE_TEST_UNSET\")\n}\n"
	cfg, err := Parse(FileName, []byte(src), func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.Environment("staging"); err != nil {
		t.Errorf("Environment(staging): %v", err)
	}
	_, err = cfg.Environment("prod")
	if err == nil || !strings.Contains(err.Error(), `environment "prod": its url reads environment variable RENOVATE_TEST_UNSET, which is not set`) {
		t.Errorf("Environment(prod) error = %v", err)
	}
	// With --url, only the environment's settings are needed.
	if e, err := cfg.Settings("prod"); err != nil || e.Name != "prod" || e.UnsetURLVariable != "RENOVATE_TEST_UNSET" {
		t.Errorf("Settings(prod) = %+v, %v", e, err)
	}
}
