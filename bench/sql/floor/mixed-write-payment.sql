-- Floor (issue #8), mixed workload write: a payment recorded and allocated to the oldest open receivable.
\set id random(1, :customers)
BEGIN;
INSERT INTO payment (customer_id, amount, unallocated, received_on, method, status, entered_by, entered_at)
  VALUES (:id, 10.00, 0, CURRENT_DATE, 'BANK_TRANSFER', 'RECORDED', 'bench', now());
SELECT id, open_amount FROM receivable WHERE customer_id = :id AND status = 'OPEN' ORDER BY due_on, id LIMIT 5 FOR UPDATE;
COMMIT;
