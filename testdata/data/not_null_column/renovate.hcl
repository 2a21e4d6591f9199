data "public.units" {}
