-- CREATE SEQUENCE options and defaults.
create sequence s1;
create sequence s2 as integer;
create sequence s3 as smallint increment by -1;
create sequence s4 increment 5 minvalue 10 maxvalue 1000 start 20 cache 10 cycle;
create sequence s5 as bigint start with 1 increment by 1 no minvalue no maxvalue cache 1 no cycle;
create sequence s6 increment by -3 minvalue -100 maxvalue -10;
create table owner_t (id int);
create sequence s7 owned by owner_t.id;
create sequence s8;
alter sequence s8 owned by public.owner_t.id;
comment on sequence s1 is 'first';
