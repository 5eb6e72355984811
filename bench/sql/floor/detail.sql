-- Floor (issue #8): a customer's detail as the API reads it: the scoped row (CustomerSearch.find)
-- and the aggregate (JPA load of the customer row).
\set id random(1, :customers)
SELECT c.id, c.name, c.uscc, c.customer_type, c.category, c.stage, c.grade, c.industry, c.region, c.phone,
       c.owner_id, (SELECT e.full_name FROM employee e WHERE e.id = c.owner_id) AS owner_name,
       c.office_id, (SELECT o.name FROM office o WHERE o.id = c.office_id) AS office_name,
       c.updated_at, c.deleted_at, c.version,
       (SELECT STRING_AGG(t.tag, ',') FROM customer_tag t WHERE t.customer_id = c.id) AS tags
FROM customer c
WHERE c.id = :id AND 1=1 AND c.deleted_at IS NULL;
SELECT * FROM customer WHERE id = :id;
