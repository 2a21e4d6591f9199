CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE invoices (
    id int NOT NULL,
    customer int REFERENCES customers (id),
    issued date NOT NULL,
    PRIMARY KEY (id, issued),
    CONSTRAINT recent CHECK (issued > '2000-01-01')
) PARTITION BY RANGE (issued);
CREATE TABLE invoices_2020 PARTITION OF invoices FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE invoices_2021 PARTITION OF invoices FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE INDEX invoices_issued_idx ON invoices (issued DESC);
-- A partition's index of its own, beside those its parent gives it.
CREATE INDEX invoices_2021_customer_issued ON invoices_2021 (customer, issued);
-- A referencing table pointing at the partitioned table.
CREATE TABLE payments (invoice int, issued date, FOREIGN KEY (invoice, issued) REFERENCES invoices (id, issued));
