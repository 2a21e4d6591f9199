CREATE TABLE measurement (
    city_id int NOT NULL,
    logdate date NOT NULL,
    peaktemp int,
    unitsales int,
    CONSTRAINT positive_city CHECK (city_id > 0)
) PARTITION BY RANGE (logdate);
CREATE TABLE m_2020 PARTITION OF measurement FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
-- The bound grows: detached and attached again.
CREATE TABLE m_2021 PARTITION OF measurement FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
-- Attached, from a table of its own.
CREATE TABLE m_2022 PARTITION OF measurement FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
-- New.
CREATE TABLE m_2023 PARTITION OF measurement FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
-- Detached, keeping its rows and the parent's CHECK as its own.
CREATE TABLE m_2019 (
    city_id int NOT NULL,
    logdate date NOT NULL,
    peaktemp int,
    CONSTRAINT positive_city CHECK (city_id > 0)
);
-- m_old is dropped.
