CREATE TABLE orders (
    id integer PRIMARY KEY,
    city text NOT NULL,
    zip text NOT NULL,
    country text NOT NULL
);
-- Written in another column order: the same object.
CREATE STATISTICS orders_city_zip ON zip, city FROM orders;
ALTER STATISTICS orders_city_zip SET STATISTICS 1000;
COMMENT ON STATISTICS orders_city_zip IS 'cities and their zip codes';
-- New kinds: recreated.
CREATE STATISTICS orders_geo (ndistinct, mcv) ON city, zip, country FROM orders;
-- orders_note goes with the column note.
CREATE STATISTICS orders_country ON country, city FROM orders;
