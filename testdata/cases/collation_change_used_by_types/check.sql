SELECT n::text = 'Ann' AND (p).first = 'Ann' AND r = '[a,m)'::name_range AND plain = 'x' FROM people WHERE id = 1;
