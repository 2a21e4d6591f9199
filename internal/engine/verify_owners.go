package engine

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// Plan verification with owners = "manage": the copy of the database is
// built with the owners the remote's files name (ALTER ... OWNER TO), so
// that it equals the database, and the result and the reference are read
// back with their owners. Roles are the cluster's: on the target's own
// server they exist; in a throwaway cluster or on another server the
// missing ones are created (NOLOGIN) and reported. Giving an object to a
// role needs the shadow's role to be a superuser or a member of it, and
// the owners of event triggers and foreign-data wrappers must be
// superusers: when the shadow's server refuses, the error says so.

// ownerBuildError explains a failure to build the copy or the reference
// that comes from giving objects to their owners: PostgreSQL's
// "permission denied" or "must be owner/member", with owners managed.
func ownerBuildError(err error, manage bool, created []string) error {
	var pgErr *pgconn.PgError
	if !manage || !errors.As(err, &pgErr) || pgErr.Code != "42501" {
		return err
	}
	note := "owners are managed (owners = \"manage\"), so the copy gives every object the owner its file names: " +
		"the shadow database's role must be a superuser (or a member of each owning role), " +
		"and the owners of event triggers and foreign-data wrappers must be superusers there as on the database"
	if len(created) > 0 {
		note += fmt.Sprintf("; the shadow's cluster lacked role(s) %s, created there as NOLOGIN roles without those attributes (give the shadow a server where they exist as on the database)", strings.Join(created, ", "))
	}
	return fmt.Errorf("%w\n(%s)", err, note)
}

// copyDifference names what differs between the database's model and
// the copy's, for the copy-stage error: the objects a plan from one to
// the other changes, else its statements, else the files (or model
// fields) that differ. It never comes out empty.
func copyDifference(database, copied state.DatabaseSchema) string {
	var parts []string
	if diff, err := planner.Diff(copied, database); err == nil {
		for _, c := range diff.Changes {
			parts = append(parts, c.Object.String())
		}
		if len(parts) == 0 {
			for _, st := range diff.Steps {
				parts = append(parts, strings.TrimSpace(st.SQL))
			}
		}
	}
	if len(parts) == 0 {
		diffs := fileDiffs(copied, database)
		for _, p := range sortedKeys(diffs) {
			parts = append(parts, p+" (- copy, + database):\n"+strings.Join(diffs[p], "\n"))
		}
	}
	if len(parts) == 0 {
		return " in a property the model does not show"
	}
	return ": " + strings.Join(parts, ", ")
}

// sortedKeys returns the keys of a per-file map in order.
func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
