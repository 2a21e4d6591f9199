# Plan verification's scratch server: renovate creates a fresh database
# there and drops it after.
shadow = "postgres://renovate@localhost:5432/postgres"

environment "dev" {
  url = "postgres://app@localhost:5432/hello"
}

environment "prod" {
  url    = "postgres://deploy@prod.internal/hello"
  shadow = "postgres://deploy@scratch.internal/postgres"
}
