data "public.statuses" {}
data "public.kinds" {}
