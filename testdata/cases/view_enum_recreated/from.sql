CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL);

CREATE VIEW happy_people AS SELECT id FROM people WHERE mood = 'happy';
CREATE VIEW moods AS SELECT id, mood FROM people;
CREATE VIEW ids AS SELECT id FROM people;
