CREATE DOMAIN status AS varchar(10) CHECK (VALUE IN ('new', 'done'));
CREATE TABLE orders (id int PRIMARY KEY, state varchar(10) NOT NULL CHECK (state IN ('open', 'closed')), kind varchar(5),
    CONSTRAINT orders_kind_check CHECK (kind IN ('a', 'b', 'c')));
CREATE INDEX orders_open ON orders (id) WHERE state IN ('open', 'held');
CREATE VIEW open_orders AS SELECT id FROM orders WHERE state IN ('open') AND kind NOT IN ('x', 'y');
