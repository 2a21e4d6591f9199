package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// This file completes the remote side's model with what introspection
// knows beyond the SQL text: the warnings about what renovate does not
// manage, and views' output columns.

// unmanagedWarnings names the objects of kinds renovate does not manage
// (catalog.Unmanaged), one line each.
func unmanagedWarnings(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	objs, err := catalog.Unmanaged(ctx, conn)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(objs))
	for i, o := range objs {
		out[i] = o.String() + " is not managed by renovate (" + o.Reason() + "): it is left out of the files and plans leave it alone"
	}
	privs, err := catalog.UnmanagedPrivileges(ctx, conn)
	if err != nil {
		return nil, err
	}
	for _, p := range privs {
		if p.Extension {
			out = append(out, "the privileges of "+p.Object+", a member of an extension, differ from those CREATE EXTENSION gave it: "+
				"renovate does not carry privileges of extension members, the files leave them out")
		} else {
			out = append(out, "the owner of "+p.Object+" revoked some of its own privileges that renovate does not carry "+
				"(on an identity sequence, an aggregate or a base type): the files leave that out")
		}
	}
	return out, nil
}

// ownersWarning says, in one line, that owners are not managed when
// objects are owned by roles other than the connecting one: their owners
// are not in the files, and a database built from the files gives every
// object to the role applying them.
func ownersWarning(owners []catalog.OwnedObject) string {
	if len(owners) == 0 {
		return ""
	}
	const shown = 3
	var examples []string
	for i, o := range owners {
		if i == shown {
			examples = append(examples, fmt.Sprintf("and %d more", len(owners)-shown))
			break
		}
		examples = append(examples, o.Kind+" "+o.Name+" by "+o.Owner)
	}
	return fmt.Sprintf("%d object(s) are owned by roles other than the one connected (%s): %s", len(owners), strings.Join(examples, ", "), ownersNotManaged)
}

// ownersNotManaged says what owners = "ignore" means.
const ownersNotManaged = `owners are not managed (owners = "ignore" in renovate.hcl, the default): ` +
	`the files carry no OWNER TO and objects a plan creates belong to the role applying it; set owners = "manage" to manage them`

// ownersNote is Remote.OwnersNote: ownersNotManaged as a sentence.
const ownersNote = "Note: " + ownersNotManaged + "."

// foreignOwnersWarning is ownersWarning for the database conn is
// connected to, whose objects' owners are owners (catalog.Owners): ""
// when every object is the connected role's.
func foreignOwnersWarning(ctx context.Context, conn *pgx.Conn, owners []state.Owner) (string, error) {
	foreign, err := catalog.ForeignOwners(ctx, conn, owners)
	if err != nil {
		return "", err
	}
	return ownersWarning(foreign), nil
}

// withRemoteViewColumns returns parsed with each view's output columns
// (names and types) and catalog dependencies taken from the introspected
// raw model: SQL text does not carry them, and the planner needs them to
// tell whether CREATE OR REPLACE VIEW can change a view in place and which
// views a column change underneath forces to be recreated. parsed is not
// modified.
func withRemoteViewColumns(raw, parsed state.DatabaseSchema) state.DatabaseSchema {
	if len(parsed.Views) == 0 {
		return parsed
	}
	views := make([]state.View, len(parsed.Views))
	copy(views, parsed.Views)
	for i := range views {
		if rv, ok := raw.View(views[i].QualName()); ok {
			views[i].Columns = rv.Columns
			views[i].ReadsFromCatalog = rv.ReadsFromCatalog
		}
	}
	parsed.Views = views
	return parsed
}
