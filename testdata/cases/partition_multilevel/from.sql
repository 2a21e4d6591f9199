CREATE TABLE sales (region text NOT NULL, sold date NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu') PARTITION BY RANGE (sold);
CREATE TABLE sales_eu_2020 PARTITION OF sales_eu FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
