CREATE TABLE parent (id int NOT NULL, name text, CONSTRAINT name_set CHECK (name <> ''));
CREATE TABLE leaving (id int NOT NULL, name text, extra int) INHERITS (parent);
CREATE TABLE joining (id int, name text, extra int);
INSERT INTO joining VALUES (1, 'x', 2);
CREATE TABLE other_parent (id int NOT NULL, name text);
CREATE TABLE moving (id int NOT NULL, name text, m int, CONSTRAINT name_set CHECK (name <> ''));
ALTER TABLE moving INHERIT parent;
