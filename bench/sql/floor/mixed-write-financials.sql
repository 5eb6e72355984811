-- Floor (issue #8), mixed workload write: a year's financials entered (scoped look-up, upsert).
\set id random(1, :customers)
SELECT c.id FROM customer c WHERE c.id = :id AND c.deleted_at IS NULL;
INSERT INTO customer_financial (customer_id, fiscal_year, revenue, profit, total_assets, total_liabilities)
  VALUES (:id, 2025, 1000000.00, 12000.00, 9000000.00, 4000000.00)
  ON CONFLICT (customer_id, fiscal_year) DO UPDATE SET revenue = EXCLUDED.revenue;
