package layout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/renovate-pg/renovate/sqlgen"
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
	if len(s.MemberPrivileges) > 0 {
		ext.WriteString("-- Privileges of the extensions' routines that differ from those CREATE EXTENSION gives.\n")
		ext.WriteString(sqlgen.MemberPrivileges(s.MemberPrivileges))
	}
	out["extensions.sql"] = ext.String()
	if len(s.DefaultPrivileges) > 0 {
		out[DefaultPrivilegesPath] = sqlgen.DefaultPrivilegesDefinition(s.DefaultPrivileges)
	}
	if len(s.Publications) > 0 {
		out[PublicationsPath] = sqlgen.PublicationsDefinition(s.Publications)
	}
	foreignFiles(s, out)
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
	defs := renderAll(len(s.Tables), func(i int) string {
		t := s.Tables[i]
		return sqlgen.TableDefinition(t, owned[t.QualName()], sqlgen.ParentTables(s, t)...)
	})
	for i, t := range s.Tables {
		out[ObjectPath(t.Schema, tableDir(t), t.Name)] = defs[i]
	}
	for _, v := range s.Views {
		out[ViewPath(v)] = sqlgen.ViewDefinition(v)
	}
	routineFiles(s, out)
	defObjectFiles(s, out)
	ownerFiles(s, out)
	return out
}

// renderAll returns render(i) for every i < n, computed on up to
// GOMAXPROCS goroutines: the tables are most of a large schema's text,
// and each one's depends only on the model, which nothing changes
// meanwhile. A panic in render is raised again in the caller's goroutine,
// where the commands recover from it.
func renderAll(n int, render func(int) string) []string {
	out := make([]string, n)
	workers := min(runtime.GOMAXPROCS(0), n/64+1)
	panics := make([]any, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[w] = recover() }()
			for i := w; i < n; i += workers {
				out[i] = render(i)
			}
		}()
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
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

// MaxFileName is the longest file name, in bytes, renovate writes: the
// limit of ext4, XFS, APFS, NTFS and most other filesystems.
const MaxFileName = 255

// FileName turns an object name into a name that is safe and distinct on
// every filesystem, including case-insensitive ones: lower-case letters,
// digits, '_' and '-' stay; every other byte (upper case included) becomes
// %XX. Names starting with '.' are escaped too. An escaped name too long
// for a file name with its ".sql" (upper-case or non-ASCII names triple
// in length) is shortened: see ShortName.
func FileName(name string) string { return fileName(name, MaxFileName-len(".sql")) }

// fileName is FileName with at most limit bytes.
func fileName(name string, limit int) string {
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
	if b.Len() > limit {
		return shortName(name, b.String(), limit)
	}
	return b.String()
}

// shortHashLen is the number of hex digits of the name's SHA-256 that end
// a shortened file name.
const shortHashLen = 16

// ShortMark separates the kept start of a shortened file name from the
// hash of the whole name. FileName escapes '~' everywhere else, so a name
// holding it is a shortened one.
const ShortMark = "~"

// shortName is the stable, collision-free short form of a name whose
// escape is too long: as much of the escape as fits (never cutting a %XX
// in two), ShortMark, and the first 16 hex digits of the SHA-256 of the
// whole name. The file's content names the object in full; IsShortName
// tells a reader that the path cannot be turned back into the name.
func shortName(name, escaped string, limit int) string {
	keep := limit - len(ShortMark) - shortHashLen
	if keep < 0 {
		keep = 0
	}
	if keep > len(escaped) {
		keep = len(escaped)
	}
	for keep > 0 && (escaped[keep-1] == '%' || (keep >= 2 && escaped[keep-2] == '%')) {
		keep-- // do not cut an escape
	}
	sum := sha256.Sum256([]byte(name))
	return escaped[:keep] + ShortMark + hex.EncodeToString(sum[:])[:shortHashLen]
}

// IsShortName reports whether a path has a shortened component, whose
// object name only the file's content holds.
func IsShortName(p string) bool { return strings.Contains(p, ShortMark) }

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
	have := map[string]string{}
	for _, f := range existing {
		have[f.Path] = f.SQL
	}
	paths := make([]string, 0, len(want))
	for p := range want {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	// Two phases, so that a failure (a full disk, a name the filesystem
	// refuses) leaves the directory as it was: every changed file is
	// first written to a temporary file beside it, then all are renamed.
	st := &staging{root: dir}
	for _, p := range paths {
		if old, ok := have[p]; ok && old == want[p] {
			continue
		}
		if err := st.add(p, []byte(want[p])); err != nil {
			st.abort()
			return nil, fmt.Errorf("writing %s: %w", p, err)
		}
	}
	touched, err := st.commit()
	if err != nil {
		return touched, err
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

// staging holds files written to temporary names, not yet renamed into
// place, and the directories made for them.
type staging struct {
	root  string
	files []stagedFile
	dirs  []string // made by add, deepest last
}

type stagedFile struct{ rel, tmp, final string }

// add writes data to a temporary file in the directory of rel.
func (st *staging) add(rel string, data []byte) error {
	final := filepath.Join(st.root, filepath.FromSlash(rel))
	if err := st.mkdirAll(filepath.Dir(final)); err != nil {
		return err
	}
	tmp, err := writeTemp(filepath.Dir(final), data)
	if err != nil {
		return err
	}
	st.files = append(st.files, stagedFile{rel: rel, tmp: tmp, final: final})
	return nil
}

// mkdirAll is os.MkdirAll that remembers the directories it made.
func (st *staging) mkdirAll(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		st.dirs = append(st.dirs, missing[i])
	}
	return nil
}

// abort removes the temporary files and the directories add made.
func (st *staging) abort() {
	for _, f := range st.files {
		os.Remove(f.tmp)
	}
	for i := len(st.dirs) - 1; i >= 0; i-- {
		os.Remove(st.dirs[i])
	}
	st.files, st.dirs = nil, nil
}

// commit renames every temporary file into place and returns the paths
// written. A rename that fails stops it; the temporary files not yet
// renamed are removed.
func (st *staging) commit() ([]string, error) {
	var done []string
	for i, f := range st.files {
		if err := os.Rename(f.tmp, f.final); err != nil {
			for _, g := range st.files[i:] {
				os.Remove(g.tmp)
			}
			return done, fmt.Errorf("writing %s: %w", f.rel, err)
		}
		done = append(done, f.rel)
	}
	return done, nil
}

// writeTemp writes data to a new temporary file in dir, mode 0644, and
// returns its path; on failure nothing is left behind.
func writeTemp(dir string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, ".renovate-*")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(name)
		return "", err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// isLayoutPath reports whether p is a path Write could produce.
func isLayoutPath(p string) bool {
	if p == "extensions.sql" || p == PublicationsPath || p == DefaultPrivilegesPath || p == ForeignDataPath || p == SubscriptionsPath || isRoutinePath(p) || isDefObjectPath(p) || IsDataPath(p) {
		return true
	}
	parts := strings.Split(p, "/")
	switch len(parts) {
	case 2:
		return parts[1] == "schema.sql"
	case 3:
		switch parts[1] {
		case "tables", "foreign_tables", "sequences", "types", "views", "materialized_views", "collations":
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
// interrupted write never leaves a half-written file, and a failed one
// leaves no temporary file either.
func writeFileAtomic(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp, err := writeTemp(filepath.Dir(path), data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// pathKinds maps the folders of the per-object layout to object kinds.
var pathKinds = map[string]state.Kind{
	"tables": state.KindTable, "foreign_tables": state.KindTable, "sequences": state.KindSequence, "types": state.KindType,
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

// unescapeFileName inverts FileName; a shortened name cannot be inverted.
func unescapeFileName(s string) (string, bool) {
	if s == "%00" {
		return "", true
	}
	if strings.Contains(s, ShortMark) {
		return "", false
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
