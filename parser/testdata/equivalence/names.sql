-- Default names: truncation to 63 bytes and clash numbering.
create table this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forever (
  id serial primary key,
  this_is_also_a_very_long_column_name_that_will_need_truncation int unique,
  b int check (b > 0),
  c int check (c > 0) check (c < 100),
  unique (b, c),
  unique (c, b)
);
create table t (a int, b int, check (a > b), check (a < b + 10), unique (a), unique (a, b));
create index on t (a);
create index on t (a);
create sequence t3_id_seq;
create table t3 (id serial, t3_id_seq int);
create table t2 (x int);
alter table t2 add primary key (x);
alter table t add column t2_id int references t2 (x);
create table "ääääääääääääääääääääääääääääääääää" ("öööööööööööööööööööööööööööö" serial);
