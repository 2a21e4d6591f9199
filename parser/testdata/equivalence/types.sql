-- Type spellings: each must come out as format_type prints it.
create table types (
  a int, b int4, c integer, d int8, e bigint, f int2, g smallint,
  h float, i float(10), j float(30), k real, l double precision, m float8, n float4,
  o bool, p boolean,
  q varchar(10), r varchar, s character varying(5), t char, u char(3), v character(4), w bpchar,
  x decimal, y decimal(10,2), z numeric(5), aa numeric, ab dec(3,1),
  ac timestamp, ad timestamp(3), ae timestamptz, af timestamp(2) with time zone, ag timestamp without time zone,
  ah time, ai time(3), aj timetz, ak time with time zone, al time(2) without time zone, am timetz(4),
  an interval, ao interval(3), ap interval day to second(3), aq interval year, ar interval hour to minute, as_ interval second(2),
  at bit, au bit(5), av varbit, aw varbit(8), ax bit varying(3), ay "char",
  az text, ba uuid, bb jsonb, bc json, bd bytea, be inet, bf cidr, bg date, bh money, bi tsvector,
  bj oid, bk regclass, bl int[], bm int[3][], bn integer array, bo text[][], bp _int4, bq pg_catalog.int4,
  br pg_catalog.varchar(3), bs character varying(10)[], bt xml, bu point, bv int4range, bw macaddr, bx name,
  "by" pg_catalog.text, bz national character varying(7), ca char varying(2), cb numeric(7,0)[], cc timestamp(7)
);
