package parsecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/renovate-pg/renovate/parser"
)

// When a set of files is not in the cache (one of them was edited, say),
// only the files whose bytes changed are parsed again: the others'
// definitions come from a files entry, and the resolver joins them.
//
// The files entry of a set is keyed by the build and the set's paths (not
// their bytes), so editing a file finds the entry the set wrote before;
// adding, removing or renaming one (a new set of paths) falls back to this
// build's entry used last. An entry records, for each path, the SHA-256 of
// the bytes it was parsed from and their definitions (defs.go); a file is
// taken from it only when its bytes have that hash. Like a model's entry
// it is checked whole (its key, the hash of key and payload, and the build
// it records) on every read.
//
// A file whose definitions cannot be written has none in the entry and is
// parsed every time. A set with a file that fails to parse stores
// nothing; a set whose files parse but do not resolve together (a
// duplicate across files, say) stores its files entry, not its model.

// fileDefs is what a files entry records of one file.
type fileDefs struct {
	sum [32]byte
	// defs are the encoded definitions, nil when there are none to use.
	defs []byte
}

// filesKey is the key of the files entry of files: the build and the
// sorted paths.
func (c *Cache) filesKey(files []parser.File) [32]byte {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	sort.Strings(paths)
	h := sha256.New()
	h.Write(c.build)
	_, _ = io.WriteString(h, "files\x00") // a hash's Write never fails
	var n [binary.MaxVarintLen64]byte
	for _, p := range paths {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		_, _ = io.WriteString(h, p)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

func fileSum(f parser.File) [32]byte {
	h := sha256.New()
	_, _ = io.WriteString(h, f.SQL) // a hash's Write never fails
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return s
}

// parseChanged parses files, taking the definitions of each file whose
// bytes a files entry recorded from it, and stores the new entry. It also
// says how many files' definitions came from the entry.
func (c *Cache) parseChanged(files []parser.File) (*parser.Result, int, error) {
	fkey := c.filesKey(files)
	kept := c.getFiles(fkey)
	if kept == nil {
		// A file added, removed or renamed: the set's paths have no
		// entry yet, but the newest entry (of the files just before
		// the change, or of the files this plan read a moment ago)
		// holds most of them. Each file is still taken only for its
		// hash.
		kept = c.newestFiles()
	}
	got := make([]fileDefs, len(files))
	reused := make([]bool, len(files))
	parsed := parser.ParseEach(files, func(i int, f parser.File) *parser.FileParse {
		sum := fileSum(f)
		got[i].sum = sum
		if k, ok := kept[f.Path]; ok && k.sum == sum && k.defs != nil {
			if items, err := decodeDefs(c.defTypes, k.defs); err == nil {
				got[i].defs = k.defs
				reused[i] = true
				return parser.FileParseOf(f.Path, items)
			}
		}
		fp := parser.ParseFile(f)
		if fp.Err() == nil {
			// Written now: resolving may change the definitions.
			if b, err := encodeDefs(c.defTypes, fp.Items()); err == nil {
				got[i].defs = b
			}
		}
		return fp
	})
	n, ok := 0, true
	for i, r := range reused {
		if r {
			n++
		}
		ok = ok && parsed[i].Err() == nil
	}
	if ok && (n != len(files) || len(kept) != len(files)) {
		// Stored before resolving, so that the entry's bytes are not
		// held while the resolver builds the model. A failure to store
		// costs only the next parse.
		_ = c.putFiles(fkey, files, got)
	}
	res, err := parser.Resolve(parsed)
	if err != nil {
		// Of a set that fails, the files entry is stored only when every
		// file parsed on its own, and the model never.
		return nil, 0, err
	}
	return res, n, nil
}

// getFiles reads the files entry under key: each path's record, or nil
// when there is none or it fails its checks (it is then removed).
func (c *Cache) getFiles(key [32]byte) map[string]fileDefs {
	p := c.filesPath(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	m, ok := readFiles(b, key, c.build)
	if !ok {
		_ = os.Remove(p)
		return nil
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return m
}

// newestFiles reads this build's files entry used last, whatever its
// paths, or nil.
func (c *Cache) newestFiles() map[string]fileDefs {
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		return nil
	}
	var newest string
	var when time.Time
	for _, de := range ents {
		name := de.Name()
		if !strings.HasPrefix(name, c.filesTag()) || !strings.HasSuffix(name, entrySuffix) {
			continue
		}
		if info, err := de.Info(); err == nil && info.ModTime().After(when) {
			newest, when = name, info.ModTime()
		}
	}
	hexKey := strings.TrimSuffix(strings.TrimPrefix(newest, c.filesTag()), entrySuffix)
	b, err := hex.DecodeString(hexKey)
	if err != nil || len(b) != 32 {
		return nil
	}
	var key [32]byte
	copy(key[:], b)
	return c.getFiles(key)
}

func readFiles(b []byte, key [32]byte, build []byte) (map[string]fileDefs, bool) {
	payload, err := checkEntry(b, key)
	if err != nil {
		return nil, false
	}
	d := &decoder{buf: payload}
	bl, _ := d.length()
	if d.err != nil || bl != len(build) || !bytes.Equal(d.buf[:bl], build) {
		return nil, false
	}
	d.buf = d.buf[bl:]
	n := d.uvarint()
	if d.err != nil || n > uint64(len(payload)) {
		return nil, false
	}
	m := make(map[string]fileDefs, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		pl, _ := d.length()
		if d.err != nil || pl < 0 {
			return nil, false
		}
		path := string(d.buf[:pl])
		d.buf = d.buf[pl:]
		var fd fileDefs
		if len(d.buf) < len(fd.sum) {
			return nil, false
		}
		copy(fd.sum[:], d.buf)
		d.buf = d.buf[len(fd.sum):]
		dl, isNil := d.length()
		if d.err != nil {
			return nil, false
		}
		if !isNil {
			fd.defs = d.buf[:dl:dl]
			d.buf = d.buf[dl:]
		}
		m[path] = fd
	}
	if d.err != nil || len(d.buf) != 0 || len(m) != int(n) {
		return nil, false
	}
	return m, true
}

// putFiles stores the files entry of files under key.
func (c *Cache) putFiles(key [32]byte, files []parser.File, got []fileDefs) error {
	e := &encoder{}
	e.length(false, len(c.build))
	e.buf = append(e.buf, c.build...)
	e.uvarint(uint64(len(files)))
	for i, f := range files {
		e.length(false, len(f.Path))
		e.buf = append(e.buf, f.Path...)
		e.buf = append(e.buf, got[i].sum[:]...)
		e.length(got[i].defs == nil, len(got[i].defs))
		e.buf = append(e.buf, got[i].defs...)
	}
	return c.putEntry(key, c.filesPath(key), e.buf)
}

// filesPath is where the files entry under key is: apart from the models'
// entries (whose names are hex), pruned with them, and named after the
// build (filesTag) so that newestFiles looks only at this build's.
func (c *Cache) filesPath(key [32]byte) string {
	return filepath.Join(c.dir, fmt.Sprintf("%s%x%s", c.filesTag(), key, entrySuffix))
}

// filesTag starts the names of this build's files entries. The build is
// also the start of each entry's payload, checked on every read.
func (c *Cache) filesTag() string {
	return fmt.Sprintf("%s%x-", filesPrefix, c.build[:8])
}

const filesPrefix = "paths-"
