default_environment = "staging"
exclude             = ["public.audit_*", "kind:function:legacy_*"]

variable "app_role" {
  default     = "app"
  description = "The role the application connects as."
}

variable "region" {}

environment "staging" {
  url  = "postgres://deploy@staging.internal/shop"
  vars = { region = "eu-staging" }
}

environment "production" {
  url     = "postgres://deploy@prod.internal/shop"
  exclude = ["schema:scratch"]
  vars = {
    app_role = "app_prod"
    "region" = "eu"
  }
}
