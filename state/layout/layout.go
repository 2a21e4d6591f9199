package layout

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/planner/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// MetaDir is the directory, relative to the schema directory, that holds
// renovate's own records. Its files are never read as schema.
const MetaDir = "_meta"

// File is one SQL file of a schema directory.
type File struct {
	// Path is relative to the schema directory, with forward slashes.
	Path string
	SQL  string
}

// Load reads every .sql file under dir, in any layout, skipping hidden
// directories and _meta. Files are returned sorted by path.
func Load(dir string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if e.IsDir() {
			if path != dir && (strings.HasPrefix(e.Name(), ".") || rel == MetaDir) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(e.Name(), ".sql") {
			return nil
		}
		// Data files (<schema>/data/<table>.sql) are rows, read by the
		// data diff for the tables renovate.hcl names.
		if IsDataPath(filepath.ToSlash(rel)) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// A saved plan (renovate plan -o plan.sql) is not schema.
		if IsPlanFile(b) {
			return nil
		}
		files = append(files, File{Path: filepath.ToSlash(rel), SQL: string(b)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading schema files in %s: %w", dir, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// PlanFileHeader is the first line of every plan file renovate writes.
const PlanFileHeader = "-- renovate plan\n"

// IsPlanFile reports whether content is a saved plan rather than schema.
func IsPlanFile(content []byte) bool { return bytes.HasPrefix(content, []byte(PlanFileHeader)) }

// Files returns the canonical per-object files for s: path -> content.
func Files(s state.DatabaseSchema) map[string]string {
	out := map[string]string{}
	var ext strings.Builder
	ext.WriteString("-- Extensions of the database (objects they own are not dumped).\n")
	for _, e := range s.Extensions {
		ext.WriteString(sqlgen.ExtensionDefinition(e))
	}
	out["extensions.sql"] = ext.String()
	if len(s.DefaultPrivileges) > 0 {
		out[DefaultPrivilegesPath] = sqlgen.DefaultPrivilegesDefinition(s.DefaultPrivileges)
	}
	if len(s.Publications) > 0 {
		out[PublicationsPath] = sqlgen.PublicationsDefinition(s.Publications)
	}
	for _, sc := range s.Schemas {
		out[SchemaPath(sc.Name)] = sqlgen.SchemaDefinition(sc)
	}
	for _, t := range s.Types {
		out[ObjectPath(t.Schema, "types", t.Name)] = sqlgen.TypeDefinition(t)
	}
	for _, c := range s.Collations {
		out[ObjectPath(c.Schema, "collations", c.Name)] = sqlgen.CollationDefinition(c)
	}
	owned := sqlgen.OwnedSequences(s)
	for _, sq := range s.Sequences {
		if _, ok := s.Table(state.QualName{Schema: sq.Schema, Name: ownerTable(sq)}); ok && sq.OwnedBy != nil {
			continue
		}
		out[ObjectPath(sq.Schema, "sequences", sq.Name)] = sqlgen.SequenceDefinition(sq)
	}
	for _, t := range s.Tables {
		out[ObjectPath(t.Schema, "tables", t.Name)] = sqlgen.TableDefinition(t, owned[t.QualName()], sqlgen.ParentTables(s, t)...)
	}
	for _, v := range s.Views {
		out[ViewPath(v)] = sqlgen.ViewDefinition(v)
	}
	routineFiles(s, out)
	return out
}

func ownerTable(s state.Sequence) string {
	if s.OwnedBy == nil {
		return ""
	}
	return s.OwnedBy.Table
}

// DefaultPrivilegesPath is the file of the ALTER DEFAULT PRIVILEGES
// entries, written only when there are some.
const DefaultPrivilegesPath = "default_privileges.sql"

// PublicationsPath is the file of every publication, written only when
// there are some.
const PublicationsPath = "publications.sql"

// SchemaPath is the file of a schema's own definition.
func SchemaPath(schema string) string { return FileName(schema) + "/schema.sql" }

// ObjectPath is the file of an object of the given directory kind
// ("tables", "sequences", "types") in a schema.
func ObjectPath(schema, dir, name string) string {
	return FileName(schema) + "/" + dir + "/" + FileName(name) + ".sql"
}

// FileName turns an object name into a name that is safe and distinct on
// every filesystem, including case-insensitive ones: lower-case letters,
// digits, '_' and '-' stay; every other byte (upper case included) becomes
// %XX. Names starting with '.' are escaped too.
func FileName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	if b.Len() == 0 {
		return "%00"
	}
	return b.String()
}

// ErrForeignLayout is returned by Write when the directory holds .sql files
// that renovate's layout would not write (a hand-written schema.sql, say):
// rewriting would duplicate their objects, so nothing is written.
var ErrForeignLayout = errors.New("the directory holds .sql files outside renovate's layout")

// ForeignLayoutError lists the files that stopped Write.
type ForeignLayoutError struct{ Paths []string }

func (e *ForeignLayoutError) Error() string {
	return fmt.Sprintf("%s: %s; not rewriting them (keep editing them by hand, or move to renovate's layout with renovate fetch in an empty directory)",
		ErrForeignLayout, strings.Join(e.Paths, ", "))
}

// Unwrap makes errors.Is(err, ErrForeignLayout) work.
func (e *ForeignLayoutError) Unwrap() error { return ErrForeignLayout }

// Write makes dir hold exactly the canonical files of s: it writes changed
// files and removes .sql files of objects that no longer exist. It returns
// the paths it created, changed or removed, sorted. When the directory
// holds .sql files outside the layout, it writes nothing and returns a
// *ForeignLayoutError.
func Write(dir string, s state.DatabaseSchema) ([]string, error) {
	return WriteFiles(dir, Files(s), nil)
}

// WriteFiles is Write for files already rendered (path -> content, as
// Files returns them), e.g. filtered or with variable references put
// back. A file not in want is removed unless keep (when not nil) says it
// stays: the file of an object out of the environment's scope.
func WriteFiles(dir string, want map[string]string, keep func(path string) bool) ([]string, error) {
	existing, err := Load(dir)
	if err != nil {
		return nil, err
	}
	var foreign []string
	for _, f := range existing {
		if !isLayoutPath(f.Path) {
			foreign = append(foreign, f.Path)
		}
	}
	if len(foreign) > 0 {
		return nil, &ForeignLayoutError{Paths: foreign}
	}
	var touched []string
	have := map[string]string{}
	for _, f := range existing {
		have[f.Path] = f.SQL
	}
	paths := make([]string, 0, len(want))
	for p := range want {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if old, ok := have[p]; ok && old == want[p] {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return touched, fmt.Errorf("writing %s: %w", p, err)
		}
		if err := writeFileAtomic(full, []byte(want[p])); err != nil {
			return touched, fmt.Errorf("writing %s: %w", p, err)
		}
		touched = append(touched, p)
	}
	for _, f := range existing {
		if _, ok := want[f.Path]; ok || (keep != nil && keep(f.Path)) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.Remove(full); err != nil {
			return touched, fmt.Errorf("removing %s: %w", f.Path, err)
		}
		removeEmptyParents(dir, filepath.Dir(full))
		touched = append(touched, f.Path)
	}
	sort.Strings(touched)
	return touched, nil
}

// isLayoutPath reports whether p is a path Write could produce.
func isLayoutPath(p string) bool {
	if p == "extensions.sql" || p == PublicationsPath || p == DefaultPrivilegesPath || isRoutinePath(p) || IsDataPath(p) {
		return true
	}
	parts := strings.Split(p, "/")
	switch len(parts) {
	case 2:
		return parts[1] == "schema.sql"
	case 3:
		switch parts[1] {
		case "tables", "sequences", "types", "views", "materialized_views", "collations":
			return strings.HasSuffix(parts[2], ".sql")
		}
	}
	return false
}

func removeEmptyParents(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root) {
		if err := os.Remove(dir); err != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

// writeFileAtomic writes through a temporary file and a rename, so an
// interrupted write never leaves a half-written schema file.
func writeFileAtomic(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".renovate-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// pathKinds maps the folders of the per-object layout to object kinds.
var pathKinds = map[string]state.Kind{
	"tables": state.KindTable, "sequences": state.KindSequence, "types": state.KindType,
	"views": state.KindView, "materialized_views": state.KindMaterializedView,
	"collations": state.KindCollation, "functions": state.KindFunction, "procedures": state.KindProcedure,
}

// PathObject returns the object that renovate writes to path p in its
// layout (a schema, table, view, routine, trigger, ...): false for files
// that hold several objects or are not in the layout.
func PathObject(p string) (state.ObjectKey, bool) {
	parts := strings.Split(p, "/")
	switch {
	case len(parts) == 2 && parts[1] == "schema.sql":
		if name, ok := unescapeFileName(parts[0]); ok {
			return state.ObjectKey{Kind: state.KindSchema, Name: name}, true
		}
	case len(parts) == 3 && strings.HasSuffix(parts[2], ".sql"):
		schema, ok := unescapeFileName(parts[0])
		if !ok {
			return state.ObjectKey{}, false
		}
		base := strings.TrimSuffix(parts[2], ".sql")
		if parts[1] == "triggers" {
			table, trigger, found := strings.Cut(base, ".")
			t, ok1 := unescapeFileName(table)
			n, ok2 := unescapeFileName(trigger)
			if found && ok1 && ok2 {
				return state.ObjectKey{Kind: state.KindTrigger, Schema: schema, Table: t, Name: n}, true
			}
			return state.ObjectKey{}, false
		}
		kind, ok := pathKinds[parts[1]]
		name, ok2 := unescapeFileName(base)
		if ok && ok2 {
			return state.ObjectKey{Kind: kind, Schema: schema, Name: name}, true
		}
	}
	return state.ObjectKey{}, false
}

// unescapeFileName inverts FileName.
func unescapeFileName(s string) (string, bool) {
	if s == "%00" {
		return "", true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(s) {
			return "", false
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", false
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), true
}
