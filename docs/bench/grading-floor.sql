-- The raw SQL floor of a grading run (issue #7, speed): ONE query computing the four indicators
-- of seed 6.1.1-3 for every active customer as of a date, with the same definitions as the
-- application's batch readers (ContractGradingFigures, ReceivableGradingFigures, the influence
-- table). A run over the same customers must take no more than twice this query's time.
--
-- psql variables (PostgreSQL):
--   as_of  the run's date                        e.g. \set as_of '2026-11-30'
--   from   the period's first day (as_of minus the policy's period-months, default 12) + 1 day,
--          as GradingEngine.periodFrom computes it   e.g. \set from '2025-12-01'
--   grace  the policy's grace days (default 30)     e.g. \set grace 30
-- Run: psql -v as_of="'2026-11-30'" -v from="'2025-12-01'" -v grace=30 -f docs/bench/grading-floor.sql
--
-- Output per customer: contract_amount and list_amount (signed in the period; the premium is
-- contract_amount / list_amount - 1), first_signed_on (for the new-customer rule), arrears (a
-- receivable more than grace days past due during the period), open_receivables at as_of, and
-- influence (NULL = not rated, counts as 2). Points and grade are then a CASE per threshold; the
-- application does that in Java (GradingEngine).
SELECT c.id AS customer_id,
       COALESCE(k.amount_sum, 0)    AS contract_amount,
       COALESCE(k.list_sum, 0)      AS list_amount,
       k.first_signed               AS first_signed_on,
       COALESCE(r.arrears, 0) = 1   AS arrears,
       COALESCE(r.open_sum, 0)      AS open_receivables,
       i.points                     AS influence
FROM customer c
LEFT JOIN (SELECT customer_id,
                  SUM(CASE WHEN signed_on >= CAST(:from AS DATE) THEN amount ELSE 0 END)      AS amount_sum,
                  SUM(CASE WHEN signed_on >= CAST(:from AS DATE) THEN list_amount ELSE 0 END) AS list_sum,
                  MIN(signed_on)                                                              AS first_signed
           FROM contract
           WHERE signed_on IS NOT NULL AND signed_on <= CAST(:as_of AS DATE)
           GROUP BY customer_id) k ON k.customer_id = c.id
LEFT JOIN (SELECT x.customer_id, SUM(x.open_amount) AS open_sum,
                  MAX(CASE WHEN x.due_on + CAST(:grace AS INTEGER) < COALESCE(x.settled_on, CAST(:as_of AS DATE))
                            AND COALESCE(x.settled_on, CAST(:as_of AS DATE)) >= CAST(:from AS DATE) THEN 1 ELSE 0 END) AS arrears
           FROM (SELECT rv.customer_id, rv.due_on,
                        CASE WHEN rv.written_off_on IS NOT NULL AND rv.written_off_on <= CAST(:as_of AS DATE) THEN 0
                             ELSE rv.amount - COALESCE(a.paid, 0) END AS open_amount,
                        CASE WHEN rv.written_off_on IS NOT NULL AND rv.written_off_on <= CAST(:as_of AS DATE) THEN rv.written_off_on
                             WHEN rv.amount - COALESCE(a.paid, 0) <= 0 THEN a.last_paid END AS settled_on
                 FROM receivable rv
                 LEFT JOIN (SELECT pa.receivable_id, SUM(pa.amount) AS paid, MAX(pa.allocated_on) AS last_paid
                            FROM payment_allocation pa
                            WHERE pa.allocated_on <= CAST(:as_of AS DATE)
                              AND (pa.reversed_on IS NULL OR pa.reversed_on > CAST(:as_of AS DATE))
                            GROUP BY pa.receivable_id) a ON a.receivable_id = rv.id
                 WHERE rv.created_on <= CAST(:as_of AS DATE)) x
           GROUP BY x.customer_id) r ON r.customer_id = c.id
LEFT JOIN grading_influence i ON i.customer_id = c.id
WHERE c.deleted_at IS NULL;
