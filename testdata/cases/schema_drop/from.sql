CREATE SCHEMA archive;
CREATE TABLE archive.old_users (id integer PRIMARY KEY);
CREATE SEQUENCE archive.counter;
CREATE TYPE archive.kind AS ENUM ('x');
CREATE TABLE keep (id integer);
