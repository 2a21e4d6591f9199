package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadVersionInfo(t *testing.T) {
	bi := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/renovate-pg/renovate", Version: "v1.4.0"},
		Deps: []*debug.Module{
			{Path: "github.com/jackc/pgx/v5", Version: "v5.12.0"},
			{Path: pgQueryModule, Version: "v5.1.0"},
		},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0620aa2af7d935397bb8085d52294242425ce245"},
			{Key: "vcs.time", Value: "2026-11-22T07:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	cases := []struct {
		name   string
		linked string
		bi     *debug.BuildInfo
		want   versionInfo
	}{
		{"go install of a release", "dev", bi, versionInfo{Version: "v1.4.0", Commit: "0620aa2af7d935397bb8085d52294242425ce245", CommitTime: "2026-11-22T07:00:00Z", Modified: true, PgQuery: "v5.1.0"}},
		{"version set with -ldflags", "v2.0.0-rc1", bi, versionInfo{Version: "v2.0.0-rc1", Commit: "0620aa2af7d935397bb8085d52294242425ce245", CommitTime: "2026-11-22T07:00:00Z", Modified: true, PgQuery: "v5.1.0"}},
		{"no build info", "", nil, versionInfo{Version: "(devel)", Commit: "unknown", PgQuery: "unknown"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readVersionInfo(c.linked, c.bi)
			c.want.Go = runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
			if got != c.want {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
	var b strings.Builder
	v := readVersionInfo("", bi)
	v.Grammar = "16.1"
	if err := v.write(&b); err != nil {
		t.Fatal(err)
	}
	want := "renovate v1.4.0\ncommit: 0620aa2af7d935397bb8085d52294242425ce245 (2026-11-22T07:00:00Z) with uncommitted changes\ngo: " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\npg_query_go: v5.1.0 (PostgreSQL 16.1 grammar)\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestVersionCommand runs renovate version in this test binary. A test
// binary's build info holds no module versions or VCS stamp (those are
// checked on a real build in TestTerminalSession); the grammar version comes
// from the parser itself.
func TestVersionCommand(t *testing.T) {
	out, errOut, code := runIn(t, session{}, "version")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"renovate test\n", "\ncommit: ", "\ngo: " + runtime.Version() + " ", "\npg_query_go: ", " (PostgreSQL 16."} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
}
