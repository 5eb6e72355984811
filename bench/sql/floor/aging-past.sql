-- Floor (issue #8): the two queries Aging.asOf issues for a past date (:p0), company-wide.
-- Keep in step with Aging.asOf.
SELECT x.group_id, n.name AS group_name, x.bucket, x.open_sum FROM (SELECT group_id, bucket, SUM(open_part) AS open_sum FROM (
  SELECT r.company_id AS group_id,
  CASE WHEN r.due_on >= :p0 THEN 0 WHEN r.due_on >= :p1 THEN 1 WHEN r.due_on >= :p2 THEN 2 WHEN r.due_on >= :p3 THEN 3
       WHEN r.due_on >= :p4 THEN 4 WHEN r.due_on >= :p5 THEN 5 ELSE 6 END AS bucket, r.amount - COALESCE(a.paid, 0) AS open_part
  FROM receivable r
  LEFT JOIN (SELECT pa.receivable_id, SUM(pa.amount) AS paid FROM payment_allocation pa
             WHERE pa.allocated_on <= :p0 AND (pa.reversed_on IS NULL OR pa.reversed_on > :p0)
             GROUP BY pa.receivable_id) a ON a.receivable_id = r.id
  WHERE r.created_on <= :p0 AND (r.written_off_on IS NULL OR r.written_off_on > :p0) AND 1=1) y GROUP BY group_id, bucket) x
  LEFT JOIN company n ON n.id = x.group_id;
SELECT x.group_id, n.name AS group_name, x.written_sum FROM (SELECT r.company_id AS group_id, SUM(r.written_off_amount) AS written_sum
  FROM receivable r WHERE r.written_off_on <= :p0 AND 1=1 GROUP BY r.company_id) x LEFT JOIN company n ON n.id = x.group_id;
