package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// TextOptions controls the text view.
type TextOptions struct {
	// Color adds ANSI colours (red removals, green additions, yellow
	// hazards). Only for terminals.
	Color bool
	// Context is the number of unchanged lines shown around each change in
	// the per-object diffs; 0 means 3.
	Context int
}

const (
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// Text writes the human view of p: the summary line, then per changed
// object a heading ("Table public.users changed:") and a unified diff of
// its definition, then the steps in order, each with its hazards and its
// statement.
func Text(w io.Writer, p *planner.Plan, opts TextOptions) error {
	if opts.Context == 0 {
		opts.Context = 3
	}
	var b strings.Builder
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	if p.Empty() {
		b.WriteString("No changes. The database matches the schema files.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(paint(ansiBold, Summary(p)) + "\n\n")
	for _, c := range p.Changes {
		b.WriteString(paint(ansiBold, changeHeading(c)) + "\n")
		for _, l := range UnifiedDiff(c.Old, c.New, opts.Context) {
			switch {
			case l == "@@":
				b.WriteString(paint(ansiCyan, l) + "\n")
			case strings.HasPrefix(l, "-"):
				b.WriteString(paint(ansiRed, l) + "\n")
			case strings.HasPrefix(l, "+"):
				b.WriteString(paint(ansiGreen, l) + "\n")
			default:
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(paint(ansiBold, "Steps:") + "\n")
	for _, s := range p.Steps {
		b.WriteString("\n" + paint(ansiBold, fmt.Sprintf("  %d. %s", s.ID, stepTitle(s))))
		if !s.Transactional {
			b.WriteString(" " + paint(ansiCyan, "(runs outside the transaction)"))
		}
		b.WriteString("\n")
		for _, h := range s.Hazards {
			b.WriteString(paint(ansiYellow, fmt.Sprintf("     hazard %s: %s", h.Kind, oneLine(h.Message))) + "\n")
		}
		b.WriteString(indent(s.SQL, "     "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// changeHeading is the line above an object's diff: "Table
// public.users changed:".
func changeHeading(c planner.ObjectChange) string {
	return fmt.Sprintf("%s %s %s:", c.Object.Kind.Title(), c.Object.QualifiedName(), changeVerb(c.Action))
}

// changeVerb is the past participle of an object change's action.
func changeVerb(a planner.Action) string {
	switch a {
	case planner.ActionCreate:
		return "created"
	case planner.ActionDrop:
		return "dropped"
	case planner.ActionRename:
		return "renamed"
	}
	return "changed"
}

// Summary is the one-line count of a plan's objects by action and of its
// hazards: "Plan: 3 to create, 2 to alter, 1 to drop; 1 hazard." (see
// Counts).
func Summary(p *planner.Plan) string { return Count(p).String() }

func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l == "" {
			continue
		}
		b.WriteString(prefix + l)
	}
	if !strings.HasSuffix(s, "\n") {
		b.WriteString("\n")
	}
	return b.String()
}

// UnifiedDiff returns the lines of a unified diff from old to new: removed
// lines start with "-", added with "+", unchanged context with " ", and a
// "@@" line separates hunks. context is the number of unchanged lines kept
// around each change.
func UnifiedDiff(old, new string, context int) []string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(old, new)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	type line struct {
		op   diffmatchpatch.Operation
		text string
	}
	var all []line
	for _, d := range diffs {
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l == "" {
				continue
			}
			all = append(all, line{d.Type, strings.TrimSuffix(l, "\n")})
		}
	}
	// Keep changed lines and up to context unchanged lines around them.
	keep := make([]bool, len(all))
	for i, l := range all {
		if l.op == diffmatchpatch.DiffEqual {
			continue
		}
		for j := max(0, i-context); j <= min(len(all)-1, i+context); j++ {
			keep[j] = true
		}
	}
	var out []string
	gap := false
	for i, l := range all {
		if !keep[i] {
			gap = true
			continue
		}
		if gap && len(out) > 0 {
			out = append(out, "@@")
		}
		gap = false
		switch l.op {
		case diffmatchpatch.DiffDelete:
			out = append(out, "-"+l.text)
		case diffmatchpatch.DiffInsert:
			out = append(out, "+"+l.text)
		default:
			out = append(out, " "+l.text)
		}
	}
	return out
}
