CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE invoices (id int NOT NULL, customer int, issued date NOT NULL) PARTITION BY RANGE (issued);
CREATE TABLE invoices_2020 PARTITION OF invoices FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE INDEX invoices_customer_idx ON invoices (customer);
