CREATE TABLE measurement (
    city_id int NOT NULL,
    logdate date NOT NULL,
    peaktemp int,
    CONSTRAINT positive_city CHECK (city_id > 0)
) PARTITION BY RANGE (logdate);
CREATE TABLE m_2020 PARTITION OF measurement FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE m_2021 PARTITION OF measurement FOR VALUES FROM ('2021-01-01') TO ('2021-07-01');
CREATE TABLE m_2019 PARTITION OF measurement FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE m_old PARTITION OF measurement FOR VALUES FROM ('2010-01-01') TO ('2011-01-01');
-- A standalone table about to become a partition.
CREATE TABLE m_2022 (city_id int, logdate date NOT NULL, peaktemp int);
INSERT INTO m_2020 VALUES (1, '2020-05-05', 20);
INSERT INTO m_2022 VALUES (2, '2022-03-03', 22);
