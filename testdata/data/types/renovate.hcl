data "public.samples" {}
