INSERT INTO t (name) VALUES ('a'), ('b'), ('c');
INSERT INTO u (name) VALUES ('a'), ('b'), ('c');
