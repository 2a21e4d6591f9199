-- IN lists on varchar columns: PostgreSQL stores each as an array of
-- varchar coerced to text[] as a whole, and prints text that, run again,
-- would cast each element instead. The files must rebuild the stored tree
-- (the convergence test rebuilds from them), in constraints, domains,
-- index predicates and views; only the new constraint is planned.
CREATE DOMAIN status AS varchar(10) CHECK (VALUE IN ('new', 'done'));
CREATE TABLE orders (id int PRIMARY KEY, state varchar(10) NOT NULL CHECK (state IN ('open', 'closed')), kind varchar(5));
CREATE INDEX orders_open ON orders (id) WHERE state IN ('open', 'held');
CREATE VIEW open_orders AS SELECT id FROM orders WHERE state IN ('open') AND kind NOT IN ('x', 'y');
