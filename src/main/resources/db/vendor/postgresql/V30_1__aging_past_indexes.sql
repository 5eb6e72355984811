-- PostgreSQL only (issue #8, the aging as of a past date at 5,000,000 receivables): covering
-- indexes for the three large parts of Aging.asOf for a past date, read index-only.
-- The OPEN receivables by creation date (a past date reads those raised on or before it), with
-- every column the aging sums and groups by; replaces V29_1's index of the same name, which
-- today's aging reads whole, as before.
DROP INDEX receivable_open_aging;
CREATE INDEX receivable_open_aging ON receivable (created_on)
    INCLUDE (due_on, open_amount, company_id, office_id, owner_id, customer_id, department_id) WHERE status = 'OPEN';
-- The unreversed allocations by date, with their receivable's copies (V30).
CREATE INDEX payment_allocation_unreversed ON payment_allocation (allocated_on)
    INCLUDE (amount, created_on, due_on, company_id, office_id, owner_id, customer_id, department_id) WHERE reversed_on IS NULL;
-- The reversed allocations by reversal date (replaces V30's plain index, which is mostly NULLs here).
DROP INDEX payment_allocation_reversed;
CREATE INDEX payment_allocation_reversed ON payment_allocation (reversed_on)
    INCLUDE (allocated_on, amount, created_on, due_on, company_id, office_id, owner_id, customer_id, department_id)
    WHERE reversed_on IS NOT NULL;
