data "public.parents" {
  key = ["tenant_id", "code"]
}
data "public.children" {
  key = ["tenant_id", "name"]
}
