package planner

// phase orders steps. Within a phase, steps keep the order in which the
// planner produced them, which follows the sorted model, so plans are
// deterministic.
//
// The order is chosen so that every object exists before anything that
// uses it is created or altered, and is dropped only after everything that
// used it has been dropped or changed:
//
//   - foreign keys go first when dropped and last when added, so tables
//     with cyclic references can be dropped and created at all;
//   - constraints and indexes are dropped before columns and tables;
//   - types and sequences are created before tables (columns and defaults
//     use them) and dropped after columns changed away from them;
//   - schemas are created first and dropped last.
type phase int

const (
	// Renames come first: every later step names objects by their new
	// names.
	phaseRename phase = iota
	phaseDropForeignKey
	phaseDropConstraint
	phaseDropIndex
	phaseDropTable
	phaseDropColumn
	phaseCreateSchema
	phaseExtension
	phaseType
	phaseSequence
	phaseCreateTable
	phaseAlterColumn
	phaseAddConstraint
	phaseCreateIndex
	phaseOwnedBy
	phaseAddForeignKey
	phaseComment
	phaseDropSequence
	phaseDropType
	phaseDropExtension
	phaseDropSchema
)
