-- b becomes partitioned (drop and create): the publication lets go of it
-- and takes it back, and the foreign key of c that uses b's key is
-- dropped before and added after.
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a) PARTITION BY RANGE (id);
CREATE TABLE b_1 PARTITION OF b FOR VALUES FROM (0) TO (1000);
CREATE TABLE c (id integer PRIMARY KEY, b_id integer REFERENCES b);
CREATE PUBLICATION pub FOR TABLE a, b, c;
