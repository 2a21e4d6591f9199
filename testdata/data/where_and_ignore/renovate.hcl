data "public.settings" {
  ignore_columns = ["updated_at"]
  where          = "builtin"
}
