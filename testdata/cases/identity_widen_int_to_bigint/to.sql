-- Widening an identity column widens its sequence too (AS bigint, and
-- the MAXVALUE that was integer's default becomes bigint's).
CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
