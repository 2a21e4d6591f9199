package cli

import (
	"fmt"
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
environment "leaf" {
  url           = "postgres://app@sub3/app"
  subscribes_to = ["chained"]
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
	// A chain: replica subscribes to source and publishes to chained,
	// which publishes to leaf. The list's order does not matter.
	if g, err = replicationOf(targetFlags{Dir: dir, Env: "leaf,replica,source,chained"}); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, e := range g.Envs {
		got = append(got, fmt.Sprintf("%s:%s:%d", e.Name, e.role(), e.Depth))
	}
	if want := "leaf:subscriber:3 replica:subscriber and publisher:1 source:publisher:0 chained:subscriber and publisher:2"; strings.Join(got, " ") != want {
		t.Errorf("chain: %s, want %s", strings.Join(got, " "), want)
	}
	// A chain with a gap: leaf's publisher (chained) is not in the list.
	if _, err := replicationOf(targetFlags{Dir: dir, Env: "source,replica,leaf"}); err == nil || !strings.Contains(Message(err), "environment leaf neither subscribes to nor publishes to the others") {
		t.Errorf("chain with a gap: %v", err)
	}
	if g, err := replicationOf(targetFlags{Dir: dir, Env: "source"}); g != nil || err != nil {
		t.Errorf("one environment: %v, %v; want neither a group nor an error", g, err)
	}
	for _, tc := range []struct{ env, want string }{
		{"replica,source,alone", "environment alone neither subscribes to nor publishes to the others"},
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

// TestReplicationDepths: depths follow the longest chain of
// subscriptions above an environment, and a cycle is refused by name.
func TestReplicationDepths(t *testing.T) {
	d, err := replicationDepths([]string{"c", "b", "a", "d"}, map[string][]string{"b": {"a"}, "c": {"b", "a"}, "d": {"a"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(d); got != "map[a:0 b:1 c:2 d:1]" {
		t.Errorf("depths: %s", got)
	}
	_, err = replicationDepths([]string{"a", "b", "c"}, map[string][]string{"a": {"c"}, "b": {"a"}, "c": {"b"}})
	if err == nil || !strings.Contains(err.Error(), "environments a -> c -> b -> a subscribe to each other in a cycle") {
		t.Errorf("cycle: %v", err)
	}
}
