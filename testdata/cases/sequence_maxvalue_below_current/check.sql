-- each restarted at its bound nearest to where it stood
SELECT s = 20 AND d = -10 FROM (SELECT nextval('s') AS s, nextval('d') AS d) AS n;
