-- Issue #7/#8: a grading run writes one proposal per active customer (1,000,000 at scale), so
-- every index on grading_proposal is paid a million times per run. The review table and the run's
-- counts read a run's proposals through grading_proposal_once (run_id, customer_id), in customer
-- order, filtering direction/office/review as they go; the two filter indexes are dropped.
-- (PostgreSQL also narrows the customer and approval indexes to ad-hoc changes and drops the
-- row-by-row foreign-key checks: db/vendor/postgresql/V32_1; see docs/adr/0009.)
DROP INDEX grading_proposal_run_direction;
DROP INDEX grading_proposal_run_office;
