environment "staging" {
  url = "postgresql://deploy@staging.internal/app"
}

environment "default" {
  url = "postgres://localhost/app"
}
