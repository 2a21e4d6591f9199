CREATE TYPE st AS ENUM ('new', 'paid');
CREATE TABLE o (id int);
