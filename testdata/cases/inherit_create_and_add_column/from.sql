CREATE TABLE base (id serial, created timestamp DEFAULT now(), CONSTRAINT id_positive CHECK (id > 0));
CREATE TABLE child_a (a1 int) INHERITS (base);
CREATE TABLE gone (x int) INHERITS (base);
