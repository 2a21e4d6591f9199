package parsecache

import (
	"os"
	"reflect"
	"testing"
)

type storedModel struct {
	Names []string
	Note  string
}

// TestCatalogEntries: a stored model reads back with its stamp, per
// identity; a newer one replaces it; an empty stamp stores nothing; an
// entry whose bytes changed is a miss, and removed.
func TestCatalogEntries(t *testing.T) {
	c := openTest(t)
	if e := c.Catalog("db"); e.Stamp != "" {
		t.Fatalf("an empty cache has an entry stamped %q", e.Stamp)
	}
	want := storedModel{Names: []string{"a", "b"}, Note: "x"}
	if err := c.PutCatalog("db", "stamp 1", &want); err != nil {
		t.Fatal(err)
	}
	if err := c.PutCatalog("other", "stamp 9", &storedModel{Note: "other"}); err != nil {
		t.Fatal(err)
	}
	e := c.Catalog("db")
	var got storedModel
	if e.Stamp != "stamp 1" || e.Decode(&got) != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %q %+v, want stamp 1 %+v", e.Stamp, got, want)
	}
	if err := c.PutCatalog("db", "stamp 2", &storedModel{Note: "newer"}); err != nil {
		t.Fatal(err)
	}
	if n := len(entries(t, c)); n != 2 {
		t.Fatalf("%d entries, want one per identity (2)", n)
	}
	if e := c.Catalog("db"); e.Stamp != "stamp 2" {
		t.Fatalf("stamp %q after the newer read, want stamp 2", e.Stamp)
	}
	if err := c.PutCatalog("nostamp", "", &want); err != nil {
		t.Fatal(err)
	}
	if e := c.Catalog("nostamp"); e.Stamp != "" {
		t.Fatal("a model without a stamp was stored")
	}

	// Every single changed byte is a miss, and the entry goes.
	p := c.path(c.catalogKey("other"))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b {
		bad := append([]byte(nil), b...)
		bad[i] ^= 0x01
		if err := os.WriteFile(p, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if e := c.Catalog("other"); e.Stamp != "" {
			t.Fatalf("byte %d changed: the entry was read (stamp %q)", i, e.Stamp)
		}
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("byte %d changed: the entry was not removed (%v)", i, err)
		}
	}
	if err := os.WriteFile(p, b[:len(b)-1], 0o600); err != nil {
		t.Fatal(err)
	}
	if e := c.Catalog("other"); e.Stamp != "" {
		t.Fatal("a truncated entry was read")
	}

	var none *Cache
	if e := none.Catalog("db"); e.Stamp != "" || none.PutCatalog("db", "s", &want) != nil {
		t.Fatal("a nil cache stores or reads")
	}
	t.Setenv(CatalogEnvVar, "off")
	if CatalogFromEnv() != nil {
		t.Fatalf("%s=off left the catalog cache on", CatalogEnvVar)
	}
}
