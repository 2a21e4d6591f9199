SELECT count(*) = 2 FROM posts;
