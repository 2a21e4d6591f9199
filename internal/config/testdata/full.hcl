# renovate.hcl
default_environment = "dev"        # optional; default: the only environment, or "default"

environment "dev" {
  url = "postgres://app@localhost:5432/hello?sslmode=disable"   # never a password: use PGPASSWORD or ~/.pgpass
  exclude = ["public.audit_*"]     # optional, object patterns (stored, used later)
  include = []                      # optional
}

environment "prod" {
  url     = env("RENOVATE_TEST_PROD_URL")
  include = ["public.*", "billing.*"]
}

environment "ci" {
  url = "host=/var/run/postgresql dbname=hello user='ci user'"
}

exclude = ["schema:archive"]        # optional, global
include = []
