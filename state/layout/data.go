package layout

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// DataDir is the folder of a schema's data files.
const DataDir = "data"

// DataPath is the data file of table q: <schema>/data/<table>.sql.
func DataPath(q state.QualName) string { return ObjectPath(q.Schema, DataDir, q.Name) }

// IsDataPath reports whether p is where a data file lives
// (<schema>/data/<file>.sql). Data files are rows, not schema: they are
// read only for the tables of renovate.hcl's data blocks.
func IsDataPath(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 3 && parts[1] == DataDir && strings.HasSuffix(parts[2], ".sql")
}
