data "public.countries" {
  key = ["code"]
}
data "public.cities" {
  key = ["country_id", "name"]
}
