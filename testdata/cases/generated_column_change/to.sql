CREATE TABLE people (first text, last text, full_name text GENERATED ALWAYS AS (last || ', ' || first) STORED);
