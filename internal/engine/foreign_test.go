package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
)

// literalSecrets resolves {{env.NAME}} to that very text, so a plan
// applied in a test stores what the case's SQL, run directly, stores.
func literalSecrets(name string) (string, bool) { return state.SecretRef(name), true }

// TestSubscriptionInPlace: a subscription's connection, publications and
// options change with ALTER SUBSCRIPTION, never by recreating it (which
// would drop its slot on the publisher and copy every row again); the
// password of the connection string is a reference in the plan, and init
// writes a reference for the remote's password. Subscriptions made with
// connect = false and slot_name = NONE need no publisher.
func TestSubscriptionInPlace(t *testing.T) {
	dsn := srv.NewDatabase(t)
	from := `CREATE SUBSCRIPTION sub CONNECTION 'host=127.0.0.1 port=1 dbname=a password=literal-pw' PUBLICATION p1
	WITH (connect = false, slot_name = NONE, synchronous_commit = 'off');`
	if err := execSQL(t, dsn, from); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = execSQL(t, dsn, "DROP SUBSCRIPTION IF EXISTS sub") })

	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	text := remote.Text()
	if strings.Contains(text, "literal-pw") || !strings.Contains(text, "password={{env.RENOVATE_SUBSCRIPTION_SUB_PASSWORD}}") {
		t.Fatalf("the remote's files must refer to the password, not hold it:\n%s", text)
	}

	opts := "connect = false, slot_name = NONE, enabled = false, synchronous_commit = 'local'"
	if srv.Version() >= 14 {
		opts += ", binary = true, streaming = on"
	}
	if srv.Version() >= 15 {
		opts += ", disable_on_error = true"
	}
	if srv.Version() >= 16 {
		opts += ", origin = none"
	}
	dir := t.TempDir()
	to := "CREATE SUBSCRIPTION sub CONNECTION 'host=127.0.0.1 port=1 dbname=b password={{env.SUB_PW}}' PUBLICATION p1, p2\n    WITH (" + opts + ");\n" +
		"COMMENT ON SUBSCRIPTION sub IS 'in place';\n"
	if err := os.WriteFile(filepath.Join(dir, "subscriptions.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := planAndApply(t, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	sql := planSQL(p)
	for _, want := range []string{
		"ALTER SUBSCRIPTION sub CONNECTION 'host=127.0.0.1 port=1 dbname=b password={{env.SUB_PW}}'",
		"ALTER SUBSCRIPTION sub SET (synchronous_commit = 'local'",
		"ALTER SUBSCRIPTION sub SET PUBLICATION p1, p2 WITH (refresh = false)",
		"COMMENT ON SUBSCRIPTION sub IS 'in place'",
	} {
		if !strings.Contains(sql, want) {
			t.Errorf("plan lacks %q:\n%s", want, sql)
		}
	}
	for _, bad := range []string{"DROP SUBSCRIPTION", "CREATE SUBSCRIPTION"} {
		if strings.Contains(sql, bad) {
			t.Errorf("plan recreates the subscription (%s):\n%s", bad, sql)
		}
	}
	for _, s := range p.Steps {
		if s.Object.Kind == state.KindSubscription && s.Transactional && strings.Contains(s.SQL, "PUBLICATION") {
			t.Errorf("step %d changes publications inside the transaction: %s", s.ID, s.SQL)
		}
	}
	second, err := makePlanFor(t, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Steps) > 0 {
		t.Fatalf("second plan is not empty:\n%s", planSQL(second))
	}
}

// TestSecretRefusedInFiles: a password written literally in a user
// mapping or a subscription's connection string is refused with its file
// and line.
func TestSecretRefusedInFiles(t *testing.T) {
	tests := []struct{ name, sql, want string }{
		{"mapping", "CREATE EXTENSION postgres_fdw;\nCREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw;\nCREATE USER MAPPING FOR PUBLIC SERVER s\n    OPTIONS (user 'u', password 'hunter2');\n",
			"f.sql:4:"},
		{"conninfo", "\nCREATE SUBSCRIPTION s CONNECTION 'host=h password=hunter2' PUBLICATION p WITH (connect = false);\n", "f.sql:2:"},
		{"url", "CREATE SUBSCRIPTION s CONNECTION 'postgres://u:hunter2@h/db' PUBLICATION p WITH (connect = false);\n", "f.sql:1:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parser.ParseString("f.sql", tc.sql)
			if err == nil {
				t.Fatal("a literal password was accepted")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "{{env.NAME}}") {
				t.Errorf("error %q does not point at %s or say how to refer to the secret", err, tc.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error repeats the password: %v", err)
			}
		})
	}
}
