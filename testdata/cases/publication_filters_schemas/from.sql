CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE TABLE sales.deals (id int PRIMARY KEY, amount numeric, region text, secret text);
CREATE TABLE events (id int, kind text, payload text);
CREATE TABLE measurements (at date NOT NULL, v int) PARTITION BY RANGE (at);
CREATE TABLE measurements_2020 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE PUBLICATION pub_f FOR TABLE sales.deals (id, amount) WHERE (amount > 100), events;
CREATE PUBLICATION pub_s FOR TABLES IN SCHEMA sales;
