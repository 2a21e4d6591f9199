package normalize

import (
	"os"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// pg is the PostgreSQL server shared by this package's tests.
var pg *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &pg)) }
