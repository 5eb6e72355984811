-- PostgreSQL only: the gram index compares by code point whatever the database's collation, so
-- that a 1-character search is a plain range scan (gram >= 'x' AND gram < 'x' || U+FFFF).
-- H2 compares strings by code point already.
ALTER TABLE customer_name_gram ALTER COLUMN gram TYPE VARCHAR(8) COLLATE "C";
