package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/catalog"
)

// applyExecOptions returns how apply runs the plan's statements: with
// lockTimeout, counting them on prog (a terminal's status line), and with
// -v printing each statement's duration on stderr as it finishes.
func applyExecOptions(f *Factory, prog *progress, p *planner.Plan, base catalog.ExecOptions) catalog.ExecOptions {
	n := len(p.Steps)
	summary := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return truncate(strings.TrimSpace(p.Steps[i].SQL), 60)
	}
	// Execute runs the transactional statements first, so statements are
	// counted in the order they run, not by their index.
	started, finished := 0, 0
	base.OnStatement = func(i int) {
		started++
		prog.Count(started, n, summary(i))
	}
	base.OnStatementDone = func(i int, elapsed time.Duration, err error) {
		if f.IO.Verbose {
			status := ""
			if err != nil {
				status = " (failed)"
			}
			prog.Println(fmt.Sprintf("%*d/%d %9s  %s%s", len(fmt.Sprint(n)), started, n, formatDuration(elapsed), summary(i), status))
		}
		finished++
		if finished == n && err == nil {
			prog.Phase("Recording the run and rewriting the files")
		}
	}
	return base
}

// formatDuration prints a statement's duration with three significant
// digits: 412µs, 3.52ms, 1.21s.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.2fs", d.Seconds())
	}
}
