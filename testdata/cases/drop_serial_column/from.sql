CREATE TABLE events (id serial PRIMARY KEY, seq bigserial, payload text);
