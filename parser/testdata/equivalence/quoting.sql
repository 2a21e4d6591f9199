-- Identifiers that need quoting: mixed case, spaces, quotes, reserved words,
-- unicode.
create schema "Weird Schema";
create type "Weird Schema"."Mood Type" as enum ('a b', 'it''s', 'Ünï');
create table "Weird Schema"."User Table" (
  "ID" serial primary key,
  "select" text not null,
  "from" int check ("from" > 0),
  "col""quote" int unique,
  "mood" "Weird Schema"."Mood Type" default 'a b'::"Weird Schema"."Mood Type",
  "naïve" text collate "C",
  "user" int,
  "order" int,
  "Mixed" int
);
create table "Weird Schema"."Ünïcödé" ("日本" int primary key, "ref" int references "Weird Schema"."User Table");
create index "Idx With Space" on "Weird Schema"."User Table" ("select", "from" desc);
create index on "Weird Schema"."User Table" (lower("select"));
alter table "Weird Schema"."User Table" add constraint "Order Check" check ("order" <> "user");
create table "group" ("table" int primary key, "column" text);
comment on column "Weird Schema"."User Table"."col""quote" is 'a "quoted" column';
