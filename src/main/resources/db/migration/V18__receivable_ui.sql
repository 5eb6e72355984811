-- Payments screens, allocation by hand, the write-off UI and the written-off aging column (issue #5).

-- How a payment is allocated: AUTO (oldest due first at entry, the surplus settling the next
-- receivables) or MANUAL (finance allocates by hand; the next receivables do not consume it).
ALTER TABLE payment ADD COLUMN allocation VARCHAR(10) DEFAULT 'AUTO' NOT NULL;
ALTER TABLE payment ADD CONSTRAINT payment_allocation_mode CHECK (allocation IN ('AUTO', 'MANUAL'));
-- the payments list filtered by status, and "has unallocated" (few rows: sorted after the index)
CREATE INDEX payment_status ON payment (status, id);
CREATE INDEX payment_unallocated ON payment (status, unallocated, id);

-- What a write-off took off the books (the open amount on the day it was approved), and the
-- write-off request still awaiting its decision, if any (the finance workbench lists them).
ALTER TABLE receivable ADD COLUMN written_off_amount NUMERIC(18, 2);
ALTER TABLE receivable ADD COLUMN write_off_approval_id BIGINT;
UPDATE receivable SET written_off_amount = amount - COALESCE((
        SELECT SUM(pa.amount) FROM payment_allocation pa
        WHERE pa.receivable_id = receivable.id AND pa.allocated_on <= receivable.written_off_on
          AND (pa.reversed_on IS NULL OR pa.reversed_on > receivable.written_off_on)), 0)
    WHERE status = 'WRITTEN_OFF';
UPDATE receivable SET write_off_approval_id = (
        SELECT a.id FROM approval a WHERE a.open_subject = CONCAT('RECEIVABLE_WRITE_OFF:', CAST(receivable.id AS VARCHAR(20))))
    WHERE status = 'OPEN';
-- the aging's written-off column as of a date
CREATE INDEX receivable_written_off ON receivable (written_off_on);
CREATE INDEX receivable_write_off_pending ON receivable (write_off_approval_id);
