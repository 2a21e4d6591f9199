data "public.plans" {}
data "public.features" {
  key = ["plan_code", "name"]
}
