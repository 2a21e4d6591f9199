// Package pgserver starts a throwaway PostgreSQL cluster from the server
// binaries installed on the machine: initdb into a temporary directory, then
// postgres on a free local port and a unix socket there, with durability
// switched off (the data is thrown away). renovate uses it as the shadow
// database of plan verification when no shadow URL is configured, and
// internal/pgtest uses it for the tests.
//
// The binaries are looked up in $RENOVATE_PG_BIN, then as initdb and
// postgres on PATH, then in /usr/lib/postgresql/*/bin (the newest version).
// Run as root, the cluster runs as the "postgres" (or "nobody") user, since
// PostgreSQL refuses to run as root.
//
// pgserver imports nothing of renovate's.
package pgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvBin names the variable holding a directory with the initdb and
// postgres binaries to start.
const EnvBin = "RENOVATE_PG_BIN"

// ErrNoBinaries means no PostgreSQL server binaries were found.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries (initdb, postgres) found in $" + EnvBin + ", on PATH or in /usr/lib/postgresql/*/bin")

// startTimeout bounds how long Start waits for a new server to accept
// connections.
const startTimeout = 30 * time.Second

// maxStageFiles bounds the size of an installation Start is willing to
// mirror for an unprivileged user.
const maxStageFiles = 20000

// Server is a running throwaway cluster. Stop it with [Server.Stop].
type Server struct {
	adminDSN string
	version  int

	binDir  string              // where the binaries came from
	runBin  string              // binaries actually run (maybe a staged mirror)
	libDir  string              // added to LD_LIBRARY_PATH, "" if none
	tmpDir  string              // data dir, socket, log, staged binaries
	logPath string              // server log
	cred    *syscall.Credential // unprivileged user to run as, nil if not root
	cmd     *exec.Cmd
	// settings are extra "name=value" server settings (StartFrom).
	settings []string
	exited   chan struct{} // closed when the server process has exited
	waitErr  error         // set before exited is closed

	stopOnce sync.Once
	stopErr  error

	// The template cluster (template.go); templateRoot "" means none.
	templateRoot   string
	templateDir    string // this binaries' template under templateRoot
	templateKeyHex string
	templateMajor  int
	templateUse    TemplateUse
	versionText    string // output of postgres --version

	// Kept clusters (kept.go); keptRoot "" means none.
	keptRoot  string
	keptMeta  []byte // the metadata of the kept cluster started from
	keptTaken bool   // that kept cluster was moved out of the cache
}

// Start finds the server binaries (see the package documentation) and
// starts a cluster from them. The caller must call [Server.Stop]. When no
// binaries are found the error wraps [ErrNoBinaries].
func Start(ctx context.Context) (*Server, error) {
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	return StartFrom(ctx, binDir, fromEnv)
}

// StartFrom starts a cluster from the binaries in binDir. fromEnv says the
// directory was named by the user ($RENOVATE_PG_BIN): a relocatable build
// whose shared libraries may sit in ../lib.
//
// settings are extra server settings, "name=value", given to postgres as
// -c options (the test cluster turns on logical replication with them).
func StartFrom(ctx context.Context, binDir string, fromEnv bool, settings ...string) (*Server, error) {
	s := &Server{binDir: binDir, runBin: binDir, settings: settings}
	if err := s.startLocal(ctx, fromEnv); err != nil {
		_ = s.Stop()
		return nil, fmt.Errorf("starting postgres from %s: %w", binDir, err)
	}
	return s, nil
}

// AdminDSN returns a postgres:// connection string for the superuser
// "postgres" and the "postgres" database of the cluster.
func (s *Server) AdminDSN() string { return s.adminDSN }

// Version returns the server's major version, e.g. 15.
func (s *Server) Version() int { return s.version }

// BinDir returns the directory the server binaries came from.
func (s *Server) BinDir() string { return s.binDir }

// Stop shuts the cluster down and removes its temporary directory. Calling
// it again returns the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() { s.stopErr = s.stop() })
	return s.stopErr
}

func (s *Server) stop() error {
	var errs []error
	if s.cmd != nil && s.cmd.Process != nil {
		// SIGQUIT is "pg_ctl stop -m immediate": the data is thrown away.
		if err := s.cmd.Process.Signal(syscall.SIGQUIT); err != nil && !errors.Is(err, os.ErrProcessDone) {
			errs = append(errs, fmt.Errorf("signalling postgres: %w", err))
		}
		select {
		case <-s.exited:
		case <-time.After(15 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.exited
		}
	}
	if s.tmpDir != "" {
		if err := os.RemoveAll(s.tmpDir); err != nil {
			errs = append(errs, fmt.Errorf("removing %s: %w", s.tmpDir, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("stopping postgres: %w", err)
	}
	return nil
}

// FindBinDir returns the directory holding initdb and postgres, and whether
// it came from RENOVATE_PG_BIN.
func FindBinDir() (string, bool, error) {
	if dir := os.Getenv(EnvBin); dir != "" {
		if !hasServer(dir) {
			return "", false, fmt.Errorf("%s=%s does not hold executable initdb and postgres", EnvBin, dir)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", false, fmt.Errorf("resolving %s: %w", EnvBin, err)
		}
		return abs, true, nil
	}
	if dir := findOnPath(); dir != "" {
		return dir, false, nil
	}
	if dir := newestVersionDir("/usr/lib/postgresql/*/bin", hasServer); dir != "" {
		return dir, false, nil
	}
	return "", false, ErrNoBinaries
}

// findOnPath returns the directory of initdb on PATH if postgres sits next to
// it, preferring the symlink-resolved location (so that pg_dump and friends of
// the same installation are found too).
func findOnPath() string {
	initdb, err := exec.LookPath("initdb")
	if err != nil {
		return ""
	}
	if _, err := exec.LookPath("postgres"); err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(initdb); err == nil && hasServer(filepath.Dir(real)) {
		if abs, err := filepath.Abs(filepath.Dir(real)); err == nil {
			return abs
		}
	}
	if dir := filepath.Dir(initdb); hasServer(dir) {
		if abs, err := filepath.Abs(dir); err == nil {
			return abs
		}
	}
	return ""
}

// newestVersionDir expands a glob with one "*" standing for a major version
// and returns the match with the highest version that satisfies ok.
func newestVersionDir(pattern string, ok func(string) bool) string {
	matches, _ := filepath.Glob(pattern)
	type cand struct {
		dir string
		v   int
	}
	var cands []cand
	prefix, _, _ := strings.Cut(pattern, "*")
	for _, m := range matches {
		rest := strings.TrimPrefix(m, prefix)
		num, _, _ := strings.Cut(rest, "/")
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		cands = append(cands, cand{m, v})
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].v > cands[j].v })
	for _, c := range cands {
		if ok(c.dir) {
			return c.dir
		}
	}
	return ""
}

func hasServer(dir string) bool {
	return isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "postgres"))
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

func (s *Server) startLocal(ctx context.Context, fromEnv bool) error {
	tmp, err := os.MkdirTemp("", "renovate-pg-")
	if err != nil {
		return fmt.Errorf("creating temporary directory: %w", err)
	}
	s.tmpDir = tmp
	s.logPath = filepath.Join(tmp, "server.log")

	if fromEnv {
		// Relocatable builds (like the npm one) keep their shared libraries
		// in ../lib. Theirs carry RUNPATH $ORIGIN/../lib, but other builds
		// may not.
		if lib := filepath.Join(filepath.Dir(s.binDir), "lib"); isDir(lib) {
			s.libDir = lib
		}
	}

	if os.Geteuid() == 0 {
		cred, name, err := unprivilegedUser()
		if err != nil {
			return err
		}
		s.cred = cred
		if err := os.Chown(tmp, int(cred.Uid), int(cred.Gid)); err != nil {
			return fmt.Errorf("handing %s to user %s: %w", tmp, name, err)
		}
		if runErr := s.runQuiet(ctx, filepath.Join(s.runBin, "postgres"), "--version"); runErr != nil {
			// Typically the binaries live under a home directory the
			// user cannot enter: mirror them where it can.
			if err := s.stage(); err != nil {
				return fmt.Errorf("user %s cannot run %s/postgres (%v), and mirroring the installation failed: %w", name, s.binDir, runErr, err)
			}
			if err := s.runQuiet(ctx, filepath.Join(s.runBin, "postgres"), "--version"); err != nil {
				return fmt.Errorf("running postgres --version as user %s: %w", name, err)
			}
		}
	} else if err := s.runQuiet(ctx, filepath.Join(s.runBin, "postgres"), "--version"); err != nil {
		return fmt.Errorf("running postgres --version: %w", err)
	}

	dataDir := filepath.Join(tmp, "data")
	warm := false
	if s.templateRoot != "" {
		// A template that cannot be read or made costs only its speed:
		// initdb runs as without one.
		ok, err := s.prepareTemplate(ctx)
		if err == nil && s.startKept(ctx, dataDir) {
			s.templateUse = TemplateKept
			return nil
		}
		if err != nil {
			s.templateRoot = ""
		} else if ok {
			warm = s.copyTemplate(dataDir)
			if !warm {
				s.templateUse = TemplateRebuilt
			}
		}
	}
	if warm {
		s.templateUse = TemplateReused
		err := s.launchAny(ctx, dataDir)
		if err == nil || ctx.Err() != nil {
			return err
		}
		// A copy no server starts on: the template is not trusted
		// again, and initdb makes a fresh one. A server that did not
		// answer in time is ended first: never two on one directory.
		if s.cmd != nil {
			_ = s.cmd.Process.Kill()
			<-s.exited
			s.cmd = nil
		}
		s.discardTemplate()
		s.templateUse = TemplateRebuilt
		if err := os.RemoveAll(dataDir); err != nil {
			return fmt.Errorf("removing %s: %w", dataDir, err)
		}
	}
	if err := s.initdb(ctx, dataDir); err != nil {
		return err
	}
	if s.templateRoot != "" {
		if err := s.saveTemplate(dataDir); err != nil {
			s.templateUse = TemplateNone
		} else if s.templateUse != TemplateRebuilt {
			s.templateUse = TemplateBuilt
		}
	}
	return s.launchAny(ctx, dataDir)
}

// initdb makes a data directory.
func (s *Server) initdb(ctx context.Context, dataDir string) error {
	args := append([]string{"-D", dataDir}, initdbOptions...)
	initdb := s.command(ctx, filepath.Join(s.runBin, "initdb"), append(args, "--no-sync")...)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, tail(out, 30))
	}
	return nil
}

// launchAny starts postgres on dataDir on a free port, trying another
// port when the chosen one was taken meanwhile.
func (s *Server) launchAny(ctx context.Context, dataDir string) error {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		retry, err := s.launch(ctx, dataDir, port)
		if err == nil {
			return nil
		}
		lastErr = err
		if !retry {
			break
		}
	}
	return lastErr
}

// launch starts postgres on the given port and waits until it accepts
// connections. It reports whether a failure is worth retrying on another
// port.
func (s *Server) launch(ctx context.Context, dataDir string, port int) (bool, error) {
	logf, err := os.Create(s.logPath)
	if err != nil {
		return false, fmt.Errorf("creating server log: %w", err)
	}
	defer logf.Close()
	// Not CommandContext: the server must outlive ctx, which only bounds
	// the start.
	args := []string{
		"-D", dataDir,
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories=" + s.tmpDir,
		"-c", "fsync=off",
		"-c", "full_page_writes=off",
		"-c", "synchronous_commit=off",
		"-c", "max_connections=200",
		// Generated schemas of thousands of tables are created in one
		// transaction by the benchmarks; each table takes a few locks.
		"-c", "max_locks_per_transaction=1024",
		"-c", "logging_collector=off",
	}
	for _, set := range s.settings {
		args = append(args, "-c", set)
	}
	cmd := s.command(context.Background(), filepath.Join(s.runBin, "postgres"), args...)
	cmd.Stdout = logf
	cmd.Stderr = logf
	// Take the server down with us if the test binary dies.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
	if err := cmd.Start(); err != nil {
		return false, fmt.Errorf("running postgres: %w", err)
	}
	s.cmd = cmd
	s.exited = make(chan struct{})
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	s.adminDSN = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)

	deadline := time.Now().Add(startTimeout)
	for {
		v, err := ServerVersion(ctx, s.adminDSN)
		if err == nil {
			s.version = v
			return false, nil
		}
		select {
		case <-s.exited:
			log := s.logTail()
			s.cmd = nil
			retry := strings.Contains(log, "could not bind") || strings.Contains(log, "already in use")
			return retry, fmt.Errorf("postgres exited (%v) before accepting connections; server log:\n%s", s.waitErr, log)
		case <-ctx.Done():
			return false, fmt.Errorf("waiting for postgres to accept connections: %w; server log:\n%s", ctx.Err(), s.logTail())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return false, fmt.Errorf("postgres did not accept connections within %v (last error: %v); server log:\n%s", startTimeout, err, s.logTail())
		}
	}
}

// command prepares a server binary to run as the unprivileged user, inside
// the temporary directory, without PG* variables that could redirect it.
func (s *Server) command(ctx context.Context, path string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Dir = s.tmpDir
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LD_LIBRARY_PATH=") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "LC_ALL=C")
	if s.libDir != "" {
		ld := s.libDir
		if old := os.Getenv("LD_LIBRARY_PATH"); old != "" {
			ld += ":" + old
		}
		env = append(env, "LD_LIBRARY_PATH="+ld)
	}
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	return cmd
}

func (s *Server) runQuiet(ctx context.Context, path string, args ...string) error {
	out, err := s.command(ctx, path, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(path), err, bytes.TrimSpace(tail(out, 5)))
	}
	if filepath.Base(path) == "postgres" && len(args) == 1 && args[0] == "--version" {
		// Kept for the template key (template.go).
		s.versionText = string(out)
	}
	return nil
}

// stage mirrors the installation around binDir (its parent, holding bin, lib
// and share) into the temporary directory with hard links, falling back to
// copies, so that the unprivileged user can run it.
func (s *Server) stage() error {
	root := filepath.Dir(s.binDir)
	if !isDir(filepath.Join(root, "share")) {
		return fmt.Errorf("%s does not look like a relocatable installation (no share directory next to bin)", root)
	}
	dst := filepath.Join(s.tmpDir, "install")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		n++
		if n > maxStageFiles {
			return fmt.Errorf("more than %d files under %s", maxStageFiles, root)
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			if err := os.Link(path, target); err == nil {
				return nil
			}
			return copyFile(path, target)
		default:
			return nil
		}
	})
	if err != nil {
		return fmt.Errorf("mirroring %s: %w", root, err)
	}
	rel, err := filepath.Rel(root, s.binDir)
	if err != nil {
		return err
	}
	s.runBin = filepath.Join(dst, rel)
	if s.libDir != "" {
		s.libDir = filepath.Join(dst, "lib")
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm()|0o444)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// unprivilegedUser returns the credentials of the "postgres" system user, or
// of "nobody".
func unprivilegedUser() (*syscall.Credential, string, error) {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil || uid == 0 {
			continue
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, name, nil
	}
	return nil, "", errors.New("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as (it refuses to run as root)")
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("freeing port %d: %w", port, err)
	}
	return port, nil
}

func (s *Server) logTail() string {
	b, err := os.ReadFile(s.logPath)
	if err != nil {
		return fmt.Sprintf("(no server log: %v)", err)
	}
	return string(tail(b, 30))
}

// tail returns the last n lines of b.
func tail(b []byte, n int) []byte {
	b = bytes.TrimRight(b, "\n")
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			n--
			if n == 0 {
				return b[i+1:]
			}
		}
	}
	return b
}

// ServerVersion connects to dsn and returns the server's major version.
func ServerVersion(ctx context.Context, dsn string) (int, error) {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(cctx, dsn)
	if err != nil {
		return 0, err
	}
	defer conn.Close(context.Background())
	var num string
	if err := conn.QueryRow(cctx, "SHOW server_version_num").Scan(&num); err != nil {
		return 0, fmt.Errorf("reading server_version_num: %w", err)
	}
	v, err := strconv.Atoi(num)
	if err != nil {
		return 0, fmt.Errorf("parsing server_version_num %q: %w", num, err)
	}
	return v / 10000, nil
}
