-- Primary keys, unique, foreign keys and exclusion constraints, inline and
-- table level, with every option the definition prints.
create table parent (id int primary key, code text unique, a int, b int, unique (a, b));
create table child (
  id bigint,
  parent_id int references parent,
  parent_code text references parent (code) on delete cascade on update restrict,
  x int,
  y int,
  primary key (id) include (x) with (fillfactor = 70),
  foreign key (x, y) references parent (a, b) match full on delete set null (x) deferrable initially deferred,
  constraint child_y_uq unique nulls not distinct (y) deferrable,
  unique (x) include (y)
);
create table ranges (r int4range, s int4range, exclude using gist (r with &&), exclude using gist (s with &&, (r + s) with &&) where (s is not null));
alter table only child add constraint child_x_positive check (x > 0) not valid;
alter table child add constraint child_parent_fk2 foreign key (parent_id) references parent not valid;
-- Redundant UNIQUE constraints are dropped as PostgreSQL does.
create table dd (id int unique primary key, a int unique, b int, unique(a), constraint named_b unique (b), unique (b), c int, constraint c_u unique (c) with (fillfactor=50), unique (c));
