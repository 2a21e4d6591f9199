CREATE TABLE orders (
    id integer PRIMARY KEY,
    city text NOT NULL,
    zip text NOT NULL,
    country text NOT NULL,
    note text
);
CREATE STATISTICS orders_city_zip ON city, zip FROM orders;
CREATE STATISTICS orders_geo (ndistinct) ON city, zip, country FROM orders;
CREATE STATISTICS orders_note ON zip, note FROM orders;
ALTER STATISTICS orders_note SET STATISTICS 200;
