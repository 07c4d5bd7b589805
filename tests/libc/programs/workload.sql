-- SQLite workload of the libc.preload.sqlite3 test and the libc bench:
-- 100 000 rows created, filled, indexed, queried. Deterministic output.
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, grp INTEGER, v REAL, note TEXT);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)
INSERT INTO t SELECT x, 'name' || (x * 7919 % 100003), x % 97, (x * 31 % 1009) / 7.0,
                     printf('%08d-%s', x * 13 % 99991, hex(x)) FROM c;
CREATE INDEX t_grp ON t(grp, v);
CREATE INDEX t_name ON t(name);
SELECT count(*), sum(grp), round(sum(v), 3), min(name), max(name) FROM t;
SELECT grp, count(*), round(avg(v), 4) FROM t GROUP BY grp ORDER BY 3 DESC, 1 LIMIT 5;
SELECT name, note FROM t WHERE name BETWEEN 'name5000' AND 'name5002' ORDER BY name, id;
UPDATE t SET note = upper(note) || name WHERE grp < 20;
DELETE FROM t WHERE id % 3 = 0;
SELECT count(*), count(DISTINCT grp), max(length(note)) FROM t;
SELECT a.grp, count(*) FROM t a JOIN t b ON a.id + 1 = b.id WHERE a.grp = b.grp - 1 GROUP BY a.grp ORDER BY 2 DESC, 1 LIMIT 3;
SELECT group_concat(id, ',') FROM (SELECT id FROM t ORDER BY v DESC, id LIMIT 12);
