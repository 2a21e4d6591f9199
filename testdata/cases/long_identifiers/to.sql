-- Names longer than NAMEDATALEN-1 (63 bytes): PostgreSQL truncates them
-- (multi-byte characters are not split), and so must renovate, or every
-- plan would try to create what already exists.
CREATE TABLE this_table_name_is_much_longer_than_sixty_three_bytes_which_postgres_truncates (
    id integer PRIMARY KEY,
    a_column_name_that_is_also_far_too_long_for_postgres_to_keep_in_full integer UNIQUE,
    "ein_spaltenname_mit_umlauten_äöü_der_länger_als_dreiundsechzig_bytes_ist" text
);
CREATE INDEX ON this_table_name_is_much_longer_than_sixty_three_bytes_which_postgres_truncates (
    "ein_spaltenname_mit_umlauten_äöü_der_länger_als_dreiundsechzig_bytes_ist");
CREATE TABLE "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉxÉÉÉ" (
    "ключ_ключ_ключ_ключ_ключ_ключ_ключ" integer PRIMARY KEY
);
COMMENT ON TABLE this_table_name_is_much_longer_than_sixty_three_bytes_which_postgres_truncates_and_more IS 'same table: truncated to the same 63 bytes';
