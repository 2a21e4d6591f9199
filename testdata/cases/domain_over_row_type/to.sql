-- A domain over a table's row type (and a composite type and a table
-- column using it) can only be created after the table: the order comes
-- from what the domain's base type names, a relation.
CREATE TABLE public.t (a integer, b text);
CREATE DOMAIN public.dt AS public.t;
CREATE DOMAIN public.dts AS public.t[];
CREATE TYPE public.pair AS (left_row public.t, right_row public.dt);
CREATE TABLE public.holder (id integer, row_value public.dt, rows_value public.t[]);
-- Dropped by the plan from from.sql: a domain over a row type goes before
-- its table.
