package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReplicationOf: --env with a comma list resolves the publisher and
// subscribers linked by subscribes_to, and refuses lists that are not
// one publisher-subscriber group, before any connection is made.
func TestReplicationOf(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ConfigFile), `
environment "source" {
  url = "postgres://app@pub/app"
}
environment "replica" {
  url           = "postgres://app@sub/app"
  subscribes_to = ["source"]
}
environment "chained" {
  url           = "postgres://app@sub2/app"
  subscribes_to = ["replica"]
}
environment "alone" {
  url = "postgres://app@other/app"
}
environment "tenants" {
  urls          = ["postgres://app@t1/a", "postgres://app@t2/b"]
  subscribes_to = ["source"]
}
`)
	g, err := replicationOf(targetFlags{Dir: dir, Env: "replica, source"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range g.Envs {
		got = append(got, e.Name+":"+e.role()+":"+e.URL)
	}
	if want := "replica:subscriber:postgres://app@sub/app source:publisher:postgres://app@pub/app"; strings.Join(got, " ") != want {
		t.Errorf("group: %s, want %s", strings.Join(got, " "), want)
	}
	if g, err := replicationOf(targetFlags{Dir: dir, Env: "source"}); g != nil || err != nil {
		t.Errorf("one environment: %v, %v; want neither a group nor an error", g, err)
	}
	for _, tc := range []struct{ env, want string }{
		{"replica,source,alone", "environment alone neither subscribes to nor publishes to the others"},
		{"source,replica,chained", "environment replica both publishes to and subscribes from the others"},
		{"source,tenants", "environment tenants is a fleet"},
		{"source,nope", `unknown environment "nope"`},
		{"source,source", "give each environment once"},
		{"source,", "give each environment once"},
	} {
		_, err := replicationOf(targetFlags{Dir: dir, Env: tc.env})
		if err == nil || !strings.Contains(Message(err), tc.want) {
			t.Errorf("--env %s: error %v, want it to say %q", tc.env, err, tc.want)
		}
	}
	if _, err := replicationOf(targetFlags{Dir: dir, Env: "source,replica", URL: "postgres://x/y"}); err == nil || ExitCode(err) != ExitUsage {
		t.Errorf("--url with a list: %v (exit %d), want a usage error", err, ExitCode(err))
	}
}
