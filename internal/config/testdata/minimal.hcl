environment "local" {
  url = "postgres:///hello"
}
