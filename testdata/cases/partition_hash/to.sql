CREATE TABLE accounts (id bigint NOT NULL, name text, PRIMARY KEY (id)) PARTITION BY HASH (id);
CREATE TABLE accounts_0 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE accounts_1 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE tags (owner int, tag text) PARTITION BY HASH (owner, lower(tag));
CREATE TABLE tags_a PARTITION OF tags FOR VALUES WITH (modulus 3, remainder 0);
CREATE TABLE tags_b PARTITION OF tags FOR VALUES WITH (modulus 3, remainder 1);
CREATE TABLE tags_c PARTITION OF tags FOR VALUES WITH (modulus 3, remainder 2);
