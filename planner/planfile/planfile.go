// Package planfile reads a plan saved as SQL (by `renovate plan -o` or
// `renovate plan > file`, possibly edited by hand) back into a
// planner.Plan that apply can check and run.
//
// A hand-edited plan cannot be trusted to carry its hazard comments, so
// every statement is classified again from its parse tree: the hazards of a
// step are those its comments declare plus those its SQL implies.
//
// planfile imports planner, planner/render (the comment format it reads
// back) and state.
package planfile

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
)

// Read parses a plan file. path is used in error messages.
func Read(path, text string) (*planner.Plan, error) {
	return ReadWithOptions(path, text, Options{})
}

// ReadWithOptions parses a plan file, attributing row changes to the
// data tables opts names.
func ReadWithOptions(path, text string, opts Options) (*planner.Plan, error) {
	p := &planner.Plan{FormatVersion: planner.FormatVersion, Changes: []planner.ObjectChange{}, Steps: []planner.Step{}}
	sawTitle := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == render.HeaderTitle:
			sawTitle = true
		case strings.HasPrefix(line, render.HeaderFormatVersion):
			v, err := strconv.Atoi(strings.TrimPrefix(line, render.HeaderFormatVersion))
			if err != nil || v != planner.FormatVersion {
				return nil, fmt.Errorf("%s: plan format version %q is not supported (this renovate writes %d)", path, strings.TrimPrefix(line, render.HeaderFormatVersion), planner.FormatVersion)
			}
		case strings.HasPrefix(line, render.HeaderRenovateVersion):
			p.RenovateVersion = strings.TrimSpace(strings.TrimPrefix(line, render.HeaderRenovateVersion))
		case strings.HasPrefix(line, render.HeaderRemoteFingerprint):
			p.RemoteFingerprint = strings.TrimSpace(strings.TrimPrefix(line, render.HeaderRemoteFingerprint))
		case strings.HasPrefix(line, render.HeaderGitCommit):
			p.GitCommit = strings.TrimSpace(strings.TrimPrefix(line, render.HeaderGitCommit))
		}
	}
	if !sawTitle {
		return nil, fmt.Errorf("%s: not a renovate plan (the first line must be %q)", path, render.HeaderTitle)
	}
	if err := checkPlaceholders(path, text); err != nil {
		return nil, err
	}
	// The parser splits SQL-standard bodies (BEGIN ATOMIC ... END) of
	// functions right, which the scanner cuts at their first ";"; a
	// file the parser refuses is split by the scanner, so the statement
	// in error is reported with its line.
	stmts, err := pg_query.SplitWithParser(text, true)
	if err != nil {
		stmts, err = pg_query.SplitWithScanner(text, true)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: splitting statements: %w", path, err)
	}
	offset := 0
	added := addedColumns{}
	settings := sessionSettings()
	var block transactionBlock
	for _, raw := range stmts {
		start := strings.Index(text[offset:], raw)
		pos := offset
		if start >= 0 {
			pos = offset + start
			offset = pos + len(raw)
		}
		comments, body := splitLeadingComments(raw)
		if strings.TrimSpace(body) == "" {
			continue
		}
		step := planner.Step{ID: len(p.Steps) + 1, Action: planner.ActionAlter, SQL: strings.TrimSpace(body) + ";\n", Transactional: true}
		for _, c := range comments {
			if c == render.NoTransactionMarker {
				step.Transactional = false
			}
			if strings.HasPrefix(c, render.HazardPrefix) {
				kind, msg, _ := strings.Cut(strings.TrimPrefix(c, render.HazardPrefix), ": ")
				step.Hazards = addHazard(step.Hazards, planner.RecordedHazard(kind, msg))
			}
		}
		bodyStart := pos + len(raw) - len(strings.TrimLeft(body, " \t\r\n"))
		line := 1 + strings.Count(text[:bodyStart], "\n")
		if header, err := conformingStrings(step.SQL); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		} else if header {
			continue
		}
		switch h := header(step.SQL, settings); {
		case h == headerSetting && len(p.Steps) == 0 && !block.begun:
			continue // the header's session settings (render.SessionSettings)
		case h == headerBegin || h == headerCommit:
			if err := block.statement(h, len(p.Steps)); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			continue
		}
		if err := checkClientEncoding(step.SQL); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		action, hazards, err := opts.classify(step.SQL, added)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		step.Action = action
		if conc, key := concurrent(step.SQL); conc {
			step.Transactional = false
			step.Object = key
		}
		for _, h := range hazards {
			step.Hazards = addHazard(step.Hazards, h)
		}
		if err := block.step(&step); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		p.Steps = append(p.Steps, step)
	}
	if err := block.end(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// IsReplay reports whether a plan file is a recorded run printed by
// renovate show (render.HeaderRecordedRun in its header): a plan made for
// another database, replayed without a fingerprint to check.
func IsReplay(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, render.HeaderRecordedRun) {
			return true
		}
		if line != "" && !strings.HasPrefix(line, "--") {
			return false // past the header
		}
	}
	return false
}

// splitLeadingComments separates the "--" comment lines before a
// statement from the statement itself.
func splitLeadingComments(raw string) (comments []string, body string) {
	lines := strings.Split(raw, "\n")
	i := 0
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "--") {
			break
		}
		comments = append(comments, l)
	}
	return comments, strings.Join(lines[i:], "\n")
}

func addHazard(hs []planner.Hazard, h planner.Hazard) []planner.Hazard {
	for _, x := range hs {
		if x.Kind == h.Kind {
			return hs
		}
	}
	return append(hs, h)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
