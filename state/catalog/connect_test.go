package catalog

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"
)

// secret is the password the tests put into connection strings; it must
// never come back in an error.
const secret = "S3cret-pa55word"

// fakeServer is a PostgreSQL server that asks for a password and then
// rejects it, as a server with password authentication does. It records
// what clients sent.
type fakeServer struct {
	ln net.Listener

	mu        sync.Mutex
	params    []map[string]string // startup parameters, per connection
	passwords []string
}

func startFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeServer{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return f
}

func (f *fakeServer) port() int { return f.ln.Addr().(*net.TCPAddr).Port }

func (f *fakeServer) serve(c net.Conn) {
	defer c.Close()
	be := pgproto3.NewBackend(c, c)
	msg, err := be.ReceiveStartupMessage()
	if err != nil {
		return
	}
	if _, ok := msg.(*pgproto3.SSLRequest); ok {
		// No TLS here; the client goes on in plain text.
		if _, err := c.Write([]byte("N")); err != nil {
			return
		}
		if msg, err = be.ReceiveStartupMessage(); err != nil {
			return
		}
	}
	startup, ok := msg.(*pgproto3.StartupMessage)
	if !ok {
		return
	}
	f.mu.Lock()
	f.params = append(f.params, startup.Parameters)
	f.mu.Unlock()

	be.Send(&pgproto3.AuthenticationCleartextPassword{})
	if err := be.Flush(); err != nil {
		return
	}
	if err := be.SetAuthType(pgproto3.AuthTypeCleartextPassword); err != nil {
		return
	}
	msg, err = be.Receive()
	if err != nil {
		return
	}
	if pw, ok := msg.(*pgproto3.PasswordMessage); ok {
		f.mu.Lock()
		f.passwords = append(f.passwords, pw.Password)
		f.mu.Unlock()
	}
	be.Send(&pgproto3.ErrorResponse{
		Severity: "FATAL",
		Code:     "28P01",
		Message:  fmt.Sprintf("password authentication failed for user %q", startup.Parameters["user"]),
	})
	_ = be.Flush()
}

func (f *fakeServer) seen() (params []map[string]string, passwords []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append(params, f.params...), append(passwords, f.passwords...)
}

// checkConnectError checks that err is exactly want, on one line, without
// the password.
func checkConnectError(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Connect succeeded, want error %q", want)
	}
	msg := err.Error()
	if strings.Contains(msg, secret) {
		t.Errorf("error contains the password: %q", msg)
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error is not one line: %q", msg)
	}
	if msg != want {
		t.Errorf("error:\n got %q\nwant %q", msg, want)
	}
}

func TestConnectBadPassword(t *testing.T) {
	t.Parallel()
	f := startFakeServer(t)
	for _, dsn := range []string{
		fmt.Sprintf("postgres://app:%s@127.0.0.1:%d/hello", secret, f.port()),
		fmt.Sprintf("host=127.0.0.1 port=%d dbname=hello user=app password='%s' sslmode=prefer", f.port(), secret),
	} {
		_, err := Connect(testContext(t), dsn)
		checkConnectError(t, err, fmt.Sprintf(
			`connecting to postgres at 127.0.0.1:%d database "hello" as "app": password authentication failed for user "app" (SQLSTATE 28P01)`,
			f.port()))
	}
	params, passwords := f.seen()
	if len(passwords) == 0 || passwords[0] != secret {
		t.Errorf("the server got passwords %q, want %q", passwords, secret)
	}
	for _, p := range params {
		if p["application_name"] != "renovate" {
			t.Errorf("application_name = %q, want renovate", p["application_name"])
		}
	}
}

func TestConnectKeepsApplicationName(t *testing.T) {
	t.Parallel()
	f := startFakeServer(t)
	_, err := Connect(testContext(t),
		fmt.Sprintf("postgres://app@127.0.0.1:%d/hello?sslmode=disable&application_name=mine", f.port()))
	if err == nil {
		t.Fatal("Connect succeeded against the fake server")
	}
	params, _ := f.seen()
	if len(params) != 1 || params[0]["application_name"] != "mine" {
		t.Errorf("startup parameters %v, want application_name=mine", params)
	}
}

// TestConnectPGAPPNAME cannot run in parallel: it sets an environment
// variable.
func TestConnectPGAPPNAME(t *testing.T) {
	t.Setenv("PGAPPNAME", "from-env")
	f := startFakeServer(t)
	_, err := Connect(testContext(t), fmt.Sprintf("postgres://app@127.0.0.1:%d/hello?sslmode=disable", f.port()))
	if err == nil {
		t.Fatal("Connect succeeded against the fake server")
	}
	params, _ := f.seen()
	if len(params) != 1 || params[0]["application_name"] != "from-env" {
		t.Errorf("startup parameters %v, want application_name=from-env", params)
	}
}

func TestConnectBadPort(t *testing.T) {
	t.Parallel()
	// A port nobody listens on: take a free one and close it again.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	_, err = Connect(testContext(t), fmt.Sprintf("postgres://app:%s@127.0.0.1:%d/hello", secret, port))
	prefix := fmt.Sprintf(`connecting to postgres at 127.0.0.1:%d database "hello" as "app": `, port)
	if err == nil {
		t.Fatal("Connect succeeded on a closed port")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, "connection refused") {
		t.Errorf("error %q, want %q followed by the dial error", msg, prefix)
	}
	checkConnectError(t, err, msg)
	t.Log(msg)
}

func TestConnectUnixSocket(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Connect(testContext(t), fmt.Sprintf("host=%s port=5999 dbname=hello user=app password=%s", dir, secret))
	if err == nil {
		t.Fatal("Connect succeeded without a server")
	}
	prefix := fmt.Sprintf(`connecting to postgres at %s/.s.PGSQL.5999 database "hello" as "app": `, dir)
	if msg := err.Error(); !strings.HasPrefix(msg, prefix) {
		t.Errorf("error %q, want prefix %q", msg, prefix)
	}
	checkConnectError(t, err, err.Error())
}

func TestConnectBadConnectionString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ dsn, want string }{
		{
			"postgres://app:" + secret + "@127.0.0.1:notaport/hello",
			"parsing connection string: invalid port",
		},
		{
			// A broken escape in the password itself.
			"postgres://app:" + secret + "%zz@127.0.0.1/hello",
			"parsing connection string: failed to parse as URL: invalid percent-encoded token in password",
		},
		{
			"host=127.0.0.1 user=app password=" + secret + " sslmode=bogus",
			"parsing connection string: failed to configure TLS: sslmode is invalid",
		},
	} {
		_, err := Connect(testContext(t), tc.dsn)
		checkConnectError(t, err, tc.want)
	}
}

func TestConnectRealServer(t *testing.T) {
	t.Parallel()
	dsn := srv.NewDatabase(t)
	ctx := testContext(t)
	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var name string
	if err := conn.QueryRow(ctx, "SHOW application_name").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if name != "renovate" {
		t.Errorf("application_name = %q, want renovate", name)
	}

	// A database that does not exist: the server's reason comes through.
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	missing := fmt.Sprintf("host=%s port=%d user=%s dbname=no_such_db password=%s sslmode=disable",
		cfg.Host, cfg.Port, cfg.User, secret)
	_, err = Connect(ctx, missing)
	checkConnectError(t, err, fmt.Sprintf(
		`connecting to postgres at %s:%d database "no_such_db" as %q: database "no_such_db" does not exist (SQLSTATE 3D000)`,
		cfg.Host, cfg.Port, cfg.User))
}
