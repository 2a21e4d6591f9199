-- Typed tables: columns from a composite type, with their own defaults,
-- NOT NULL, constraints, indexes, storage, statistics, comments and
-- grants; a partitioned typed table with a partition; a typed table in
-- another schema than its type.
CREATE SCHEMA hr;
CREATE TYPE public.person AS (id integer, name text COLLATE "C", email varchar(200), born date);
COMMENT ON TYPE public.person IS 'a person';
CREATE TABLE public.people OF public.person (
    id WITH OPTIONS NOT NULL,
    name WITH OPTIONS DEFAULT 'anonymous' NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT people_email_key UNIQUE (email),
    CONSTRAINT born_past CHECK (born < '2100-01-01')
);
CREATE INDEX people_name_idx ON public.people (lower(name));
ALTER TABLE public.people ALTER COLUMN email SET STORAGE EXTERNAL;
ALTER TABLE public.people ALTER COLUMN born SET STATISTICS 300;
COMMENT ON TABLE public.people IS 'typed table';
COMMENT ON COLUMN public.people.email IS 'contact';
CREATE TABLE hr.staff OF public.person (born WITH OPTIONS DEFAULT '2000-01-01');
CREATE TABLE public.people_plain OF public.person;
CREATE TABLE public.people_refs (id integer REFERENCES public.people (id));

CREATE TYPE public.reading AS (sensor integer, at timestamptz, value numeric(8,2));
CREATE TABLE public.readings OF public.reading (PRIMARY KEY (sensor, at)) PARTITION BY RANGE (at);
CREATE TABLE public.readings_2026 PARTITION OF public.readings FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
GRANT SELECT, INSERT ON public.people TO PUBLIC;
GRANT SELECT (name) ON hr.staff TO PUBLIC;
