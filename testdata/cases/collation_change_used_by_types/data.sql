INSERT INTO people VALUES (1, 'Ann', ROW('Ann', 'A'), '[a,m)', 'x');
