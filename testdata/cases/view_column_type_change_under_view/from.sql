CREATE TABLE measurements (
    id integer PRIMARY KEY,
    sensor varchar(20) NOT NULL,
    value integer NOT NULL
);

CREATE VIEW readings AS SELECT id, sensor, value FROM measurements;
CREATE VIEW high_readings AS SELECT id, value FROM readings WHERE value > 100;
CREATE MATERIALIZED VIEW sensor_max AS SELECT sensor, max(value) AS top FROM readings GROUP BY sensor;
CREATE UNIQUE INDEX sensor_max_sensor ON sensor_max (sensor);

-- Reads measurements, but none of the changed columns: kept.
CREATE VIEW measurement_ids AS SELECT id FROM measurements;
