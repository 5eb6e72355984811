-- Floor (issue #8): the SQL CustomerSearch issues for this request, run by pgbench -M prepared
-- (bind parameters like the application's JDBC). Keep in step with CustomerSearch.SELECT/page().
-- a filtered list binds its limit (CustomerSearch.page), so PostgreSQL plans it for each call
\set limit 21
SELECT c.id, c.name, c.uscc, c.customer_type, c.category, c.stage, c.grade, c.industry, c.region, c.phone,
       c.owner_id, c.office_id, c.updated_at, c.deleted_at, c.version,
(SELECT e.full_name FROM employee e WHERE e.id = c.owner_id) AS owner_name,
(SELECT o.name FROM office o WHERE o.id = c.office_id) AS office_name,
(SELECT STRING_AGG(t.tag, ',') FROM customer_tag t WHERE t.customer_id = c.id) AS tags
FROM (SELECT c.* FROM (SELECT DISTINCT g.customer_id FROM customer_name_gram g WHERE g.gram >= :g1 AND g.gram < :g1hi
      ORDER BY g.customer_id DESC) m JOIN customer c ON c.id = m.customer_id
      WHERE 1=1 AND c.deleted_at IS NULL ORDER BY m.customer_id DESC LIMIT :limit) c ORDER BY c.id DESC;
