CREATE TYPE st AS ENUM ('new', 'paid');
CREATE TABLE o (
    id int,
    status st NOT NULL DEFAULT 'new',
    price numeric(10,2) DEFAULT 0 CHECK (price >= 0),
    label varchar(20) DEFAULT 'x',
    created timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP,
    day date DEFAULT current_date,
    tags text[] DEFAULT '{}',
    data jsonb DEFAULT '{}'::jsonb,
    ratio double precision DEFAULT 0.5,
    flag boolean DEFAULT false,
    uid uuid,
    CHECK (status <> 'paid' OR price > 0)
);
