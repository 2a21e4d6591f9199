-- serial columns expand to a sequence, NOT NULL and a nextval default.
create table t (id serial primary key, name text);
CREATE TABLE big (id BIGSERIAL, small smallserial, n serial4, PRIMARY KEY (id));
create table "Mixed Case" (id serial8);
