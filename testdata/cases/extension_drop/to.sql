CREATE TABLE accounts (id integer PRIMARY KEY, login text);
