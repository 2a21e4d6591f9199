-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.nodes
CREATE TABLE public.nodes (
    id integer NOT NULL,
    parent integer,
    CONSTRAINT nodes_pkey PRIMARY KEY (id)
);

-- step 2: create function public.next_node_id()
CREATE OR REPLACE FUNCTION public.next_node_id()
 RETURNS integer
 LANGUAGE sql
RETURN (SELECT COALESCE(max(id), 0) + 1 FROM public.nodes);

-- step 3: create function public.parent_ok(p integer)
CREATE OR REPLACE FUNCTION public.parent_ok(p integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT p IS NULL OR EXISTS (SELECT 1 FROM public.nodes WHERE id = p); END;

-- step 4: alter column public.nodes.id
ALTER TABLE public.nodes ALTER COLUMN id SET DEFAULT public.next_node_id();

-- step 5: create constraint public.nodes.nodes_parent_ok
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_ok CHECK (public.parent_ok(parent));

COMMIT;
