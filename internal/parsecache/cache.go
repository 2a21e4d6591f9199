// Package parsecache keeps the models parsed from sets of schema files,
// content-addressed, outside git (under the user's cache directory), so
// that files parsed once are not parsed again: a plan on unchanged files
// reads their model back instead of running the parser.
//
// An entry's key is the SHA-256 of everything the parse result depends
// on: the files' paths and bytes (after variable substitution, which
// happens before parsing), and the renovate build that parses them (its
// executable's build ID, size and modification time, and the entry
// format's version), so a new build or a changed file is a new key. The
// parser takes no other input: it has no options and reads no server.
//
// An entry holds its key and the SHA-256 of key and payload; both are checked
// on every read, and an entry that is truncated, corrupt, written for
// another key or that does not decode is removed and the files parsed
// again. Files that fail to parse are never cached, so errors are the
// parser's, identical with and without the cache. Entries are written to
// a temporary file and renamed into place, so concurrent processes never
// read half an entry. The directory is pruned, oldest use first, past a
// size bound.
//
// A set that misses is not parsed whole: each file's own parse (its
// definitions, before the resolver joins the files) is kept too, in a
// files entry per set of paths, and only the files whose bytes changed
// are parsed again (files.go, defs.go).
//
// parsecache imports parser (whose results it stores) and state (the
// model they hold).
package parsecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/renovate-pg/renovate/parser"
)

// EnvVar configures the cache: "off" (or "0", "false", "no") disables
// it; a path puts it in that directory instead of the default,
// os.UserCacheDir()/renovate/parse.
const EnvVar = "RENOVATE_PARSE_CACHE"

// EnvMinBytes overrides DefaultMinBytes, the smallest input cached (tests
// and benchmarks set it to 0 to cache small schemas).
const EnvMinBytes = "RENOVATE_PARSE_CACHE_MIN_BYTES"

// formatVersion changes whenever the entry layout or the codec changes.
const formatVersion = "renovate parse cache v4"

// magic starts every entry.
var magic = []byte("RNVPC1\n")

const (
	// DefaultMaxBytes bounds the directory's size; Put prunes the
	// entries used least recently past it.
	DefaultMaxBytes = 256 << 20
	// DefaultMinBytes is the smallest input worth an entry: below it
	// parsing costs less than a file round trip.
	DefaultMinBytes = 16 << 10
	entrySuffix     = ".entry"
	tempPrefix      = ".tmp-"
)

// Cache is a parse cache in one directory. A nil *Cache is a disabled
// cache: ParseFiles then just parses.
type Cache struct {
	dir   string
	build []byte
	// defTypes number the parser's definition types (defs.go).
	defTypes *defTypes
	// MaxBytes bounds the directory's size (DefaultMaxBytes).
	MaxBytes int64
	// MinBytes is the smallest input (bytes of SQL) that is cached
	// (DefaultMinBytes); smaller sets are parsed every time.
	MinBytes int
}

// FromEnv returns the cache EnvVar configures, or nil (disabled) when it
// says off or when there is no user cache directory or it cannot be
// made: the cache is an optimisation, never a reason to fail.
func FromEnv() *Cache {
	v := strings.TrimSpace(os.Getenv(EnvVar))
	switch strings.ToLower(v) {
	case "off", "0", "false", "no":
		return nil
	}
	dir := v
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "renovate", "parse")
	}
	c, err := Open(dir)
	if err != nil {
		return nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv(EnvMinBytes))); err == nil && n >= 0 {
		c.MinBytes = n
	}
	return c
}

// Open returns the cache in dir, making the directory if needed.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("parse cache: %w", err)
	}
	build, err := buildID()
	if err != nil {
		return nil, fmt.Errorf("parse cache: identifying this build: %w", err)
	}
	return &Cache{dir: dir, build: build, defTypes: newDefTypes(), MaxBytes: DefaultMaxBytes, MinBytes: DefaultMinBytes}, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// BuildID identifies the running renovate build, in hex (buildID): what
// is cached for one build is not used by another.
func BuildID() (string, error) {
	b, err := buildID()
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// buildID identifies the running renovate build: a hash of its
// executable's start (which holds the Go build ID, itself a hash of every
// input of the build), its size and modification time, and the module
// build information. Any rebuild changes it, which only costs misses.
func buildID() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", formatVersion, st.Size(), st.ModTime().UnixNano())
	if bi, ok := debug.ReadBuildInfo(); ok {
		_, _ = io.WriteString(h, bi.String()) // a hash's Write never fails
	}
	if _, err := io.Copy(h, io.LimitReader(f, 64<<10)); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// Key is the content address of files' model for this build: the same
// files in any order give the same key (the parser sorts them by path,
// stably, as Key does).
func (c *Cache) Key(files []parser.File) [32]byte {
	sorted := append([]parser.File(nil), files...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	h := sha256.New()
	h.Write(c.build)
	var n [binary.MaxVarintLen64]byte
	field := func(s string) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		_, _ = io.WriteString(h, s) // a hash's Write never fails
	}
	for _, f := range sorted {
		field(f.Path)
		field(f.SQL)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

func (c *Cache) path(key [32]byte) string {
	return filepath.Join(c.dir, fmt.Sprintf("%x%s", key, entrySuffix))
}

// ParseFiles is parser.ParseFiles, reading the model from the cache when
// these files were parsed before and storing it when not. Errors are
// always the parser's: a set that fails to parse is not cached.
func (c *Cache) ParseFiles(files []parser.File) (*parser.Result, error) {
	if c == nil || !c.worthCaching(files) {
		return parser.ParseFiles(files)
	}
	key := c.Key(files)
	if res, ok := c.Get(key); ok {
		return res, nil
	}
	res, _, err := c.parseChanged(files)
	if err != nil {
		return nil, err
	}
	// A failure to store costs only the next parse.
	_ = c.Put(key, res)
	return res, nil
}

func (c *Cache) worthCaching(files []parser.File) bool {
	n := 0
	for _, f := range files {
		n += len(f.SQL)
	}
	return n >= c.MinBytes
}

// Get reads the model stored under key. An entry that is not exactly
// what Put wrote for that key (its payload's hash does not match, it
// names another key, it is truncated or does not decode) is removed and
// reported as a miss.
func (c *Cache) Get(key [32]byte) (*parser.Result, bool) {
	p := c.path(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	res, err := readEntry(b, key)
	if err != nil {
		_ = os.Remove(p)
		return nil, false
	}
	// Mark the entry used, for pruning.
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return res, true
}

// errBadEntry is an entry that fails its checks.
var errBadEntry = errors.New("parse cache: bad entry")

// readEntry checks and decodes an entry: magic, key, payload hash,
// payload.
func readEntry(b []byte, key [32]byte) (*parser.Result, error) {
	payload, err := checkEntry(b, key)
	if err != nil {
		return nil, err
	}
	var res parser.Result
	if err := decode(payload, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// checkEntry checks an entry's magic, key and payload hash, and returns
// its payload.
func checkEntry(b []byte, key [32]byte) ([]byte, error) {
	if !bytes.HasPrefix(b, magic) || len(b) < len(magic)+64 {
		return nil, errBadEntry
	}
	b = b[len(magic):]
	if !bytes.Equal(b[:32], key[:]) {
		return nil, errBadEntry
	}
	sum, payload := b[32:64], b[64:]
	if got := entryHash(key, payload); !bytes.Equal(got[:], sum) {
		return nil, errBadEntry
	}
	return payload, nil
}

// entryHash is the hash an entry stores: of its key and payload, so a
// payload moved under another key fails the check as a changed one does.
func entryHash(key [32]byte, payload []byte) [32]byte {
	h := sha256.New()
	h.Write(key[:])
	h.Write(payload)
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// Put stores res under key, atomically (a temporary file renamed into
// place), then prunes the directory past MaxBytes. A model that cannot be
// encoded faithfully (IMPORT FOREIGN SCHEMA keeps a parse tree) is not
// stored.
func (c *Cache) Put(key [32]byte, res *parser.Result) error {
	if len(res.ForeignImports) != 0 {
		return nil
	}
	payload, err := encode(res)
	if err != nil {
		return err
	}
	return c.putEntry(key, c.path(key), payload)
}

// putEntry writes an entry of payload under key at path and prunes the
// directory.
func (c *Cache) putEntry(key [32]byte, path string, payload []byte) error {
	sum := entryHash(key, payload)
	entry := make([]byte, 0, len(magic)+64+len(payload))
	entry = append(entry, magic...)
	entry = append(entry, key[:]...)
	entry = append(entry, sum[:]...)
	entry = append(entry, payload...)
	if err := writeAtomic(c.dir, path, entry); err != nil {
		return err
	}
	return c.Prune()
}

func writeAtomic(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("parse cache: %w", err)
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("parse cache: writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("parse cache: writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("parse cache: %w", err)
	}
	return nil
}

// Prune removes the entries used least recently until the directory
// holds at most MaxBytes, and temporary files an interrupted write left
// more than an hour ago.
func (c *Cache) Prune() error {
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		return fmt.Errorf("parse cache: %w", err)
	}
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var list []entry
	var total int64
	for _, de := range ents {
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(c.dir, de.Name())
		switch {
		case strings.HasPrefix(de.Name(), tempPrefix):
			if time.Since(info.ModTime()) > time.Hour {
				_ = os.Remove(p)
			}
		case strings.HasSuffix(de.Name(), entrySuffix):
			list = append(list, entry{p, info.Size(), info.ModTime()})
			total += info.Size()
		}
	}
	if total <= c.MaxBytes {
		return nil
	}
	sort.Slice(list, func(i, j int) bool { return list[i].used.Before(list[j].used) })
	for _, e := range list {
		if total <= c.MaxBytes {
			break
		}
		if err := os.Remove(e.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("parse cache: %w", err)
		}
		total -= e.size
	}
	return nil
}

// Clear removes every entry.
func (c *Cache) Clear() error {
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		return fmt.Errorf("parse cache: %w", err)
	}
	for _, de := range ents {
		if strings.HasSuffix(de.Name(), entrySuffix) || strings.HasPrefix(de.Name(), tempPrefix) {
			if err := os.Remove(filepath.Join(c.dir, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("parse cache: %w", err)
			}
		}
	}
	return nil
}
