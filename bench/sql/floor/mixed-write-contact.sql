-- Floor (issue #8), mixed workload write: a contact added (insert, version bump of the customer).
\set id random(1, :customers)
BEGIN;
INSERT INTO contact (customer_id, name, title, mobile, created_at) VALUES (:id, '压测联系人', '采购', '13800138000', now());
UPDATE customer SET version = version + 1, updated_at = now() WHERE id = :id;
COMMIT;
