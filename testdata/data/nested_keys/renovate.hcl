data "public.tenants" {
  key = ["slug"]
}
data "public.teams" {
  key = ["tenant_id", "code"]
}
data "public.members" {
  key = ["tenant_id", "login"]
}
data "public.countries" {
  key = ["code"]
}
data "public.cities" {
  key = ["country_id", "name"]
}
data "public.addresses" {
  key = ["city_id", "street"]
}
data "public.shops" {
  key = ["code"]
}
