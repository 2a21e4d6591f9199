# Keys whose collation orders differently from their bytes (ICU), keys
# that sort by their bytes (COLLATE "C", the database's C default, uuid)
# and a composite key mixing them: the database is read in the order
# rows.Compare expects whichever way it is ordered.
data "public.icu_keys" {}
data "public.c_keys" {}
data "public.default_keys" {}
data "public.uuid_keys" {}
data "public.mixed_keys" {}
