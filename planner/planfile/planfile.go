// Package planfile reads a plan saved as SQL (by `renovate plan -o` or
// `renovate plan > file`, possibly edited by hand) back into a
// planner.Plan that apply can check and run.
//
// A hand-edited plan cannot be trusted to carry its hazard comments, so
// every statement is classified again from its parse tree: the hazards of a
// step are those its comments declare plus those its SQL implies.
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
	stmts, err := pg_query.SplitWithScanner(text, true)
	if err != nil {
		return nil, fmt.Errorf("%s: splitting statements: %w", path, err)
	}
	offset := 0
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
				step.Hazards = addHazard(step.Hazards, planner.Hazard{Kind: planner.HazardKind(kind), Message: msg})
			}
		}
		bodyStart := pos + len(raw) - len(strings.TrimLeft(body, " \t\r\n"))
		line := 1 + strings.Count(text[:bodyStart], "\n")
		if header, err := conformingStrings(step.SQL); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		} else if header {
			continue
		}
		action, hazards, err := Classify(step.SQL)
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
		p.Steps = append(p.Steps, step)
	}
	return p, nil
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

// Classify parses one statement and returns its action and the hazards its
// SQL implies on its own: dropping tables, columns, sequences, types,
// schemas or extensions and deleting rows destroy data.
func Classify(sql string) (planner.Action, []planner.Hazard, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return "", nil, fmt.Errorf("parsing statement: %w", err)
	}
	if len(tree.Stmts) != 1 {
		return "", nil, fmt.Errorf("expected one statement, found %d", len(tree.Stmts))
	}
	loss := func(what string) []planner.Hazard {
		return []planner.Hazard{{Kind: planner.HazardDeletesData, Message: what + " deletes data."}}
	}
	n := tree.Stmts[0].Stmt
	switch {
	case n.GetDropStmt() != nil:
		switch n.GetDropStmt().RemoveType {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_TYPE,
			pg_query.ObjectType_OBJECT_SCHEMA, pg_query.ObjectType_OBJECT_EXTENSION, pg_query.ObjectType_OBJECT_MATVIEW:
			return planner.ActionDrop, loss(strings.TrimSpace(firstWords(sql, 2))), nil
		}
		return planner.ActionDrop, nil, nil
	case n.GetAlterTableStmt() != nil:
		for _, c := range n.GetAlterTableStmt().Cmds {
			if cmd := c.GetAlterTableCmd(); cmd != nil && cmd.Subtype == pg_query.AlterTableType_AT_DropColumn {
				return planner.ActionAlter, loss("DROP COLUMN " + cmd.Name), nil
			}
		}
		return planner.ActionAlter, nil, nil
	case n.GetDeleteStmt() != nil:
		return planner.ActionDrop, loss("DELETE"), nil
	case n.GetTruncateStmt() != nil:
		return planner.ActionDrop, loss("TRUNCATE"), nil
	case n.GetCreateStmt() != nil, n.GetIndexStmt() != nil, n.GetCreateSeqStmt() != nil, n.GetCreateEnumStmt() != nil,
		n.GetCreateSchemaStmt() != nil, n.GetCreateExtensionStmt() != nil, n.GetInsertStmt() != nil:
		return planner.ActionCreate, nil, nil
	case n.GetTransactionStmt() != nil:
		return "", nil, fmt.Errorf("transaction control (%s) is not allowed in a plan: apply runs the plan in its own transaction", strings.TrimSpace(firstWords(sql, 1)))
	}
	return planner.ActionAlter, nil, nil
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
