package render_test

import (
	"os"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// srv is the package's throwaway PostgreSQL: the golden plans and the
// schema checks render plans made by real runs. Tests fail, never skip,
// when it cannot be had.
var srv *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }
