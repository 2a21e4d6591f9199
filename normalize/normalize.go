package normalize

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// localSearchPath is how unqualified names in local files are resolved:
// PostgreSQL's default search path, as psql would apply the files.
const localSearchPath = "public"

// Server returns desired with the fragments whose text still differs from
// remote's replaced by PostgreSQL's own printing of them.
func Server(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema) (state.DatabaseSchema, error) {
	desired, err := normalizeLocal(ctx, conn, desired, remote)
	if err != nil {
		return desired, err
	}
	if desired, err = normalizeMemberPrivileges(ctx, conn, desired); err != nil {
		return desired, err
	}
	if desired, err = normalizeLocalTypes(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	if desired, err = normalizePartitions(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	if desired, err = normalizePublications(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	if desired, err = normalizePolicies(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	if desired, err = normalizeViews(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	if desired, err = normalizeViewDefaults(ctx, conn, desired, remote); err != nil {
		return desired, err
	}
	return normalizeRoutines(ctx, conn, desired, remote)
}
