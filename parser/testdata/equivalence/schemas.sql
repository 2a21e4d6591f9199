-- Schemas, extensions, enums, cross-schema references and comments.
create extension if not exists citext;
create schema app;
create schema "Audit";
create type app.mood as enum ('sad', 'ok', 'happy');
create type status as enum ('new', 'done');
create table app.users (id serial primary key, email citext not null, mood app.mood default 'ok'::app.mood, st status default 'new'::status);
create table "Audit".log (id bigint generated always as identity primary key, user_id int references app.users, at timestamptz default now() not null);
create index on "Audit".log (user_id);
create unlogged table app.cache (k text primary key, v bytea);
comment on schema app is 'the application';
comment on type app.mood is 'how it feels';
comment on table app.users is 'people';
comment on column app.users.email is 'login';
comment on constraint users_pkey on app.users is 'pk';
comment on index "Audit".log_user_id_idx is 'by user';
comment on sequence app.users_id_seq is 'ids';
comment on table app.cache is '';
comment on column app.cache.v is null;
