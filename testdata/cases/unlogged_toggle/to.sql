CREATE TABLE cache (k text PRIMARY KEY, v text);
CREATE UNLOGGED TABLE log (id int);
