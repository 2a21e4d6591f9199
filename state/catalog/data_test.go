package catalog

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/rows"
)

// keyModel is a model of tables keyed by their column k (and of mixed,
// keyed by (a, b, c)), as NewShapes needs it.
func keyModel(types map[string]string) state.DatabaseSchema {
	var m state.DatabaseSchema
	for name, typ := range types {
		t := state.Table{Schema: "public", Name: name,
			Columns:     []state.Column{{Name: "k", Type: typ}, {Name: "v", Type: "text"}, {Name: "n", Type: "integer"}},
			Constraints: []state.Constraint{{Name: name + "_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"k"}}},
		}
		m.Tables = append(m.Tables, t)
	}
	m.Tables = append(m.Tables, state.Table{Schema: "public", Name: "mixed",
		Columns:     []state.Column{{Name: "a", Type: "text"}, {Name: "b", Type: "integer"}, {Name: "c", Type: "text"}, {Name: "v", Type: "text"}},
		Constraints: []state.Constraint{{Name: "mixed_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"a", "b", "c"}}},
	})
	return m
}

func allColumns(state.QualName, string) bool { return true }

// TestRowsOrderByKeyCollation: a key sorts by itself (so that an index
// on it can serve the ORDER BY) only where its own order is the byte
// order rows.Compare follows: text of collation "C" or "POSIX", of the
// default collation in a database whose default is "C", and uuid; text
// of an ICU collation, or of the default collation of an ICU database,
// sorts by its text in collation "C". Whichever way, the rows come out
// in rows.Compare's order.
func TestRowsOrderByKeyCollation(t *testing.T) {
	ctx := testContext(t)
	keys := []string{"a", "B", "b", "Z", "é", "e", "É", "ä", "10", "9", "", " x", "Ω", "日本", "😀", "a-b", "ab", "_u"}
	var values []string
	for i, k := range keys {
		values = append(values, fmt.Sprintf("('%s', %d)", strings.ReplaceAll(k, "'", "''"), i))
	}
	setup := `
		CREATE TABLE icu (k text COLLATE "und-x-icu" PRIMARY KEY, v text, n integer);
		CREATE TABLE c (k text COLLATE "C" PRIMARY KEY, v text, n integer);
		CREATE TABLE posix (k text COLLATE "POSIX" PRIMARY KEY, v text, n integer);
		CREATE TABLE dflt (k varchar(20) PRIMARY KEY, v text, n integer);
		CREATE TABLE u (k uuid PRIMARY KEY, v text, n integer);
		CREATE TABLE mixed (a text COLLATE "und-x-icu", b integer, c text COLLATE "C", v text, PRIMARY KEY (a, b, c));
		INSERT INTO icu (k, n) VALUES ` + strings.Join(values, ", ") + `;
		INSERT INTO c SELECT * FROM icu; INSERT INTO posix SELECT * FROM icu; INSERT INTO dflt SELECT * FROM icu;
		INSERT INTO u (k, n) SELECT md5(k)::uuid, n FROM icu;
		INSERT INTO mixed (a, b, c) SELECT x.k, n % 3, y.k FROM icu AS x, (VALUES ('b'), ('B'), ('ä')) AS y(k);`
	types := map[string]string{"icu": "text", "c": "text", "posix": "text", "dflt": "character varying(20)", "u": "uuid"}
	check := func(t *testing.T, conn *pgx.Conn, want map[string]string) {
		t.Helper()
		shapes, err := rows.NewShapes(keyModel(types), dataTables(append(keysOf(types), "mixed")))
		if err != nil {
			t.Fatal(err)
		}
		dtx, err := BeginData(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		defer dtx.Close(ctx)
		for _, s := range shapes {
			bo, err := dtx.byteOrdered(ctx, s, allColumns)
			if err != nil {
				t.Fatal(err)
			}
			q, _ := rowsQuery(s, allColumns, nil, bo)
			order := q[strings.LastIndex(q, " ORDER BY ")+len(" ORDER BY "):]
			if order != want[s.Table.Name] {
				t.Errorf("%s: ORDER BY %s, want %s", s.Table.Name, order, want[s.Table.Name])
			}
			it, err := dtx.Rows(ctx, s, allColumns)
			if err != nil {
				t.Fatal(err)
			}
			var prev rows.Row
			n := 0
			for ; ; n++ {
				r, err := it.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if n > 0 && s.Compare(prev, r) >= 0 {
					t.Errorf("%s: row %v came after %v", s.Table.Name, r.Vals, prev.Vals)
				}
				prev = r
			}
			if n == 0 {
				t.Errorf("%s: no rows", s.Table.Name)
			}
		}
	}
	t.Run("C database", func(t *testing.T) {
		_, conn := newDatabase(t, setup)
		check(t, conn, map[string]string{
			"icu": `t.k::pg_catalog.text COLLATE pg_catalog."C"`, "c": "t.k", "posix": "t.k", "dflt": "t.k", "u": "t.k",
			"mixed": `t.a::pg_catalog.text COLLATE pg_catalog."C", t.b, t.c`,
		})
	})
	t.Run("ICU database", func(t *testing.T) {
		if srv.Version() < 15 {
			t.Logf("PostgreSQL %d has no ICU databases (15 and later)", srv.Version())
			return
		}
		admin, err := pgx.Connect(ctx, srv.AdminDSN())
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close(context.Background())
		name := fmt.Sprintf("catalog_icu_%d", time.Now().UnixNano())
		if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'und'"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := srv.DropDatabase(context.Background(), name); err != nil {
				t.Error(err)
			}
		})
		dsn := srv.AdminDSN() + " dbname='" + name + "'"
		if u, err := url.Parse(srv.AdminDSN()); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
			u.Path = "/" + name
			dsn = u.String()
		}
		conn, err := Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, setup, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatal(err)
		}
		check(t, conn, map[string]string{
			"icu": `t.k::pg_catalog.text COLLATE pg_catalog."C"`, "c": "t.k", "posix": "t.k", "dflt": `t.k::pg_catalog.text COLLATE pg_catalog."C"`, "u": "t.k",
			"mixed": `t.a::pg_catalog.text COLLATE pg_catalog."C", t.b, t.c`,
		})
	})
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func dataTables(names []string) []state.DataTable {
	var out []state.DataTable
	for _, n := range names {
		out = append(out, state.DataTable{Table: state.QualName{Schema: "public", Name: n}})
	}
	return out
}

// TestRowsDigestIsDigest: the digest computed from the rows the diff
// reads (in key order, the columns it lacks read besides) is the one
// Digest computes alone (unordered), NULLs, empty strings, where and
// ignored columns included; any change to a covered value changes it.
func TestRowsDigestIsDigest(t *testing.T) {
	ctx := testContext(t)
	_, conn := newDatabase(t, `
		CREATE TABLE r (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, k text NOT NULL UNIQUE, v text, n integer, extra text);
		INSERT INTO r (k, v, n, extra) SELECT 'k' || i, CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN '' ELSE 'v' || i END, i, 'x' FROM generate_series(1, 500) AS i;`)
	model := state.DatabaseSchema{Tables: []state.Table{{Schema: "public", Name: "r",
		Columns: []state.Column{{Name: "id", Type: "integer", Identity: state.IdentityByDefault}, {Name: "k", Type: "text"},
			{Name: "v", Type: "text"}, {Name: "n", Type: "integer"}, {Name: "extra", Type: "text"}},
		Constraints: []state.Constraint{{Name: "r_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}}},
	}}}
	// The rows come out as the server prints them, many decoded at once:
	// NULL and '' apart, every row once, in key order.
	{
		shapes, err := rows.NewShapes(model, []state.DataTable{{Table: state.QualName{Schema: "public", Name: "r"}, Key: []string{"k"}}})
		if err != nil {
			t.Fatal(err)
		}
		dtx, err := BeginData(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		rs, err := conn.Query(ctx, `SELECT concat_ws('|', k, coalesce(v, '<null>'), n, extra) FROM r ORDER BY k COLLATE "C"`)
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var l string
			if err := rs.Scan(&l); err != nil {
				t.Fatal(err)
			}
			want = append(want, l)
		}
		if rs.Err() != nil {
			t.Fatal(rs.Err())
		}
		it, err := dtx.Rows(ctx, shapes[0], allColumns)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			r, err := it.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			parts := make([]string, len(r.Vals))
			for i, v := range r.Vals {
				parts[i] = v.S
				if v.Null {
					parts[i] = "<null>"
				}
			}
			got = append(got, strings.Join(parts, "|"))
		}
		dtx.Close(ctx)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("rows read:\n%.300s\nwant:\n%.300s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for _, where := range []string{"", "n % 2 = 0"} {
		d := state.DataTable{Table: state.QualName{Schema: "public", Name: "r"}, Key: []string{"k"}, IgnoreColumns: []string{"extra"}, Where: where}
		shapes, err := rows.NewShapes(model, []state.DataTable{d})
		if err != nil {
			t.Fatal(err)
		}
		cols := DigestColumns(&model.Tables[0], d.IgnoreColumns)
		digests := func() (fromRows, alone string) {
			dtx, err := BeginData(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			defer dtx.Close(ctx)
			it, err := dtx.RowsDigest(ctx, shapes[0], allColumns, cols)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := it.Digest(); ok {
				t.Error("a digest before the rows were read")
			}
			for {
				if _, err := it.Next(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatal(err)
				}
			}
			fromRows, ok := it.Digest()
			if !ok {
				t.Fatal("no digest after reading every row")
			}
			alone, err = dtx.Digest(ctx, d.Table, cols, where)
			if err != nil {
				t.Fatal(err)
			}
			return fromRows, alone
		}
		base, alone := digests()
		if base != alone {
			t.Fatalf("where %q: digest of the diff's rows %s, Digest %s", where, base, alone)
		}
		for _, change := range []struct{ do, undo string }{
			{"UPDATE r SET v = NULL WHERE n = 4", "UPDATE r SET v = '' WHERE n = 4"},
			{"UPDATE r SET id = 1000 WHERE n = 8", "UPDATE r SET id = 8 WHERE n = 8"},
			{"UPDATE r SET n = 2000 WHERE n = 2", "UPDATE r SET n = 2 WHERE n = 2000"},
		} {
			if _, err := conn.Exec(ctx, change.do); err != nil {
				t.Fatal(err)
			}
			got, alone := digests()
			if got != alone || got == base {
				t.Errorf("where %q, after %s: digest of the diff's rows %s, Digest %s, before %s", where, change.do, got, alone, base)
			}
			if _, err := conn.Exec(ctx, change.undo); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := conn.Exec(ctx, "UPDATE r SET extra = 'changed'"); err != nil {
			t.Fatal(err)
		}
		if got, _ := digests(); got != base {
			t.Errorf("where %q: an ignored column changed the digest", where)
		}
	}
}
