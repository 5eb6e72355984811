-- Floor (issue #8): a customer's detail as the API reads it (CustomerSearch.detail): the whole
-- record with its owner's and office's names and its tags, inside the scope, in one statement.
\set id random(1, :customers)
SELECT c.*, (SELECT e.full_name FROM employee e WHERE e.id = c.owner_id) AS owner_name,
(SELECT o.name FROM office o WHERE o.id = c.office_id) AS office_name,
(SELECT STRING_AGG(t.tag, ',') FROM customer_tag t WHERE t.customer_id = c.id) AS tags
FROM customer c WHERE c.id = :id AND 1=1 AND c.deleted_at IS NULL;
