-- rows survive, and the serial column's sequence (renamed with it) goes on
SELECT count(*) = 2 AND bool_or(email = 'a@example.com' AND display_name = 'Ann A' AND years = 30)
   AND max(seq_no) = 2 AND nextval('users_seq_no_seq') = 3
FROM users;
