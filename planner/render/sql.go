package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/renovate-pg/renovate/planner"
)

// Header lines of a plan file. They are SQL comments, so the file runs as
// is with psql, and apply reads them back to check the plan is current.
const (
	HeaderTitle             = "-- renovate plan"
	HeaderFormatVersion     = "-- format_version: "
	HeaderRenovateVersion   = "-- renovate_version: "
	HeaderRemoteFingerprint = "-- remote_fingerprint: "
	HeaderGitCommit         = "-- git_commit: "
	// HeaderRecordedRun starts the line renovate show writes under the
	// title of a recorded run's plan: a replay made for another database,
	// which carries no remote_fingerprint for apply to check.
	HeaderRecordedRun = "-- recorded run: "
	// StepPrefix starts the comment naming a step and its object; it is
	// for the reader, and plan files are read without it.
	StepPrefix = "-- step "
	// HazardPrefix starts a comment naming a step's hazard.
	HazardPrefix = "-- hazard "
	// NoTransactionMarker precedes a statement that must run outside the
	// transaction.
	NoTransactionMarker = "-- renovate:no-transaction"
	// ConformingStrings ends the header, as pg_dump's output starts: the
	// server's own texts in a plan (defaults, view bodies, ...) are printed
	// for standard_conforming_strings on, so a plan run with psql on a
	// database, role or PGOPTIONS that turns it off must turn it on first,
	// or a backslash could end a literal early. apply reads the statement as
	// part of the header, not as a step (renovate's sessions have it on).
	ConformingStrings = "SET standard_conforming_strings = on;"
)

// SQL writes p as a runnable plan file: a header of comments (format
// version, renovate version, the remote fingerprint, the git commit) and
// ConformingStrings, then
// every statement preceded by comments naming its step, its hazards and,
// for a statement that must run outside the transaction, NoTransactionMarker.
func SQL(w io.Writer, p *planner.Plan) error {
	var b strings.Builder
	b.WriteString(HeaderTitle + "\n")
	fmt.Fprintf(&b, "%s%d\n", HeaderFormatVersion, p.FormatVersion)
	if p.RenovateVersion != "" {
		b.WriteString(HeaderRenovateVersion + oneLine(p.RenovateVersion) + "\n")
	}
	if p.RemoteFingerprint != "" {
		b.WriteString(HeaderRemoteFingerprint + p.RemoteFingerprint + "\n")
	}
	if p.GitCommit != "" {
		b.WriteString(HeaderGitCommit + p.GitCommit + "\n")
	}
	b.WriteString(ConformingStrings + "\n")
	if p.Empty() {
		b.WriteString("-- No changes.\n")
	}
	for _, s := range p.Steps {
		b.WriteString("\n")
		fmt.Fprintf(&b, "%s%d: %s\n", StepPrefix, s.ID, stepTitle(s))
		for _, h := range s.Hazards {
			fmt.Fprintf(&b, "%s%s: %s\n", HazardPrefix, h.Kind, oneLine(h.Message))
		}
		if !s.Transactional {
			b.WriteString(NoTransactionMarker + "\n")
		}
		b.WriteString(s.SQL)
		if !strings.HasSuffix(s.SQL, "\n") {
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
