-- Names longer than NAMEDATALEN-1 (63 bytes): PostgreSQL truncates them
-- (multi-byte characters are not split), and so must renovate, or every
-- plan would try to create what already exists.
CREATE TABLE this_table_name_is_much_longer_than_sixty_three_bytes_which_postgres_truncates (
    id integer PRIMARY KEY
);
