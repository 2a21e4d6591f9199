SELECT count(*) = 2 AND bool_or(word = 'APPLE') FROM words;
