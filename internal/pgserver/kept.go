package pgserver

// Kept clusters: a throwaway cluster's data directory, kept after a clean
// shutdown in the user's cache directory so that the next throwaway
// cluster of the same binaries starts as a copy of it, with what the
// first one built (plan verification keeps the scratch databases it
// built, see internal/shadow).
//
// A kept cluster lives in <root>/<binaries key>/<name>/, holding data/ (a
// data directory left by a fast shutdown, so consistent and with nothing
// to replay) and KEPT, written last: the format, the binaries' key (the
// template key, template.go), the major version, the caller's metadata,
// and every file with its size. Like a template, a kept cluster is made in
// a directory of its own and renamed into place, and one whose KEPT is
// missing, names other binaries, or whose files differ from the list is
// removed, never started. Names sort by the time they were kept; only the
// newest keptMax are kept.

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// keptFormat changes when the layout of a kept cluster changes.
const keptFormat = "renovate pgkept 1"

// keptFile is written last into a kept cluster's directory.
const keptFile = "KEPT"

// keptMax is how many kept clusters of one set of binaries are kept.
const keptMax = 2

// DefaultKeptDir is where kept clusters are kept:
// os.UserCacheDir()/renovate/pgkept.
func DefaultKeptDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the cache directory: %w", err)
	}
	return filepath.Join(dir, "renovate", "pgkept"), nil
}

// StartKept is [StartWarm], but the data directory is a copy of the newest
// cluster of these binaries kept under keptRoot by [Server.StopAndKeep],
// when there is one that can be trusted; [Server.KeptMeta] then returns
// the metadata it was kept with. Without one, the cluster starts from the
// template as StartWarm's does.
func StartKept(ctx context.Context, keptRoot string) (*Server, error) {
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	tmplRoot, err := DefaultTemplateDir()
	if err != nil {
		// Kept clusters are keyed by the template key: no cache, neither.
		return StartFrom(ctx, binDir, fromEnv)
	}
	return StartKeptFrom(ctx, binDir, fromEnv, tmplRoot, keptRoot)
}

// StartKeptFrom is [StartKept] with the binaries in binDir and the
// template cluster under templateDir (see [StartFromTemplate]).
func StartKeptFrom(ctx context.Context, binDir string, fromEnv bool, templateDir, keptRoot string) (*Server, error) {
	// A kept cluster keeps no WAL but what a clean start needs:
	// segments past two are removed at checkpoints, not recycled.
	s := &Server{binDir: binDir, runBin: binDir, templateRoot: templateDir, keptRoot: keptRoot, settings: []string{"min_wal_size=2MB"}}
	if err := s.startLocal(ctx, fromEnv); err != nil {
		_ = s.Stop()
		return nil, fmt.Errorf("starting postgres from %s: %w", binDir, err)
	}
	return s, nil
}

// CanKeep reports whether [Server.StopAndKeep] can keep the cluster: it
// was started by [StartKept] with a cache directory.
func (s *Server) CanKeep() bool { return s.keptRoot != "" && s.templateKeyHex != "" }

// TookKept reports whether the server's data directory was a kept cluster
// moved out of the cache (not copied): stopped without
// [Server.StopAndKeep], it is gone from the cache.
func (s *Server) TookKept() bool { return s.keptTaken }

// KeptMeta returns the metadata of the kept cluster the server started
// from, nil when it did not start from one.
func (s *Server) KeptMeta() []byte { return s.keptMeta }

// keptDir is the directory of the kept clusters of the server's binaries.
func (s *Server) keptDir() string {
	return filepath.Join(s.keptRoot, s.templateKeyHex[:24])
}

// startKept starts a server on the newest trusted kept cluster, moved to
// dataDir (taken: Close keeps it again) when it can be, else copied. It
// reports false (with dataDir absent) when there is none, or none a
// server starts on; those that cannot be trusted are removed.
func (s *Server) startKept(ctx context.Context, dataDir string) bool {
	if s.keptRoot == "" || s.templateKeyHex == "" {
		return false
	}
	for _, name := range s.keptNames() {
		dir := filepath.Join(s.keptDir(), name)
		meta, taken, ok := s.takeKept(dir, dataDir)
		if !ok {
			discardDir(s.keptDir(), dir)
			continue
		}
		if err := s.launchAny(ctx, dataDir); err != nil {
			if s.cmd != nil {
				_ = s.cmd.Process.Kill()
				<-s.exited
				s.cmd = nil
			}
			_ = os.RemoveAll(dataDir)
			if ctx.Err() != nil {
				return false
			}
			discardDir(s.keptDir(), dir)
			continue
		}
		s.keptMeta, s.keptTaken = meta, taken
		return true
	}
	return false
}

// keptNames lists the kept clusters of the binaries, newest first.
func (s *Server) keptNames() []string {
	entries, err := os.ReadDir(s.keptDir())
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	return names
}

// takeKept checks the kept cluster in dir and moves its data directory
// to dataDir (taken: dir is removed), or copies it when it cannot be
// moved, and returns its metadata. On any difference from KEPT it
// removes what it moved or copied and reports false.
func (s *Server) takeKept(dir, dataDir string) (meta []byte, taken, ok bool) {
	meta, want, err := s.readKept(dir)
	if err != nil {
		return nil, false, false
	}
	var got []manifestEntry
	if err = os.Rename(filepath.Join(dir, "data"), dataDir); err == nil {
		taken = true
		discardDir(s.keptDir(), dir)
		got, err = listTree(dataDir)
		if err == nil && s.cred != nil {
			err = chownTree(dataDir, s.cred)
		}
	} else {
		got, err = copyTree(filepath.Join(dir, "data"), dataDir, s.cred)
	}
	if err == nil && !sameManifest(got, want) {
		err = errors.New("the files differ from KEPT's list")
	}
	if err != nil {
		_ = os.RemoveAll(dataDir)
		return nil, false, false
	}
	return meta, taken, true
}

// chownTree hands everything under root to cred.
func chownTree(root string, cred *syscall.Credential) error {
	return filepath.WalkDir(root, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, int(cred.Uid), int(cred.Gid))
	})
}

// keptHeader is the header of the binaries' KEPT files, the metadata
// line last (a prefix: see readManifest).
func (s *Server) keptHeader() []string {
	return []string{keptFormat, "key " + s.templateKeyHex, "pg_version " + strconv.Itoa(s.templateMajor), "meta "}
}

// readKept reads and checks a kept cluster's KEPT and PG_VERSION, and
// returns its metadata and file list.
func (s *Server) readKept(dir string) ([]byte, []manifestEntry, error) {
	rest, list, err := readManifest(dir, keptFile, s.keptHeader(), s.templateMajor)
	if err != nil {
		return nil, nil, err
	}
	meta, err := base64.StdEncoding.DecodeString(rest[0])
	if err != nil {
		return nil, nil, fmt.Errorf("KEPT: bad meta: %w", err)
	}
	return meta, list, nil
}

// StopAndKeep shuts the cluster down cleanly (a fast shutdown: the data
// directory is left consistent), keeps a copy of its data directory with
// meta under the kept root the server was started with (see
// [StartKept]), removes the older kept clusters past the newest few, and
// removes the cluster's temporary directory. A server not started by
// StartKept, or one that did not shut down cleanly, is stopped as
// [Server.Stop] does and an error says nothing was kept.
func (s *Server) StopAndKeep(meta []byte) error {
	var keepErr error
	s.stopOnce.Do(func() {
		keepErr = s.shutdownAndKeep(meta)
		s.stopErr = s.stop()
	})
	return errors.Join(keepErr, s.stopErr)
}

func (s *Server) shutdownAndKeep(meta []byte) error {
	if s.keptRoot == "" || s.templateKeyHex == "" || s.cmd == nil || s.cmd.Process == nil {
		return errors.New("keeping the cluster: it was not started to be kept")
	}
	// SIGINT is "pg_ctl stop -m fast": sessions end, a shutdown
	// checkpoint writes everything out, and the server exits cleanly.
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		return fmt.Errorf("keeping the cluster: signalling postgres: %w", err)
	}
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		return errors.New("keeping the cluster: postgres did not shut down within 30 s")
	}
	s.cmd = nil // exited: stop has nothing to signal
	if s.waitErr != nil {
		return fmt.Errorf("keeping the cluster: postgres did not shut down cleanly: %v", s.waitErr)
	}
	dataDir := filepath.Join(s.tmpDir, "data")
	if _, err := os.Stat(filepath.Join(dataDir, "postmaster.pid")); err == nil {
		return errors.New("keeping the cluster: postmaster.pid is still there after the shutdown")
	}
	if err := s.saveKept(dataDir, meta); err != nil {
		return fmt.Errorf("keeping the cluster: %w", err)
	}
	s.pruneKept()
	return nil
}

// saveKept copies the stopped cluster's dataDir into a kept cluster,
// KEPT written last, and renames it into place.
func (s *Server) saveKept(dataDir string, meta []byte) error {
	root := s.keptDir()
	if err := os.MkdirAll(root, 0o700); err != nil {
		return err
	}
	removeLeftovers(root)
	build, err := os.MkdirTemp(root, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(build) // gone after the rename; else never used
	// The cluster is stopped and its directory is about to be removed:
	// moved when it can be (one file system), copied when not. Nothing
	// is synced: a kept cluster only saves time, and verification builds
	// anew whatever fails on a kept database (engine.VerifyWith).
	var list []manifestEntry
	dst := filepath.Join(build, "data")
	if err := os.Rename(dataDir, dst); err == nil {
		list, err = listTree(dst)
		if err != nil {
			return err
		}
	} else if list, err = copyTree(dataDir, dst, nil); err != nil {
		return err
	}
	header := s.keptHeader()
	header[len(header)-1] += base64.StdEncoding.EncodeToString(meta)
	if err := writeManifest(build, keptFile, header, list); err != nil {
		return err
	}
	// The name sorts by time: newest first is reverse order.
	name := fmt.Sprintf("%020d-%s", time.Now().UnixNano(), randomSuffix())
	return os.Rename(build, filepath.Join(root, name))
}

// keptMaxBytes bounds the size of the kept clusters of one set of
// binaries, but for the newest (a kept cluster of 20,000 tables is about
// 1.5 GB).
const keptMaxBytes = 2 << 30

// pruneKept removes the kept clusters of the binaries past the newest
// keptMax, and those past keptMaxBytes in all but the newest.
func (s *Server) pruneKept() {
	var total int64
	for i, name := range s.keptNames() {
		dir := filepath.Join(s.keptDir(), name)
		_, list, err := s.readKept(dir)
		for _, e := range list {
			total += e.size
		}
		if i > 0 && (err != nil || i >= keptMax || total > keptMaxBytes) {
			discardDir(s.keptDir(), dir)
		}
	}
}

// discardDir moves dir aside under root and removes it: no other process
// starts copying a half-removed one.
func discardDir(root, dir string) {
	aside := filepath.Join(root, ".stale-"+randomSuffix())
	if err := os.Rename(dir, aside); err == nil {
		_ = os.RemoveAll(aside)
	} else if !errors.Is(err, fs.ErrNotExist) {
		_ = os.RemoveAll(dir)
	}
}

// listTree returns the regular files under root, in lexical order, as
// copyTree does.
func listTree(root string) ([]manifestEntry, error) {
	var list []manifestEntry
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		list = append(list, manifestEntry{info.Size(), filepath.ToSlash(rel)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", root, err)
	}
	return list, nil
}
