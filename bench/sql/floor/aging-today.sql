-- Floor (issue #8): the two queries Aging.asOf issues for today, company-wide, grouped by company.
-- Keep in step with Aging.asOf.
SELECT group_id, group_name, bucket, SUM(open_part) AS open_sum FROM (SELECT r.company_id AS group_id, co.name AS group_name,
  CASE WHEN r.due_on >= :t0 THEN 0 WHEN r.due_on >= :t1 THEN 1 WHEN r.due_on >= :t2 THEN 2 WHEN r.due_on >= :t3 THEN 3
       WHEN r.due_on >= :t4 THEN 4 WHEN r.due_on >= :t5 THEN 5 ELSE 6 END AS bucket, r.open_amount AS open_part
  FROM receivable r JOIN customer c ON c.id = r.customer_id LEFT JOIN employee e ON e.id = r.owner_id
  LEFT JOIN office o ON o.id = r.office_id LEFT JOIN company co ON co.id = r.company_id
  WHERE r.status = 'OPEN' AND 1=1) x GROUP BY group_id, group_name, bucket;
SELECT r.company_id AS group_id, co.name AS group_name, SUM(r.written_off_amount) AS written_sum FROM receivable r
  JOIN customer c ON c.id = r.customer_id LEFT JOIN employee e ON e.id = r.owner_id
  LEFT JOIN office o ON o.id = r.office_id LEFT JOIN company co ON co.id = r.company_id
  WHERE r.written_off_on <= :t0 AND 1=1 GROUP BY r.company_id, co.name;
