-- The aging as of a past date at 5,000,000 receivables (issue #8): each allocation carries copies of
-- its receivable's due date, creation date, customer and placement (owner, office, department,
-- company: the data scope), so that the allocations made or reversed after a date are summed by
-- group and bucket from their own rows, without a join to the receivables. A receivable's due date,
-- creation date, customer and placement never change once it is raised (Receivables.raise); the
-- copies are taken when the allocation is recorded (Receivables.allocate) and must change with the
-- receivable if that ever changes.
ALTER TABLE payment_allocation ADD COLUMN due_on DATE;
ALTER TABLE payment_allocation ADD COLUMN created_on DATE;
ALTER TABLE payment_allocation ADD COLUMN customer_id BIGINT;
ALTER TABLE payment_allocation ADD COLUMN owner_id BIGINT;
ALTER TABLE payment_allocation ADD COLUMN office_id BIGINT;
ALTER TABLE payment_allocation ADD COLUMN department_id BIGINT;
ALTER TABLE payment_allocation ADD COLUMN company_id BIGINT;
UPDATE payment_allocation SET (due_on, created_on, customer_id, owner_id, office_id, department_id, company_id) = (
        SELECT r.due_on, r.created_on, r.customer_id, r.owner_id, r.office_id, r.department_id, r.company_id
        FROM receivable r WHERE r.id = payment_allocation.receivable_id);
ALTER TABLE payment_allocation ALTER COLUMN due_on SET NOT NULL;
ALTER TABLE payment_allocation ALTER COLUMN created_on SET NOT NULL;
ALTER TABLE payment_allocation ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE payment_allocation ALTER COLUMN department_id SET NOT NULL;
ALTER TABLE payment_allocation ALTER COLUMN company_id SET NOT NULL;
-- the allocations reversed after a date (few: a reversal is rare)
CREATE INDEX payment_allocation_reversed ON payment_allocation (reversed_on);
