-- Structure dumps add constraints NOT VALID and validate them later, and
-- rename constraints; CREATE SCHEMA can carry the schema's objects.
CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.t (a integer, b integer, CONSTRAINT t_b_key UNIQUE (b));
ALTER TABLE public.t ADD CONSTRAINT a_fk FOREIGN KEY (a) REFERENCES public.p NOT VALID;
ALTER TABLE public.t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;
ALTER TABLE public.t VALIDATE CONSTRAINT a_fk;
ALTER TABLE public.t VALIDATE CONSTRAINT a_pos;
ALTER TABLE public.t RENAME CONSTRAINT t_b_key TO t_b_unique;

CREATE SCHEMA app
    CREATE TABLE items (id integer PRIMARY KEY, name text)
    CREATE VIEW named AS SELECT id, name FROM items WHERE name IS NOT NULL
    CREATE INDEX items_name_idx ON items (name)
    CREATE SEQUENCE counter
    CREATE TABLE refs (item integer REFERENCES items);
