CREATE TABLE t (id int,
 a varchar(10) default 'x'::text, b text default 'x'::varchar(3), c varchar default 'x'::text, d int default '1'::int,
 f numeric default 1::numeric, g bigint default (1)::int, h text default ('x'::text), i char(3) default 'x'::text,
 j text default NULL::varchar, l varchar(10) default NULL::text, m varchar(10) default null, n numeric(10,2) default null,
 o text default 'x'::varchar);
