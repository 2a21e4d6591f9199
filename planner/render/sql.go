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
	// BeginTransaction and CommitTransaction enclose the statements that
	// run in the plan's transaction, so psql runs a saved plan as apply
	// does: all of them or none. The statements that cannot run in a
	// transaction block (NoTransactionMarker) follow CommitTransaction.
	BeginTransaction  = "BEGIN;"
	CommitTransaction = "COMMIT;"
)

// SessionSettings are the settings a plan needs besides
// ConformingStrings, written after it in the header so the file runs the
// same in psql as in apply, whatever the server, database, role or
// PGOPTIONS set:
//
//   - check_function_bodies off: a routine's body may name a table or
//     function the plan creates after it (routines come before the tables
//     and defaults calling them), as pg_dump's output does; apply's
//     sessions set it too (state/catalog.Execute);
//   - client_encoding UTF8: the file is UTF-8 (names, comments, literals),
//     as apply's connection is.
//
// The plan file reader (planner/planfile) takes exactly these statements
// before the first step as the header; any other SET is classified as a
// step.
var SessionSettings = []string{
	"SET check_function_bodies = false;",
	"SET client_encoding = 'UTF8';",
}

// SQL writes p as a runnable plan file: a header of comments (format
// version, renovate version, the remote fingerprint, the git commit),
// ConformingStrings and SessionSettings, then every statement preceded by
// comments naming its step, its hazards and, for a statement that must run
// outside the transaction, NoTransactionMarker. The statements are written
// in the order apply runs them: the transactional ones between
// BeginTransaction and CommitTransaction, then the others, so `psql -f`
// runs the file as apply would.
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
	for _, s := range SessionSettings {
		b.WriteString(s + "\n")
	}
	if p.Empty() {
		b.WriteString("-- No changes.\n")
	}
	inTx := false
	for _, s := range inRunOrder(p.Steps) {
		if s.Transactional && !inTx {
			b.WriteString("\n" + BeginTransaction + "\n")
			inTx = true
		}
		if !s.Transactional && inTx {
			b.WriteString("\n" + CommitTransaction + "\n")
			inTx = false
		}
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
	if inTx {
		b.WriteString("\n" + CommitTransaction + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// inRunOrder lists the transactional steps, then the others, each group
// in plan order: the order state/catalog.Execute runs them in.
func inRunOrder(steps []planner.Step) []planner.Step {
	out := make([]planner.Step, 0, len(steps))
	for _, s := range steps {
		if s.Transactional {
			out = append(out, s)
		}
	}
	for _, s := range steps {
		if !s.Transactional {
			out = append(out, s)
		}
	}
	return out
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
