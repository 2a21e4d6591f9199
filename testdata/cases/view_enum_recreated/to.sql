-- A value goes away: the type is created again and the column converted,
-- so every view using the type or the column is recreated around it.
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL);

CREATE VIEW happy_people AS SELECT id FROM people WHERE mood = 'happy';
CREATE VIEW moods AS SELECT id, mood FROM people;
CREATE VIEW ids AS SELECT id FROM people;
