-- Defaults, generated columns and CHECK constraints, written so that the
-- canonical expressions match what pg_get_expr prints.
create table d (
  id int primary key check (id > 0),
  a int default 0,
  b int not null default 1,
  c text default 'x'::text,
  d timestamptz default now(),
  e timestamp default current_timestamp,
  f boolean default true,
  g numeric(10,2) default 0.0,
  h text[] default '{}'::text[],
  i jsonb default '{}'::jsonb,
  j int null,
  k int default null,
  l int generated always as (a * 2) stored,
  m text check (m <> ''::text) check (length(m) < 10),
  n date default current_date,
  o int,
  check (a > o),
  constraint named_check check ((a > 0 and o < 100) or a is null),
  check (j > 0) no inherit,
  check (true)
);
