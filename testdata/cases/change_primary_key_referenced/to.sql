CREATE TABLE countries (code char(2), name text NOT NULL, CONSTRAINT countries_pkey PRIMARY KEY (code, name), UNIQUE (code));
CREATE TABLE cities (id integer PRIMARY KEY, country char(2) REFERENCES countries (code));
