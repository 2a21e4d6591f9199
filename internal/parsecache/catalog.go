package parsecache

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"time"
)

// The cache also keeps, for each database a plan reads, the model last
// read from its catalog, with the stamp the server gave for the state of
// that catalog (catalog.IntrospectStamped says what a stamp covers and why
// equal stamps mean an equal catalog). A plan reads the live stamp first
// and, when it equals the stored one, takes the stored model instead of
// reading the catalog again. The stamp itself is the check: an entry is
// only ever used for the exact stamp it was written with.
//
// One entry is kept per database, role and build: its key is the hash of
// the build and of an identity the caller gives (the connection's host,
// port, database and user), and a newer read replaces it. Entries share
// the parse cache's directory, format checks and size bound.

// CatalogEnvVar turns the catalog entries off ("off", "0", "false", "no")
// while keeping the parse cache. RENOVATE_PARSE_CACHE=off turns off both.
const CatalogEnvVar = "RENOVATE_CATALOG_CACHE"

// CatalogFromEnv is FromEnv, or nil (disabled) when CatalogEnvVar says
// off.
func CatalogFromEnv() *Cache {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(CatalogEnvVar))) {
	case "off", "0", "false", "no":
		return nil
	}
	return FromEnv()
}

// CatalogEntry is the model stored for one database: the stamp it was
// read at and its encoding, decoded on demand.
type CatalogEntry struct {
	// Stamp is the catalog's stamp when the model was read; empty when
	// nothing (or nothing readable) is stored.
	Stamp   string
	payload []byte
}

func (c *Cache) catalogKey(identity string) [32]byte {
	h := sha256.New()
	h.Write(c.build)
	_, _ = io.WriteString(h, "\x00catalog\x00"+identity) // a hash's Write never fails
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// Catalog returns the entry stored for identity. A missing entry, or one
// that fails the entry checks (then removed), has an empty Stamp. A nil
// cache stores nothing.
func (c *Cache) Catalog(identity string) CatalogEntry {
	if c == nil {
		return CatalogEntry{}
	}
	key := c.catalogKey(identity)
	p := c.path(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return CatalogEntry{}
	}
	payload, err := checkEntry(b, key)
	if err == nil {
		n, w := binary.Uvarint(payload)
		if w > 0 && n > 0 && n <= uint64(len(payload)-w) {
			now := time.Now()
			_ = os.Chtimes(p, now, now)
			return CatalogEntry{Stamp: string(payload[w : w+int(n)]), payload: payload[w+int(n):]}
		}
	}
	_ = os.Remove(p)
	return CatalogEntry{}
}

// Decode reads the entry's model into x, a pointer to a value of the
// type PutCatalog was given.
func (e CatalogEntry) Decode(x any) error {
	if e.Stamp == "" {
		return errBadEntry
	}
	return decode(e.payload, x)
}

// PutCatalog stores x (a pointer to the model) as read at stamp for
// identity, replacing what was stored. An empty stamp (the server gave
// none) stores nothing. A nil cache stores nothing.
func (c *Cache) PutCatalog(identity, stamp string, x any) error {
	if c == nil || stamp == "" {
		return nil
	}
	model, err := encode(x)
	if err != nil {
		return err
	}
	payload := binary.AppendUvarint(make([]byte, 0, len(stamp)+len(model)+binary.MaxVarintLen64), uint64(len(stamp)))
	payload = append(payload, stamp...)
	payload = append(payload, model...)
	key := c.catalogKey(identity)
	return c.putEntry(key, c.path(key), payload)
}
