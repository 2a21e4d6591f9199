CREATE TABLE events (
    id serial PRIMARY KEY,
    big_id bigserial,
    small smallserial,
    payload text
);
