-- The grading floor (issue #8): the indicators of every active customer as of ${as_of} in ONE
-- query over the whole data, what the grading run computes batch by batch (seed 6.1.1-3):
-- contract and list amounts signed in the period [${from}, ${as_of}], the first signing up to
-- ${as_of}, the open receivables at ${as_of} (as the aging computes them as of a date), and
-- whether a receivable was more than ${grace} days past due in the period (settled late in it,
-- or still open past the grace days at its end; a write-off settles on its day), and the
-- strategic influence rating (NULL: not rated). Points and grade are then a CASE per
-- threshold, which the application does in Java (GradingEngine).
-- ${...} are replaced by the caller (BenchSmokeIT, bench/run) with literals; by hand, e.g.
--   sed -e 's/${as_of}/2026-11-30/g' -e 's/${from}/2025-12-01/g' -e 's/${grace}/30/g' bench/sql/grading-floor.sql | psql
WITH paid AS (
    SELECT pa.receivable_id, SUM(pa.amount) AS paid, MAX(pa.allocated_on) AS last_paid
    FROM payment_allocation pa
    WHERE pa.allocated_on <= DATE '${as_of}' AND (pa.reversed_on IS NULL OR pa.reversed_on > DATE '${as_of}')
    GROUP BY pa.receivable_id),
rec AS (
    SELECT r.customer_id, r.due_on,
           CASE WHEN r.written_off_on <= DATE '${as_of}' THEN 0 ELSE r.amount - COALESCE(p.paid, 0) END AS open_amount,
           CASE WHEN r.written_off_on <= DATE '${as_of}' THEN r.written_off_on
                WHEN r.amount - COALESCE(p.paid, 0) <= 0 THEN p.last_paid END AS settled_on
    FROM receivable r LEFT JOIN paid p ON p.receivable_id = r.id
    WHERE r.created_on <= DATE '${as_of}'),
rec_by_customer AS (
    SELECT customer_id, SUM(open_amount) AS open_receivables,
           BOOL_OR(due_on + ${grace} < COALESCE(settled_on, DATE '${as_of}')
                   AND COALESCE(settled_on, DATE '${as_of}') >= DATE '${from}') AS arrears
    FROM rec GROUP BY customer_id),
con_by_customer AS (
    SELECT customer_id,
           SUM(CASE WHEN signed_on >= DATE '${from}' THEN amount ELSE 0 END) AS contract_amount,
           SUM(CASE WHEN signed_on >= DATE '${from}' THEN list_amount ELSE 0 END) AS list_amount,
           MIN(signed_on) AS first_signed_on
    FROM contract WHERE signed_on IS NOT NULL AND signed_on <= DATE '${as_of}'
    GROUP BY customer_id)
SELECT c.id AS customer_id,
       COALESCE(k.contract_amount, 0) AS contract_amount, COALESCE(k.list_amount, 0) AS list_amount, k.first_signed_on,
       COALESCE(r.arrears, FALSE) AS arrears, COALESCE(r.open_receivables, 0) AS open_receivables, i.points AS influence
FROM customer c
LEFT JOIN con_by_customer k ON k.customer_id = c.id
LEFT JOIN rec_by_customer r ON r.customer_id = c.id
LEFT JOIN grading_influence i ON i.customer_id = c.id
WHERE c.deleted_at IS NULL
ORDER BY c.id
