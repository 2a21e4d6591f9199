CREATE TABLE people (first text, last text);
