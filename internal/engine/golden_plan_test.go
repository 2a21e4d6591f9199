package engine

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/golden"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
)

// Golden plans: every case of testdata/cases and testdata/data keeps the
// plan renovate makes for it in plan.sql, rendered as a saved plan is
// (render.SQL), so a plan that still converges but changed (a drop and
// create instead of an ALTER, a lost CONCURRENTLY, a new hazard) fails
// TestConvergence or TestDataConvergence with a diff. The file holds the
// output on the oldest release that runs the case; where a later release
// plans differently, pg<N>/plan.sql holds the plan of release N and later
// (internal/golden). testdata/cases/README.md and testdata/data/README.md
// summarise the plans (statements and hazard kinds per case) and are
// checked by TestCaseSummary.
//
// After an intended change, regenerate and review the diff:
//
//	go test ./internal/engine -run 'TestConvergence|TestDataConvergence' -update
//	go test ./internal/engine -run TestCaseSummary -update
//
// then compare on the oldest and newest supported servers (RENOVATE_PG_BIN)
// and add a pg<N> directory only where a release really plans differently.
var update = flag.Bool("update", false, "rewrite the golden plans (plan.sql) of testdata/cases and testdata/data, and their README.md summaries")

// goldenOnly makes TestConvergence and TestDataConvergence only plan
// each case and check (or, with -update, write) its golden plan, without
// applying it or checking convergence: a quicker way to compare the
// golden plans on another release.
var goldenOnly = flag.Bool("golden-only", false, "TestConvergence, TestDataConvergence: only plan each case and check its golden plan")

// goldenPlanFile is the golden plan of a case directory.
const goldenPlanFile = "plan.sql"

const goldenUpdateHint = "go test ./internal/engine -run 'TestConvergence|TestDataConvergence' -update"

// Stand-ins for the plan's volatile header (the test database's
// fingerprint, the commit and renovate's version) and for the live size
// of a table a hazard names, which depends on the server release, its
// statistics and autovacuum, not on the plan.
const (
	goldenFingerprint = "0000000000000000000000000000000000000000000000000000000000000000"
	goldenCommit      = "1111111111111111111111111111111111111111"
	goldenVersion     = "v0.0.0-golden"
	goldenSize        = "<size>"
)

// checkGoldenPlan compares p, as goldenPlanText renders it, with the
// golden plan of the case directory dir for this server, or rewrites it
// under -update.
func checkGoldenPlan(t *testing.T, dir string, p *planner.Plan) {
	t.Helper()
	text, err := goldenPlanText(p)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, dir, goldenPlanFile, text, srv.Version(), *update, goldenUpdateHint)
}

// goldenOnlyPlan plans the database at dsn against the files in dir and
// checks the plan against the golden plans of data's case directories.
func goldenOnlyPlan(t *testing.T, dsn, dir string, sc Scope, data []caseData, opts ...PlanOption) error {
	p, err := makePlanScoped(t, dsn, dir, sc, opts...)
	if err != nil {
		return err
	}
	for _, d := range data {
		if d.goldenDir != "" {
			checkGoldenPlan(t, d.goldenDir, p)
		}
	}
	return nil
}

// goldenPlanText renders p as a saved plan, with the stand-ins for its
// volatile header and sizes; p itself is left as it is.
func goldenPlanText(p *planner.Plan) (string, error) {
	q := *p
	q.RemoteFingerprint, q.GitCommit, q.RenovateVersion = goldenFingerprint, goldenCommit, goldenVersion
	q.Steps = make([]planner.Step, len(p.Steps))
	for i, s := range p.Steps {
		if s.Relation != nil && s.Size != nil {
			measured := fmt.Sprintf(" (%s: %s)", s.Relation, *s.Size)
			s.Hazards = append([]planner.Hazard(nil), s.Hazards...)
			for j := range s.Hazards {
				if m, ok := strings.CutSuffix(s.Hazards[j].Message, measured); ok {
					s.Hazards[j].Message = fmt.Sprintf("%s (%s: %s)", m, s.Relation, goldenSize)
				}
			}
			s.Size = nil
		}
		q.Steps[i] = s
	}
	var b strings.Builder
	if err := render.SQL(&b, &q); err != nil {
		return "", fmt.Errorf("rendering the golden plan: %w", err)
	}
	return b.String(), nil
}

// caseSummary is what a case's README row says of its golden plan.
type caseSummary struct {
	statements int
	// hazards counts the plan's hazards by kind.
	hazards map[string]int
}

// summarizePlanFile reads a golden plan file: its statements are its
// steps (one statement each, render.StepPrefix) and its hazards the
// render.HazardPrefix comments.
func summarizePlanFile(path string) (caseSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return caseSummary{}, err
	}
	defer f.Close()
	s := caseSummary{hazards: map[string]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, render.StepPrefix):
			s.statements++
		case strings.HasPrefix(line, render.HazardPrefix):
			kind, _, ok := strings.Cut(strings.TrimPrefix(line, render.HazardPrefix), ":")
			if !ok {
				return caseSummary{}, fmt.Errorf("%s: hazard comment without a kind: %q", path, line)
			}
			s.hazards[kind]++
		}
	}
	if err := sc.Err(); err != nil {
		return caseSummary{}, fmt.Errorf("reading %s: %w", path, err)
	}
	return s, nil
}

func (s caseSummary) hazardText() string {
	kinds := make([]string, 0, len(s.hazards))
	for k := range s.hazards {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		if n := s.hazards[k]; n > 1 {
			kinds[i] = fmt.Sprintf("%s ×%d", k, n)
		}
	}
	return strings.Join(kinds, ", ")
}

// caseSummaryReadme renders the README.md of a directory of cases from
// their golden plans: one row per case with the plan's statement count
// and hazard kinds, and the releases that plan differently.
func caseSummaryReadme(root, title, intro string) (string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", title, intro)
	b.WriteString("Generated from each case's golden plan (`plan.sql`, the plan on the oldest\n" +
		"release that runs the case) by `go test ./internal/engine -run TestCaseSummary -update`;\n" +
		"do not edit by hand. *Statements* counts the plan's statements (one per step),\n" +
		"*hazards* its hazard kinds (×N when a kind occurs N times), and *other plans*\n" +
		"the releases N with their own plan in `pg<N>/plan.sql` (used from N on).\n\n")
	b.WriteString("| case | statements | hazards | other plans |\n|---|---:|---|---|\n")
	total, hazardous := 0, 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		s, err := summarizePlanFile(filepath.Join(dir, goldenPlanFile))
		if err != nil {
			return "", fmt.Errorf("case %s: %w (run %s)", e.Name(), err, goldenUpdateHint)
		}
		vs, err := golden.Variants(dir)
		if err != nil {
			return "", err
		}
		var other []string
		for _, v := range vs {
			other = append(other, fmt.Sprintf("pg%d", v))
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", e.Name(), s.statements, s.hazardText(), strings.Join(other, ", "))
		total++
		if len(s.hazards) > 0 {
			hazardous++
		}
	}
	fmt.Fprintf(&b, "\n%d cases, %d of them with hazards.\n", total, hazardous)
	return b.String(), nil
}

// TestCaseSummary checks that testdata/cases/README.md and
// testdata/data/README.md summarise the golden plans as they are (rewritten
// under -update), and that every case has its golden plan.
func TestCaseSummary(t *testing.T) {
	for _, c := range []struct{ root, title, intro string }{
		{filepath.Join("..", "..", "testdata", "cases"), "Convergence cases",
			"Each directory is a case of `TestConvergence` (internal/engine): the plan from\n" +
				"`from.sql` to `to.sql` must apply, match `to.sql` under pg_dump and re-plan empty."},
		{filepath.Join("..", "..", "testdata", "data"), "Data convergence cases",
			"Each directory is a case of `TestDataConvergence` (internal/engine): schema and\n" +
				"reference rows planned from `from.sql` to `to.sql`'s files."},
	} {
		got, err := caseSummaryReadme(c.root, c.title, c.intro)
		if err != nil {
			t.Error(err)
			continue
		}
		path := filepath.Join(c.root, "README.md")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test ./internal/engine -run TestCaseSummary -update)", err)
			continue
		}
		if d := golden.Diff(string(want), got); d != "" {
			t.Errorf("%s is out of date with the golden plans (-want +got); regenerate with go test ./internal/engine -run TestCaseSummary -update:\n%s", path, d)
		}
	}
}
