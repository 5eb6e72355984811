-- H2: a customer's allocations by customer (the grading figures read them so; PostgreSQL's
-- version of this index carries the summed columns too, see db/vendor/postgresql/V32_1).
CREATE INDEX payment_allocation_grading ON payment_allocation (customer_id, receivable_id);
