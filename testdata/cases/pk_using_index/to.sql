-- pg_dump style: the index first, then the constraint using it; the
-- constraint is a normal primary key named after the index.
CREATE TABLE t (id int NOT NULL, code text NOT NULL);
CREATE UNIQUE INDEX t_pkey ON t USING btree (id);
ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;
-- A named constraint renames its index; UNIQUE works the same way.
CREATE UNIQUE INDEX t_code_idx ON t (code) INCLUDE (id) WITH (fillfactor = 80);
ALTER TABLE t ADD CONSTRAINT "T code" UNIQUE USING INDEX t_code_idx DEFERRABLE INITIALLY DEFERRED;
-- The same primary key written either way is no change.
CREATE TABLE u (id int NOT NULL);
CREATE UNIQUE INDEX u_pkey ON u (id);
ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY USING INDEX u_pkey;
