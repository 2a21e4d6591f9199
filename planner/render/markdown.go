package render

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// MarkdownMarker is the first line of every markdown plan. It is an HTML
// comment, invisible on GitHub, that lets a CI job find the comment it
// posted before and update it instead of adding another.
const MarkdownMarker = "<!-- renovate-plan -->"

// Markdown writes p as a pull-request comment (GitHub-flavoured markdown):
// the summary line and a table of counts by object kind, the hazards
// first, then per changed object a collapsible (<details>) diff of its
// definition, then the statements in order, and a footer with the plan
// header (format version, renovate version, fingerprint, commit).
func Markdown(w io.Writer, p *planner.Plan) error {
	var b strings.Builder
	b.WriteString(MarkdownMarker + "\n")
	b.WriteString("### renovate plan\n\n")
	if p.Empty() {
		b.WriteString("**No changes.** The database matches the schema files.\n")
		markdownFooter(&b, p)
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("**" + Summary(p) + "**\n\n")
	markdownCounts(&b, p)

	if hz := p.Hazards(); len(hz) > 0 {
		fmt.Fprintf(&b, "#### :warning: Hazards (%d)\n\n", len(hz))
		b.WriteString("| Step | Object | Hazard | What can go wrong |\n| ---: | --- | --- | --- |\n")
		for _, h := range hz {
			fmt.Fprintf(&b, "| %d | %s | %s | %s |\n", h.Step, mdCode(h.Object.String()), mdCode(string(h.Kind)), mdCell(h.Message))
		}
		b.WriteString("\n")
	}

	if len(p.Changes) > 0 {
		fmt.Fprintf(&b, "#### Changes (%d)\n\n", len(p.Changes))
		for _, c := range p.Changes {
			fmt.Fprintf(&b, "<details>\n<summary><b>%s</b> <code>%s</code></summary>\n\n",
				html.EscapeString(string(c.Action)), html.EscapeString(c.Object.String()))
			body := strings.Join(UnifiedDiff(c.Old, c.New, 3), "\n") + "\n"
			fence := mdFence(body)
			b.WriteString(fence + "diff\n" + body + fence + "\n\n</details>\n\n")
		}
	}

	fmt.Fprintf(&b, "#### Statements (%d)\n\n", len(p.Steps))
	var sql strings.Builder
	for i, s := range p.Steps {
		if i > 0 {
			sql.WriteString("\n")
		}
		fmt.Fprintf(&sql, "%s%d: %s\n", StepPrefix, s.ID, stepTitle(s))
		for _, h := range s.Hazards {
			fmt.Fprintf(&sql, "%s%s: %s\n", HazardPrefix, h.Kind, oneLine(h.Message))
		}
		if !s.Transactional {
			sql.WriteString(NoTransactionMarker + "\n")
		}
		sql.WriteString(s.SQL)
		if !strings.HasSuffix(s.SQL, "\n") {
			sql.WriteString("\n")
		}
	}
	fence := mdFence(sql.String())
	b.WriteString(fence + "sql\n" + sql.String() + fence + "\n")
	markdownFooter(&b, p)
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownCounts writes the summary table: objects by kind and action.
func markdownCounts(b *strings.Builder, p *planner.Plan) {
	type row struct{ create, alter, drop int }
	rows := map[state.Kind]*row{}
	for _, c := range p.Changes {
		r := rows[c.Object.Kind]
		if r == nil {
			r = &row{}
			rows[c.Object.Kind] = r
		}
		switch c.Action {
		case planner.ActionCreate:
			r.create++
		case planner.ActionDrop:
			r.drop++
		default:
			r.alter++
		}
	}
	kinds := make([]string, 0, len(rows))
	for k := range rows {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	n := Count(p)
	b.WriteString("| Objects | Create | Alter | Drop |\n| --- | ---: | ---: | ---: |\n")
	for _, k := range kinds {
		r := rows[state.Kind(k)]
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", mdCell(state.Kind(k).Title()), r.create, r.alter, r.drop)
	}
	// Steps on objects no change lists (grants, say) are in the totals
	// only.
	fmt.Fprintf(b, "| **Total** | **%d** | **%d** | **%d** |\n\n", n.Create, n.Alter, n.Drop)
}

// markdownFooter writes the plan header as a small line.
func markdownFooter(b *strings.Builder, p *planner.Plan) {
	parts := []string{fmt.Sprintf("format_version %d", p.FormatVersion)}
	if p.RenovateVersion != "" {
		parts = append(parts, "renovate "+mdCode(p.RenovateVersion))
	}
	if p.RemoteFingerprint != "" {
		parts = append(parts, "database fingerprint "+mdCode(p.RemoteFingerprint))
	}
	if p.GitCommit != "" {
		parts = append(parts, "commit "+mdCode(p.GitCommit))
	}
	b.WriteString("\n<sub>" + strings.Join(parts, " · ") + "</sub>\n")
}

// mdFence returns a code fence longer than any run of backticks in body,
// so SQL holding backticks cannot close the block early.
func mdFence(body string) string {
	longest, run := 0, 0
	for _, r := range body {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// mdCode renders s as an inline code span that survives backticks and
// pipes in s (quoted identifiers may hold both).
func mdCode(s string) string {
	s = oneLine(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	ticks := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + strings.ReplaceAll(s, "|", `\|`) + pad + ticks
}

// mdCell escapes text for a table cell: one line, pipes escaped, HTML and
// markdown emphasis characters neutralised.
func mdCell(s string) string {
	s = html.EscapeString(oneLine(s))
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}
