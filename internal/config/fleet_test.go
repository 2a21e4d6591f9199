package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseFleet(t *testing.T) {
	src := `
variable "region" {
  default = "us"
}
data "public.plans" {
  key         = ["code"]
  on_conflict = "target"
}
environment "tenants" {
  urls = ["postgres://app@db1/acme", "postgres://app@db1/globex", "host=db2 dbname=initech user=app"]
}
environment "shards" {
  target "eu" {
    url  = "postgres://app@eu.internal/app"
    vars = { region = "eu" }
  }
  target "us" {
    url = "postgres://app@us.internal/app"
  }
}
environment "saas" {
  targets_query {
    url   = env("REGISTRY_URL")
    query = "SELECT name, url FROM tenants"
  }
}
`
	cfg, err := Parse("renovate.hcl", []byte(src), func(k string) (string, bool) {
		if k == "REGISTRY_URL" {
			return "postgres://registry@r/reg", true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	tenants, err := cfg.Environment("tenants")
	if err != nil {
		t.Fatal(err)
	}
	want := []Target{
		{Name: "acme", URL: "postgres://app@db1/acme"},
		{Name: "globex", URL: "postgres://app@db1/globex"},
		{Name: "initech", URL: "host=db2 dbname=initech user=app"},
	}
	if diff := cmp.Diff(want, tenants.Targets); diff != "" || !tenants.IsFleet() {
		t.Errorf("tenants targets (-want +got):\n%s", diff)
	}
	shards, _ := cfg.Environment("shards")
	if len(shards.Targets) != 2 || shards.Targets[0].Vars["region"] != "eu" || shards.Targets[1].Vars != nil {
		t.Errorf("shards targets: %+v", shards.Targets)
	}
	saas, _ := cfg.Environment("saas")
	if q := saas.TargetsQuery; q == nil || q.URL != "postgres://registry@r/reg" || q.Query != "SELECT name, url FROM tenants" {
		t.Errorf("saas targets_query: %+v", saas.TargetsQuery)
	}
	if d := cfg.Data[0]; d.OnConflict != "target" || d.TargetOnly != "keep" {
		t.Errorf("data policies: on_conflict %q, target_only %q; want target, keep", d.OnConflict, d.TargetOnly)
	}
}

func TestParseFleetErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"url and urls", `environment "x" {
  url  = "postgres://h/a"
  urls = ["postgres://h/b"]
}`, "Conflicting targets"},
		{"password in urls", `environment "x" {
  urls = ["postgres://app:secret@h/b"]
}`, "Password in connection string"},
		{"empty urls", `environment "x" {
  urls = []
}`, "Empty urls"},
		{"same target twice", `environment "x" {
  target "a" {
    url = "postgres://h/a"
  }
  target "a" {
    url = "postgres://h/b"
  }
}`, "Duplicate target"},
		{"bad target name", `environment "x" {
  target "a/b" {
    url = "postgres://h/a"
  }
}`, "Invalid target name"},
		{"unknown on_conflict", `data "t" {
  on_conflict = "newest"
}`, `on_conflict must be "source", "target", "fail", got "newest"`},
		{"unknown target_only", `data "t" {
  target_only = "drop"
}`, `target_only must be "keep", "delete"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("renovate.hcl", []byte(tt.src), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("the error repeats the password: %v", err)
			}
		})
	}
}

func TestTargetNames(t *testing.T) {
	got := TargetNames([]string{"postgres://a@h1/app", "postgres://a@h2/app", "postgres://a@h3/other", "postgres://h4"})
	want := []string{"h1_app", "h2_app", "other", "h4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
