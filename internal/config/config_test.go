package config

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

func TestLoadValid(t *testing.T) {
	tests := []struct {
		file string
		env  map[string]string
		want *Config
	}{
		{
			file: "full.hcl",
			env:  map[string]string{"RENOVATE_TEST_PROD_URL": "postgres://deploy@prod.internal/hello?sslmode=verify-full"},
			want: &Config{
				DefaultEnvironment: "dev",
				Environments: []Environment{
					{Name: "ci", URL: "host=/var/run/postgresql dbname=hello user='ci user'"},
					{Name: "dev", URL: "postgres://app@localhost:5432/hello?sslmode=disable", Exclude: []string{"public.audit_*"}},
					{Name: "prod", URL: "postgres://deploy@prod.internal/hello?sslmode=verify-full", Include: []string{"public.*", "billing.*"}},
				},
				Exclude: []string{"schema:archive"},
			},
		},
		{
			file: "minimal.hcl",
			want: &Config{Environments: []Environment{{Name: "local", URL: "postgres:///hello"}}},
		},
		{
			file: "default_block.hcl",
			want: &Config{Environments: []Environment{
				{Name: "default", URL: "postgres://localhost/app"},
				{Name: "staging", URL: "postgresql://deploy@staging.internal/app"},
			}},
		},
		{
			file: "env_password.hcl",
			env:  map[string]string{"RENOVATE_TEST_PASSWORD": "s3cret"},
			want: &Config{Environments: []Environment{{Name: "ci", URL: "postgres://ci:s3cret@db:5432/app"}}},
		},
		{
			file: "empty.hcl",
			want: &Config{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			path := filepath.Join("testdata", tt.file)
			got, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path = path
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Load(%s) mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load(missing) error = %v, want fs.ErrNotExist", err)
	}
	if want := path + " not found (run renovate init to create it)"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		env  map[string]string
		want []string // each must occur in the error message
	}{
		{
			name: "syntax error",
			src:  "environment \"dev\" {\n  url = \"postgres://h\n}\n",
			want: []string{"renovate.hcl:2:22: Invalid multi-line string", "renovate.hcl:2:22: Unterminated template string"},
		},
		{
			name: "unknown top-level attribute",
			src:  "colour = \"red\"\n",
			want: []string{`renovate.hcl:1:1: Unsupported argument: An argument named "colour" is not expected here.`},
		},
		{
			name: "unknown attribute in environment",
			src:  "environment \"dev\" {\n  url = \"postgres://h/db\"\n  hosts = \"x\"\n}\n",
			want: []string{`renovate.hcl:3:3: Unsupported argument: An argument named "hosts" is not expected here.`},
		},
		{
			name: "misspelt attribute gets a suggestion",
			src:  "default_enviroment = \"dev\"\n",
			want: []string{`renovate.hcl:1:1: Unsupported argument: An argument named "default_enviroment" is not expected here. Did you mean "default_environment"?`},
		},
		{
			name: "unknown block",
			src:  "database \"dev\" {\n}\n",
			want: []string{`renovate.hcl:1:1: Unsupported block type: Blocks of type "database" are not expected here.`},
		},
		{
			name: "environment without name",
			src:  "environment {\n  url = \"postgres://h/db\"\n}\n",
			want: []string{"renovate.hcl:1:13: Missing name for environment"},
		},
		{
			name: "missing url",
			src:  "environment \"dev\" {\n  exclude = []\n}\n",
			want: []string{`renovate.hcl:1:19: Missing required argument: The argument "url" is required, but no definition was found.`},
		},
		{
			name: "wrong type: string for list",
			src:  "exclude = \"public.x\"\n",
			want: []string{`renovate.hcl:1:11: Incorrect attribute value type: Inappropriate value for attribute "exclude": list of string required.`},
		},
		{
			name: "wrong type: list element",
			src:  "environment \"dev\" {\n  url = \"postgres://h/db\"\n  include = [\"a\", 1]\n}\n",
			want: []string{`renovate.hcl:3:13: Incorrect attribute value type: Inappropriate value for attribute "include": list of string required.`},
		},
		{
			name: "wrong type: number for url",
			src:  "environment \"dev\" {\n  url = 5432\n}\n",
			want: []string{`renovate.hcl:2:9: Incorrect attribute value type: Inappropriate value for attribute "url": string required.`},
		},
		{
			name: "wrong type: null default environment",
			src:  "default_environment = null\n",
			want: []string{`renovate.hcl:1:23: Incorrect attribute value type: Inappropriate value for attribute "default_environment": string required.`},
		},
		{
			name: "unset environment variable outside url",
			src:  "variable \"x\" {\n  default = env(\"RENOVATE_TEST_UNSET\")\n}\n",
			want: []string{`renovate.hcl:2:13: Error in function call: Call to function "env" failed: environment variable RENOVATE_TEST_UNSET is not set.`},
		},
		{
			name: "unknown function",
			src:  "environment \"dev\" {\n  url = file(\"x\")\n}\n",
			want: []string{`renovate.hcl:2:9: Call to unknown function: There is no function named "file".`},
		},
		{
			name: "variables are not available",
			src:  "environment \"dev\" {\n  url = var.url\n}\n",
			want: []string{`renovate.hcl:2:9: Variables not allowed`},
		},
		{
			name: "password in url",
			src:  "environment \"dev\" {\n  url = \"postgres://app:hunter2@localhost/hello\"\n}\n",
			want: []string{"renovate.hcl:2:9: Password in connection string: renovate.hcl must not contain passwords; use PGPASSWORD or ~/.pgpass."},
		},
		{
			name: "password in keyword/value url",
			src:  "environment \"dev\" {\n    url = \"host=localhost password='hunter 2'\"\n}\n",
			want: []string{"renovate.hcl:2:11: Password in connection string: renovate.hcl must not contain passwords"},
		},
		{
			name: "password in url query",
			src:  "environment \"dev\" {\n  url = \"postgres://localhost/hello?password=hunter2\"\n}\n",
			want: []string{"renovate.hcl:2:9: Password in connection string"},
		},
		{
			name: "password written next to env()",
			src:  "environment \"dev\" {\n  url = \"postgres://app:hunter2@${env(\"DB_HOST\")}/hello\"\n}\n",
			env:  map[string]string{"DB_HOST": "localhost"},
			want: []string{"renovate.hcl:2:9: Password in connection string"},
		},
		{
			name: "invalid connection string",
			src:  "environment \"dev\" {\n  url = \"host=localhost dbname\"\n}\n",
			want: []string{`renovate.hcl:2:9: Invalid connection string: missing "=" after "dbname" in connection info string.`},
		},
		{
			name: "empty url",
			src:  "environment \"dev\" {\n  url = env(\"EMPTY\")\n}\n",
			env:  map[string]string{"EMPTY": ""},
			want: []string{"renovate.hcl:2:9: Empty connection string"},
		},
		{
			name: "unknown default environment",
			src:  "default_environment = \"prod\"\n\nenvironment \"dev\" {\n  url = \"postgres://h/db\"\n}\n\nenvironment \"test\" {\n  url = \"postgres://h/test\"\n}\n",
			want: []string{`renovate.hcl:1:23: Unknown environment: default_environment is "prod", but there is no environment block with that name (defined: dev, test).`},
		},
		{
			name: "duplicate environment",
			src:  "environment \"dev\" {\n  url = \"postgres://h/db\"\n}\nenvironment \"dev\" {\n  url = \"postgres://h/db2\"\n}\n",
			want: []string{`renovate.hcl:4:1: Duplicate environment: An environment named "dev" was already defined at renovate.hcl:1,1-18.`},
		},
		{
			name: "invalid environment name",
			src:  "environment \"dev env\" {\n  url = \"postgres://h/db\"\n}\n",
			want: []string{`renovate.hcl:1:13: Invalid environment name: "dev env" is not a valid environment name`},
		},
		{
			name: "several errors, in file order",
			src:  "zzz = 1\nenvironment \"dev\" {\n  url = \"postgres://u:pw@h/db\"\n}\naaa = 2\n",
			want: []string{
				"renovate.hcl:1:1: Unsupported argument: An argument named \"zzz\" is not expected here.\n" +
					"renovate.hcl:3:9: Password in connection string: renovate.hcl must not contain passwords; use PGPASSWORD or ~/.pgpass.\n" +
					"renovate.hcl:5:1: Unsupported argument: An argument named \"aaa\" is not expected here.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lookup := func(name string) (string, bool) {
				v, ok := tt.env[name]
				return v, ok
			}
			cfg, err := Parse(FileName, []byte(tt.src), lookup)
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
			if strings.Contains(err.Error(), "hunter") {
				t.Errorf("error leaks the password:\n%s", err)
			}
		})
	}
}

func TestLoadDiagnosticsNameTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	src := "environment \"dev\" {\n  url = \"postgres://h/db\"\n  user = \"app\"\n}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":3:3: Unsupported argument") {
		t.Errorf("Load error = %v, want it to start with %s:3:3: Unsupported argument", err, path)
	}
}

func TestEnvironment(t *testing.T) {
	env := func(names ...string) []Environment {
		var out []Environment
		for _, n := range names {
			out = append(out, Environment{Name: n, URL: "postgres://h/" + n})
		}
		return out
	}
	tests := []struct {
		name    string
		cfg     Config
		arg     string
		want    string // environment name
		wantErr string
	}{
		{name: "explicit", cfg: Config{Environments: env("dev", "prod")}, arg: "prod", want: "prod"},
		{name: "default_environment", cfg: Config{DefaultEnvironment: "prod", Environments: env("default", "dev", "prod")}, want: "prod"},
		{name: "only one", cfg: Config{Environments: env("dev")}, want: "dev"},
		{name: "named default", cfg: Config{Environments: env("default", "dev")}, want: "default"},
		{name: "explicit beats default", cfg: Config{DefaultEnvironment: "prod", Environments: env("dev", "prod")}, arg: "dev", want: "dev"},
		{
			name:    "ambiguous",
			cfg:     Config{Path: "renovate.hcl", Environments: env("dev", "prod")},
			wantErr: "no environment selected: renovate.hcl defines dev, prod and no default_environment",
		},
		{
			name:    "none",
			cfg:     Config{Path: "x/renovate.hcl"},
			wantErr: "x/renovate.hcl defines no environments; add an environment block",
		},
		{
			name:    "unknown",
			cfg:     Config{Path: "renovate.hcl", Environments: env("dev", "prod")},
			arg:     "staging",
			wantErr: `unknown environment "staging" (renovate.hcl defines: dev, prod)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cfg.Environment(tt.arg)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("Environment(%q) error = %v, want %q", tt.arg, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.want || got.URL != "postgres://h/"+tt.want {
				t.Errorf("Environment(%q) = %+v, want %s", tt.arg, got, tt.want)
			}
		})
	}
}

func TestRenderGolden(t *testing.T) {
	got, err := Render("dev", "postgres://app:hunter2@localhost:5432/hello?sslmode=disable&password=x")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "render_dev.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("Render mismatch (-want +got):\n%s", diff)
	}
}

func TestRenderRoundTrip(t *testing.T) {
	tests := []struct {
		env, url string
		wantEnv  string
		wantURL  string
	}{
		{"dev", "postgres://app@localhost:5432/hello?sslmode=disable", "dev", "postgres://app@localhost:5432/hello?sslmode=disable"},
		{"", "postgres://app:secret@localhost/hello", "default", "postgres://app@localhost/hello"},
		{"prod-eu.1", "host=db password='s p' dbname=app", "prod-eu.1", "host=db dbname=app"},
		{"x", `host=/tmp user='we\'ird "name"' application_name=${HOME}%{x}\`, "x", `host=/tmp user='we\'ird "name"' application_name=${HOME}%{x}\`},
		{"x", "postgres://h/db?application_name=na%C3%AFve", "x", "postgres://h/db?application_name=na%C3%AFve"},
	}
	for _, tt := range tests {
		src, err := Render(tt.env, tt.url)
		if err != nil {
			t.Fatalf("Render(%q, %q): %v", tt.env, tt.url, err)
		}
		if strings.Contains(string(src), "secret") || strings.Contains(string(src), "s p") {
			t.Errorf("Render(%q, %q) kept the password:\n%s", tt.env, tt.url, src)
		}
		cfg, err := Parse(FileName, src, func(string) (string, bool) { return "", false })
		if err != nil {
			t.Fatalf("Render(%q, %q) does not load: %v\n%s", tt.env, tt.url, err, src)
		}
		want := &Config{
			Path:               FileName,
			DefaultEnvironment: tt.wantEnv,
			Environments:       []Environment{{Name: tt.wantEnv, URL: tt.wantURL}},
		}
		if diff := cmp.Diff(want, cfg); diff != "" {
			t.Errorf("Render(%q, %q) round trip mismatch (-want +got):\n%s", tt.env, tt.url, diff)
		}
		e, err := cfg.Environment("")
		if err != nil || e.Name != tt.wantEnv {
			t.Errorf("Environment(\"\") = %v, %v; want %s", e, err, tt.wantEnv)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	for _, tt := range []struct{ env, url, want string }{
		{"bad name", "postgres://h/db", `invalid environment name "bad name"`},
		{"dev", "", "empty connection string"},
		{"dev", "password=only", "empty connection string"},
		{"dev", "host=h dbname", `invalid connection string host=h dbname: missing "="`},
	} {
		_, err := Render(tt.env, tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Render(%q, %q) error = %v, want %q", tt.env, tt.url, err, tt.want)
		}
	}
}
