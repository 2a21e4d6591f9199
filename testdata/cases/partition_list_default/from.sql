CREATE TABLE orders (id int NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
