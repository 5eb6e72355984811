-- A customer's yearly financials (SPEC R1, seed 6.2.4-2(2) e. 财务状况): one row per year.
CREATE TABLE customer_financial (
    customer_id       BIGINT         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    fiscal_year       INT            NOT NULL,
    revenue           NUMERIC(18, 2),
    profit            NUMERIC(18, 2),
    total_assets      NUMERIC(18, 2),
    total_liabilities NUMERIC(18, 2),
    PRIMARY KEY (customer_id, fiscal_year)
);
