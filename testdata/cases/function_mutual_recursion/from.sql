CREATE TABLE nums (n integer);
