-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉx
CREATE TABLE public."ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉx" (
    "ключ_ключ_ключ_ключ_ключ_ключ_ключ" integer NOT NULL,
    CONSTRAINT "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ_pkey" PRIMARY KEY ("ключ_ключ_ключ_ключ_ключ_ключ_ключ")
);

-- step 2: create column public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos.a_column_name_that_is_also_far_too_long_for_postgres_to_keep_in
ALTER TABLE public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos ADD COLUMN a_column_name_that_is_also_far_too_long_for_postgres_to_keep_in integer;

-- step 3: create column public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos.ein_spaltenname_mit_umlauten_äöü_der_länger_als_dreiundsech
ALTER TABLE public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos ADD COLUMN "ein_spaltenname_mit_umlauten_äöü_der_länger_als_dreiundsech" text;

-- step 4: create constraint public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos.this_table_name_is_much_longe_a_column_name_that_is_also_fa_key
-- hazard index_build: Adding this_table_name_is_much_longe_a_column_name_that_is_also_fa_key builds an index on public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos, blocking writes, and fails on duplicate rows. (public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos: <size>)
ALTER TABLE public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos ADD CONSTRAINT this_table_name_is_much_longe_a_column_name_that_is_also_fa_key UNIQUE (a_column_name_that_is_also_far_too_long_for_postgres_to_keep_in);

-- step 5: create index public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos.this_table_name_is_much_longe_ein_spaltenname_mit_umlauten__idx
-- hazard index_build: Building index this_table_name_is_much_longe_ein_spaltenname_mit_umlauten__idx blocks writes to public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos until it finishes. (public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos: <size>)
CREATE INDEX this_table_name_is_much_longe_ein_spaltenname_mit_umlauten__idx ON public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos USING btree ("ein_spaltenname_mit_umlauten_äöü_der_länger_als_dreiundsech");

-- step 6: alter table public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos
COMMENT ON TABLE public.this_table_name_is_much_longer_than_sixty_three_bytes_which_pos IS 'same table: truncated to the same 63 bytes';

COMMIT;
