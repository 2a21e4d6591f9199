package catalog

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// silentServer accepts connections and never answers.
func silentServer(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	t.Cleanup(func() {
		ln.Close()
		for _, c := range held {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestConnectTimeout: a server that accepts the connection and never
// answers does not hang renovate: connect_timeout (in the URL, or
// PGCONNECT_TIMEOUT) bounds the wait, and without one renovate's default
// does.
func TestConnectTimeout(t *testing.T) {
	port := silentServer(t)
	start := time.Now()
	_, err := Connect(context.Background(), fmt.Sprintf("postgres://app:%s@127.0.0.1:%d/hello?sslmode=disable&connect_timeout=1", secret, port))
	if err == nil {
		t.Fatal("Connect to a silent server succeeded")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Connect took %s with connect_timeout=1", took)
	}
	checkConnectError(t, err, fmt.Sprintf(`connecting to postgres at 127.0.0.1:%d database "hello" as "app": the server did not answer within 1s (connect_timeout; set connect_timeout in the connection string or PGCONNECT_TIMEOUT to wait longer)`, port))

	cfg, err := ConnConfig("postgres://app@127.0.0.1/hello")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ConnectTimeout != DefaultConnectTimeout {
		t.Errorf("default connect timeout %s, want %s", cfg.ConnectTimeout, DefaultConnectTimeout)
	}
	t.Setenv("PGCONNECT_TIMEOUT", "3")
	if cfg, err = ConnConfig("postgres://app@127.0.0.1/hello"); err != nil || cfg.ConnectTimeout != 3*time.Second {
		t.Errorf("PGCONNECT_TIMEOUT=3: %v, %v", cfg.ConnectTimeout, err)
	}
	t.Setenv("PGCONNECT_TIMEOUT", "0")
	if cfg, err = ConnConfig("postgres://app@127.0.0.1/hello"); err != nil || cfg.ConnectTimeout != 0 {
		t.Errorf("PGCONNECT_TIMEOUT=0 (wait for ever, as libpq): %v, %v", cfg.ConnectTimeout, err)
	}
}

// TestSessionSettings: the startup parameters renovate sends, and what a
// user's own choice changes.
func TestSessionSettings(t *testing.T) {
	t.Setenv("PGOPTIONS", "")
	cfg, err := ConnConfig("host=h dbname=d standard_conforming_strings=off")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RuntimeParams["standard_conforming_strings"] != "on" || cfg.RuntimeParams["lock_timeout"] != "10000" {
		t.Errorf("runtime params %v", cfg.RuntimeParams)
	}
	t.Setenv("PGOPTIONS", "-c lock_timeout=2s -c standard_conforming_strings=off")
	if cfg, err = ConnConfig("host=h dbname=d"); err != nil {
		t.Fatal(err)
	}
	if _, set := cfg.RuntimeParams["lock_timeout"]; set || cfg.RuntimeParams["standard_conforming_strings"] != "on" {
		t.Errorf("with PGOPTIONS: runtime params %v", cfg.RuntimeParams)
	}
}

// TestIntrospectLockTimeout: reading the catalog behind another session's
// ACCESS EXCLUSIVE lock gives up after the lock timeout and names the
// table and the session holding it.
func TestIntrospectLockTimeout(t *testing.T) {
	dsn := srv.NewDatabase(t)
	ctx := testContext(t)
	holder, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(context.Background())
	if _, err := holder.Exec(ctx, `CREATE TABLE busy (id integer DEFAULT 1); SET application_name = 'migration'`); err != nil {
		t.Fatal(err)
	}
	if _, err := holder.Exec(ctx, `BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	withOption := dsn + " options='-c lock_timeout=500'"
	if strings.Contains(dsn, "://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		withOption = dsn + sep + "options=" + strings.NewReplacer(" ", "%20", "=", "%3D").Replace("-c lock_timeout=500")
	}
	conn, err := Connect(ctx, withOption)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	_, err = Introspect(ctx, conn)
	if err == nil {
		t.Fatal("Introspect read past an ACCESS EXCLUSIVE lock")
	}
	msg := err.Error()
	for _, want := range []string{"reading the database catalog: gave up waiting for a lock after 500ms (lock_timeout)", `public.busy is locked (ACCESS EXCLUSIVE) by pid `, `application "migration", idle in transaction`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	// The connection is usable again.
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		t.Errorf("connection after the timeout: %v", err)
	}
}
