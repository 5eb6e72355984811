-- Floor (issue #8): the SQL CustomerSearch issues for this request, run by pgbench -M prepared
-- (bind parameters like the application's JDBC). Keep in step with CustomerSearch.SELECT/page().
=1 AND c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM customer_name_gram g WHERE g.customer_id = c.id AND g.gram >= :g1 AND g.gram < :g1hi) ORDER BY c.id DESC LIMIT 21;
