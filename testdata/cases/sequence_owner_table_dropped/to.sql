-- Table a is dropped; the sequences it owned survive: one moves to b,
-- one to no owner, and one (with the table) goes.
CREATE TABLE b (id integer);
CREATE SEQUENCE s1 OWNED BY b.id;
CREATE SEQUENCE s2 OWNED BY NONE;
