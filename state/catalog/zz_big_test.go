package catalog

import (
	"testing"
	"time"
)

func TestZZBig(t *testing.T) {
	start := time.Now()
	_, conn := newDatabase(t, generatedSchema(5000)...)
	t.Logf("setup %v", time.Since(start))
	for i := 0; i < 4; i++ {
		start = time.Now()
		s := introspect(t, conn)
		t.Logf("introspect %d tables: %v", len(s.Tables), time.Since(start))
	}
	if _, err := conn.Exec(testContext(t), "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		start = time.Now()
		s := introspect(t, conn)
		t.Logf("after ANALYZE: introspect %d tables: %v", len(s.Tables), time.Since(start))
	}
}
