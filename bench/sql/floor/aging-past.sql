-- Floor (issue #8): the two queries Aging.asOf issues for a past date (:p0), company-wide.
-- Keep in step with Aging.asOf (the parts are explained at Aging.openOnPastDate).
SELECT x.group_id, n.name AS group_name, x.bucket, x.open_sum FROM (SELECT group_id, bucket, SUM(open_part) AS open_sum FROM (
  SELECT u.group_id,
  CASE WHEN u.due_on >= :p0 THEN 0 WHEN u.due_on >= :p1 THEN 1 WHEN u.due_on >= :p2 THEN 2 WHEN u.due_on >= :p3 THEN 3
       WHEN u.due_on >= :p4 THEN 4 WHEN u.due_on >= :p5 THEN 5 ELSE 6 END AS bucket, u.open_part FROM (
  SELECT r.company_id AS group_id, r.due_on, r.open_amount AS open_part FROM receivable r
    WHERE r.status = 'OPEN' AND r.created_on <= :p0 AND 1=1
  UNION ALL SELECT a.company_id AS group_id, a.due_on, a.amount FROM payment_allocation a
    WHERE a.allocated_on > :p0 AND a.reversed_on IS NULL AND a.created_on <= :p0 AND 1=1
  UNION ALL SELECT a.company_id AS group_id, a.due_on, 0 - a.amount FROM payment_allocation a
    WHERE a.reversed_on > :p0 AND a.allocated_on <= :p0 AND a.created_on <= :p0 AND 1=1
  UNION ALL SELECT r.company_id AS group_id, r.due_on, r.amount - COALESCE((SELECT SUM(pa.amount) FROM payment_allocation pa
    WHERE pa.receivable_id = r.id AND pa.reversed_on IS NULL), 0) FROM receivable r
    WHERE r.written_off_on > :p0 AND r.created_on <= :p0 AND 1=1
  UNION ALL SELECT r.company_id AS group_id, r.due_on, COALESCE((SELECT SUM(CASE WHEN pa.reversed_on IS NULL THEN 0 - pa.amount ELSE pa.amount END)
    FROM payment_allocation pa WHERE pa.receivable_id = r.id AND ((pa.allocated_on > :p0 AND pa.reversed_on IS NULL)
    OR (pa.allocated_on <= :p0 AND pa.reversed_on > :p0))), 0) FROM receivable r
    WHERE r.written_off_on <= :p0 AND r.created_on <= :p0 AND 1=1) u) y GROUP BY group_id, bucket) x
  LEFT JOIN company n ON n.id = x.group_id;
SELECT x.group_id, n.name AS group_name, x.written_sum FROM (SELECT r.company_id AS group_id, SUM(r.written_off_amount) AS written_sum
  FROM receivable r WHERE r.written_off_on <= :p0 AND 1=1 GROUP BY r.company_id) x LEFT JOIN company n ON n.id = x.group_id;
