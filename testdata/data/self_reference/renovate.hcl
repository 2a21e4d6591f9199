data "public.categories" {
  key = ["code"]
}
