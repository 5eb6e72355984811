-- Floor (issue #8): the SQL CustomerSearch issues for this request, run by pgbench -M prepared
-- (bind parameters like the application's JDBC). Keep in step with CustomerSearch.SELECT/page().
SELECT c.id, c.name, c.uscc, c.customer_type, c.category, c.stage, c.grade, c.industry, c.region, c.phone,
       c.owner_id, c.office_id, c.updated_at, c.deleted_at, c.version,
(SELECT e.full_name FROM employee e WHERE e.id = c.owner_id) AS owner_name,
(SELECT o.name FROM office o WHERE o.id = c.office_id) AS office_name,
(SELECT STRING_AGG(t.tag, ',') FROM customer_tag t WHERE t.customer_id = c.id) AS tags
FROM (SELECT c.* FROM customer c WHERE c.id IN (
        (SELECT c.id FROM customer c WHERE c.owner_id = :director AND c.deleted_at IS NULL ORDER BY c.id DESC LIMIT 21)
        UNION (SELECT c.id FROM customer c WHERE c.office_id = :office AND c.deleted_at IS NULL ORDER BY c.id DESC LIMIT 21))
      AND c.deleted_at IS NULL ORDER BY c.id DESC LIMIT 21) c ORDER BY c.id DESC;
