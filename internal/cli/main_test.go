package cli

import (
	"os"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

var srv *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }
