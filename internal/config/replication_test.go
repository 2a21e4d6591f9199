package config

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSubscribesTo(t *testing.T) {
	src := `
environment "source" {
  url = "postgres://app@pub/app"
}
environment "target" {
  url           = "postgres://app@sub/app"
  subscribes_to = ["source"]
}
`
	cfg, err := Parse("renovate.hcl", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := cfg.Environment("target")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.SubscribesTo, []string{"source"}) {
		t.Errorf("SubscribesTo = %q, want [source]", e.SubscribesTo)
	}
	if s, _ := cfg.Environment("source"); s.SubscribesTo != nil {
		t.Errorf("source.SubscribesTo = %q, want nil", s.SubscribesTo)
	}
}

func TestParseSubscribesToErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown", `
environment "target" {
  url           = "postgres://app@sub/app"
  subscribes_to = ["nope"]
}
`, `renovate.hcl:4:19: Unknown environment: subscribes_to names "nope", but there is no environment block with that name (defined: target).`},
		{"self", `
environment "target" {
  url           = "postgres://app@sub/app"
  subscribes_to = ["target"]
}
`, `renovate.hcl:4:19: Self-reference: Environment "target" cannot subscribe to itself.`},
		{"cycle", `
environment "a" {
  url           = "postgres://app@a/app"
  subscribes_to = ["b"]
}
environment "b" {
  url           = "postgres://app@b/app"
  subscribes_to = ["c"]
}
environment "c" {
  url           = "postgres://app@c/app"
  subscribes_to = ["a"]
}
`, `renovate.hcl:4:19: Replication cycle: The environments subscribe to one another in a cycle (a -> b -> c -> a)`},
		{"type", `
environment "target" {
  url           = "postgres://app@sub/app"
  subscribes_to = "source"
}
`, `renovate.hcl:4:19: Incorrect attribute value type`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("renovate.hcl", []byte(tc.src), nil)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error:\n%s\nwant it to start with:\n%s", err, tc.want)
			}
		})
	}
}
