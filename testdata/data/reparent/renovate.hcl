data "public.regions" {
  key = ["code"]
}
data "public.stores" {
  key = ["name"]
}
