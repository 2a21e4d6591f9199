data "public.levels" {}
