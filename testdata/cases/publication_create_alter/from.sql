CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE audit (id int);
CREATE TABLE base (id int);
CREATE TABLE base_child () INHERITS (base);
CREATE PUBLICATION pub_app FOR TABLE users, orders;
CREATE PUBLICATION pub_gone FOR TABLE audit;
CREATE PUBLICATION pub_all FOR ALL TABLES WITH (publish = 'insert');
CREATE PUBLICATION "Pub Everything" FOR TABLE audit;
