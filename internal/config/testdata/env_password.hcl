# A password that comes from the environment is not in this file, so it is
# accepted.
environment "ci" {
  url = "postgres://ci:${env("RENOVATE_TEST_PASSWORD")}@db:5432/app"
}
