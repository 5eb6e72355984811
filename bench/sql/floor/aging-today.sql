-- Floor (issue #8): the two queries Aging.asOf issues for today, company-wide, grouped by company.
-- Keep in step with Aging.asOf.
SELECT x.group_id, n.name AS group_name, x.bucket, x.open_sum FROM (SELECT group_id, bucket, SUM(open_part) AS open_sum FROM (
  SELECT r.company_id AS group_id,
  CASE WHEN r.due_on >= :t0 THEN 0 WHEN r.due_on >= :t1 THEN 1 WHEN r.due_on >= :t2 THEN 2 WHEN r.due_on >= :t3 THEN 3
       WHEN r.due_on >= :t4 THEN 4 WHEN r.due_on >= :t5 THEN 5 ELSE 6 END AS bucket, r.open_amount AS open_part
  FROM receivable r WHERE r.status = 'OPEN' AND 1=1) y GROUP BY group_id, bucket) x LEFT JOIN company n ON n.id = x.group_id;
SELECT x.group_id, n.name AS group_name, x.written_sum FROM (SELECT r.company_id AS group_id, SUM(r.written_off_amount) AS written_sum
  FROM receivable r WHERE r.written_off_on <= :t0 AND 1=1 GROUP BY r.company_id) x LEFT JOIN company n ON n.id = x.group_id;
