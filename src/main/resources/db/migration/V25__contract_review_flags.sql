-- Why a contract's review (合同评审) went where it did (issue #6 item 4): the flags other modules'
-- ContractReviewCheck beans raised at each submission, kept with the approval they routed, so the
-- contract page and the approver show them later in the reader's language (message key + arguments).
CREATE TABLE contract_review_flag (
    approval_id  BIGINT         NOT NULL,
    position     INTEGER        NOT NULL,
    contract_id  BIGINT         NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    code         VARCHAR(40)    NOT NULL,
    message_key  VARCHAR(120)   NOT NULL,
    -- the message arguments as a JSON array of strings (already formatted: amounts, dates)
    args         VARCHAR(4000)  NOT NULL,
    amount       NUMERIC(18, 2),
    clause       VARCHAR(40),
    reviewer     VARCHAR(30)    NOT NULL,
    PRIMARY KEY (approval_id, position)
);
-- the contract page: its submissions' flags, newest first
CREATE INDEX contract_review_flag_contract ON contract_review_flag (contract_id, approval_id);
