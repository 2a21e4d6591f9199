SELECT (home).street = 'Main St 1' AND (home).city = 'Springfield' AND (home).country IS NULL FROM people WHERE id = 1;
