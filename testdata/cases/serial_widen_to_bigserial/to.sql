-- serial to bigserial: the column and its sequence widen (AS bigint,
-- with bigint's MAXVALUE); the sequence keeps its value.
CREATE TABLE t (id bigserial PRIMARY KEY, name text);
