CREATE TABLE orders (id int NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_none PARTITION OF orders FOR VALUES IN (NULL);
CREATE TABLE orders_other PARTITION OF orders DEFAULT;

-- Integer and boolean list keys print without quotes, negative numbers
-- with them.
CREATE TABLE levels (lvl int, flag boolean) PARTITION BY LIST (lvl);
CREATE TABLE levels_neg PARTITION OF levels FOR VALUES IN (-1, '-2');
CREATE TABLE levels_pos PARTITION OF levels FOR VALUES IN ('1', 2);
CREATE TABLE flags (flag boolean) PARTITION BY LIST (flag);
CREATE TABLE flags_on PARTITION OF flags FOR VALUES IN ('t');
