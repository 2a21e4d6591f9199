-- A partitioned table's primary key makes its columns NOT NULL on every
-- partition, however the partition was declared; the files say it only on
-- the parent.
CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL,
    payload text,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE TABLE public.hits (
    site int,
    day int,
    n int,
    PRIMARY KEY (site, day)
) PARTITION BY LIST (site);
CREATE TABLE public.hits_1 PARTITION OF public.hits FOR VALUES IN (1) PARTITION BY RANGE (day);
CREATE TABLE public.hits_1_a PARTITION OF public.hits_1 FOR VALUES FROM (0) TO (100);
