CREATE TABLE items (id int, price numeric);
