-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop table public.plain
-- hazard deletes_data: Table public.plain is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.plain: <size>)
DROP TABLE public.plain;

-- step 2: drop table public.logs_2020
-- hazard deletes_data: Table public.logs_2020 is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.logs_2020: <size>)
DROP TABLE public.logs_2020;

-- step 3: drop table public.logs
-- hazard deletes_data: Table public.logs is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.logs: <size>)
DROP TABLE public.logs;

-- step 4: drop table public.Was Partitioned a
-- hazard deletes_data: Table public.Was Partitioned a is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.Was Partitioned a: <size>)
DROP TABLE public."Was Partitioned a";

-- step 5: drop table public.Was Partitioned
-- hazard deletes_data: Table public.Was Partitioned is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.Was Partitioned: <size>)
DROP TABLE public."Was Partitioned";

-- step 6: create table public.Was Partitioned
CREATE TABLE public."Was Partitioned" (
    id integer,
    kind text
);

-- step 7: create table public.logs
CREATE TABLE public.logs (
    id integer NOT NULL,
    at date NOT NULL,
    level text
) PARTITION BY LIST (level);

-- step 8: create table public.logs_2020
CREATE TABLE public.logs_2020 PARTITION OF public.logs DEFAULT;

-- step 9: create table public.logs_error
CREATE TABLE public.logs_error PARTITION OF public.logs FOR VALUES IN ('error');

-- step 10: create table public.plain
CREATE TABLE public.plain (
    id integer,
    kind text
) PARTITION BY HASH (id);

-- step 11: create table public.plain_0
CREATE TABLE public.plain_0 PARTITION OF public.plain FOR VALUES WITH (modulus 1, remainder 0);

-- step 12: alter publication logs_pub
ALTER PUBLICATION logs_pub ADD TABLE ONLY public.logs;

COMMIT;
