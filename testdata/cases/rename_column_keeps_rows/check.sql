SELECT count(*) = 2 AND bool_or(email = 'a@example.com' AND display_name = 'Ann A' AND years = 30) FROM users;
