package vars

import (
	"fmt"
	"strings"
	"testing"
)

// benchFile is a typical table file: columns, a default literal, grants.
func benchFile(i int) string {
	return fmt.Sprintf(`CREATE TABLE public.t%d (
    id integer NOT NULL,
    region text DEFAULT 'eu-prod'::text NOT NULL,
    name text,
    CONSTRAINT t%d_pkey PRIMARY KEY (id)
);

GRANT SELECT ON TABLE public.t%d TO app_prod;
GRANT INSERT, UPDATE ON TABLE public.t%d TO {{var.writer}};
`, i, i, i, i)
}

var benchVals = map[string]string{"app_role": "app_prod", "region": "eu-prod", "writer": "writer_prod"}

func BenchmarkExpand(b *testing.B) {
	files := make([]string, 1000)
	for i := range files {
		files[i] = benchFile(i)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, f := range files {
			if _, err := Expand("f.sql", f, benchVals); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReverse(b *testing.B) {
	files := make([]string, 1000)
	for i := range files {
		files[i] = strings.Replace(benchFile(i), "{{var.writer}}", "writer_prod", 1)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, f := range files {
			Reverse(f, benchVals)
		}
	}
}
