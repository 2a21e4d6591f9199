package pgserver

// The template cluster: initdb costs most of a throwaway cluster's start
// (about 1.5 s of CPU against 0.1 s to copy its 40 MB result), so the
// pristine data directory initdb makes is kept once in the user's cache
// directory and copied into each new cluster's temporary directory.
//
// A template lives in <cache>/<key>/, holding data/ (the data directory as
// initdb left it, never started) and READY, written last, naming the key,
// the major version and every file with its size. The key hashes what
// decides the data directory: the binaries (directory, `postgres
// --version`, the postgres executable's size and time) and the initdb
// options. A template whose READY is missing or names another key, whose
// PG_VERSION is not the binaries' version, or whose files differ from
// READY's list is never used: it is removed and made again. Templates are
// made in a directory of their own and renamed into place, so concurrent
// processes see a whole template or none; a cluster only ever runs on its
// own copy.

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// TemplateUse says how a cluster's data directory was made.
type TemplateUse int

const (
	// TemplateNone: by initdb, without a template (none was asked for).
	TemplateNone TemplateUse = iota
	// TemplateBuilt: by initdb, and kept as the template (there was none).
	TemplateBuilt
	// TemplateRebuilt: by initdb, and kept as the template, replacing one
	// that was incomplete, damaged or not the binaries'.
	TemplateRebuilt
	// TemplateReused: copied from the template.
	TemplateReused
	// TemplateKept: copied from a kept cluster (kept.go).
	TemplateKept
)

func (u TemplateUse) String() string {
	switch u {
	case TemplateBuilt:
		return "built"
	case TemplateRebuilt:
		return "rebuilt"
	case TemplateReused:
		return "reused"
	case TemplateKept:
		return "kept"
	}
	return "none"
}

// templateFormat changes when the layout of a template changes.
const templateFormat = "renovate pgtemplate 1"

// readyFile is written last into a template directory.
const readyFile = "READY"

// initdbOptions are the options of every initdb, bar the data directory
// and --no-sync; they are part of the template key.
// WAL segments of 1 MB, not 16: a throwaway cluster writes little WAL,
// and the template copies in less than half the time.
var initdbOptions = []string{"-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--wal-segsize=1"}

// DefaultTemplateDir is where the template clusters are kept:
// os.UserCacheDir()/renovate/pgtemplate.
func DefaultTemplateDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the cache directory: %w", err)
	}
	return filepath.Join(dir, "renovate", "pgtemplate"), nil
}

// StartWarm is [Start] with the data directory copied from a template
// cluster kept in [DefaultTemplateDir] (made by initdb the first time).
// Without a cache directory it starts as Start does.
func StartWarm(ctx context.Context) (*Server, error) {
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := DefaultTemplateDir()
	if err != nil {
		dir = ""
	}
	return StartFromTemplate(ctx, binDir, fromEnv, dir)
}

// StartFromTemplate is [StartFrom] with the data directory copied from the
// template cluster of these binaries under templateDir, which is made (by
// initdb) when it is missing or cannot be trusted. An empty templateDir
// means no template.
func StartFromTemplate(ctx context.Context, binDir string, fromEnv bool, templateDir string, settings ...string) (*Server, error) {
	s := &Server{binDir: binDir, runBin: binDir, settings: settings, templateRoot: templateDir}
	if err := s.startLocal(ctx, fromEnv); err != nil {
		_ = s.Stop()
		return nil, fmt.Errorf("starting postgres from %s: %w", binDir, err)
	}
	return s, nil
}

// Template says how the cluster's data directory was made.
func (s *Server) Template() TemplateUse { return s.templateUse }

// TemplatePath returns the directory of the template the cluster was made
// from or made, "" when none.
func (s *Server) TemplatePath() string { return s.templateDir }

// templateKey hashes what decides the data directory initdb makes, and
// returns it with the binaries' major version.
func (s *Server) templateKey(ctx context.Context) (key string, major int, err error) {
	out := s.versionText
	if out == "" {
		if err := s.runQuiet(ctx, filepath.Join(s.runBin, "postgres"), "--version"); err != nil {
			return "", 0, err
		}
		out = s.versionText
	}
	major, err = parseMajor(out)
	if err != nil {
		return "", 0, err
	}
	fi, err := os.Stat(filepath.Join(s.binDir, "postgres"))
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\nbin=%s\nversion=%s\npostgres=%d %d\ninitdb=%s\nenv=LC_ALL=C\n",
		templateFormat, s.binDir, strings.TrimSpace(out), fi.Size(), fi.ModTime().UnixNano(),
		strings.Join(initdbOptions, " "))
	return hex.EncodeToString(h.Sum(nil)), major, nil
}

var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

// parseMajor reads the major version from `postgres --version`.
func parseMajor(out string) (int, error) {
	m := versionRE.FindStringSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("cannot read the version from postgres --version: %q", strings.TrimSpace(out))
	}
	return strconv.Atoi(m[1])
}

// prepareTemplate sets s.templateDir for the binaries and reports whether
// a template is there to copy. A template that cannot be trusted is
// removed (it will be made again).
func (s *Server) prepareTemplate(ctx context.Context) (ok bool, err error) {
	key, major, err := s.templateKey(ctx)
	if err != nil {
		return false, err
	}
	s.templateKeyHex, s.templateMajor = key, major
	s.templateDir = filepath.Join(s.templateRoot, key[:24])
	if _, err := os.Stat(s.templateDir); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if _, err := s.readReady(); err != nil {
		s.discardTemplate()
		s.templateUse = TemplateRebuilt
		return false, nil
	}
	return true, nil
}

// manifestEntry is one regular file of a template's data directory.
type manifestEntry struct {
	size int64
	path string // slash-separated, relative to data/
}

// readReady reads and checks a template's READY and PG_VERSION, and
// returns READY's file list.
func (s *Server) readReady() ([]manifestEntry, error) {
	_, list, err := readManifest(s.templateDir, readyFile,
		[]string{templateFormat, "key " + s.templateKeyHex, "pg_version " + strconv.Itoa(s.templateMajor)}, s.templateMajor)
	return list, err
}

// readManifest reads the manifest file name of the directory dir (a
// template's READY, a kept cluster's KEPT): the lines of header, in
// order (a line of header ending in a space is a prefix, and the line's
// rest is returned), one "size path" line per regular file of dir/data,
// and "end". It also checks that dir/data/PG_VERSION is major.
func readManifest(dir, name string, header []string, major int) (rest []string, list []manifestEntry, err error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if len(lines) < len(header)+1 || lines[len(lines)-1] != "end" {
		return nil, nil, fmt.Errorf("%s is incomplete", name)
	}
	for i, h := range header {
		switch {
		case strings.HasSuffix(h, " ") && strings.HasPrefix(lines[i], h):
			rest = append(rest, strings.TrimPrefix(lines[i], h))
		case lines[i] != h:
			return nil, nil, fmt.Errorf("%s does not name these binaries", name)
		}
	}
	pv, err := os.ReadFile(filepath.Join(dir, "data", "PG_VERSION"))
	if err != nil || strings.TrimSpace(string(pv)) != strconv.Itoa(major) {
		return nil, nil, fmt.Errorf("PG_VERSION %q is not %d", strings.TrimSpace(string(pv)), major)
	}
	for _, l := range lines[len(header) : len(lines)-1] {
		size, path, ok := strings.Cut(l, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok || err != nil {
			return nil, nil, fmt.Errorf("%s: bad line %q", name, l)
		}
		list = append(list, manifestEntry{n, path})
	}
	return rest, list, nil
}

// writeManifest writes the manifest file name into dir, synced: the
// lines of header, list, and "end" (see readManifest).
func writeManifest(dir, name string, header []string, list []manifestEntry) error {
	var b strings.Builder
	for _, h := range header {
		b.WriteString(h + "\n")
	}
	for _, e := range list {
		fmt.Fprintf(&b, "%d %s\n", e.size, e.path)
	}
	b.WriteString("end\n")
	return writeSynced(filepath.Join(dir, name), b.String())
}

// discardTemplate moves the template aside and removes it. Renaming
// first means no other process starts copying a half-removed one.
func (s *Server) discardTemplate() {
	aside := filepath.Join(s.templateRoot, ".stale-"+randomSuffix())
	if err := os.Rename(s.templateDir, aside); err == nil {
		_ = os.RemoveAll(aside)
	}
}

// copyTemplate copies the template's data directory to dataDir, checking
// every file against READY's list. On any difference it removes what it
// copied and the template, and returns false.
func (s *Server) copyTemplate(dataDir string) bool {
	want, err := s.readReady()
	if err != nil {
		s.discardTemplate()
		return false
	}
	got, err := copyTree(filepath.Join(s.templateDir, "data"), dataDir, s.cred)
	if err == nil && !sameManifest(got, want) {
		err = errors.New("the files differ from READY's list")
	}
	if err != nil {
		_ = os.RemoveAll(dataDir)
		s.discardTemplate()
		return false
	}
	return true
}

func sameManifest(a, b []manifestEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// saveTemplate keeps dataDir, fresh from initdb, as the template: copied
// into a directory of its own, synced, READY written last, then renamed
// into place. When another process got there first, its template stays.
func (s *Server) saveTemplate(dataDir string) error {
	if err := os.MkdirAll(s.templateRoot, 0o700); err != nil {
		return err
	}
	removeLeftovers(s.templateRoot)
	build, err := os.MkdirTemp(s.templateRoot, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(build) // gone after the rename; else never used
	list, err := copyTree(dataDir, filepath.Join(build, "data"), nil)
	if err != nil {
		return err
	}
	if err := syncTree(filepath.Join(build, "data")); err != nil {
		return err
	}
	if err := writeManifest(build, readyFile, []string{templateFormat, "key " + s.templateKeyHex, "pg_version " + strconv.Itoa(s.templateMajor)}, list); err != nil {
		return err
	}
	if err := os.Rename(build, s.templateDir); err != nil {
		if _, statErr := os.Stat(filepath.Join(s.templateDir, readyFile)); statErr == nil {
			return nil // made by a concurrent process
		}
		return err
	}
	return nil
}

// copyTree copies the directory src to dst (which must not exist): its
// directories, regular files and symbolic links, keeping permissions and
// handing everything to cred when it is not nil. It returns the regular
// files, in lexical order.
func copyTree(src, dst string, cred *syscall.Credential) ([]manifestEntry, error) {
	var list []manifestEntry
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			if err := os.Mkdir(target, info.Mode().Perm()); err != nil {
				return err
			}
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			if err := os.Symlink(link, target); err != nil {
				return err
			}
		case d.Type().IsRegular():
			if err := copyRegular(path, target, info.Mode().Perm()); err != nil {
				return err
			}
			list = append(list, manifestEntry{info.Size(), filepath.ToSlash(rel)})
		default:
			return fmt.Errorf("%s: not a regular file, directory or link", path)
		}
		if cred != nil {
			if err := os.Lchown(target, int(cred.Uid), int(cred.Gid)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copying %s: %w", src, err)
	}
	return list, nil
}

func copyRegular(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	// File to file: copy_file_range on Linux.
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncTree flushes every file and directory under root to disk.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

func writeSynced(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// leftoverAge is how old a build or stale directory must be before it
// counts as left by a process that died (a build takes seconds).
const leftoverAge = time.Hour

// removeLeftovers removes the build and stale directories of processes
// that died before finishing or removing them.
func removeLeftovers(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".build-") && !strings.HasPrefix(e.Name(), ".stale-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > leftoverAge {
			_ = os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
