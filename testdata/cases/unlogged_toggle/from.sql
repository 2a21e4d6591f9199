CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);
CREATE TABLE log (id int);
