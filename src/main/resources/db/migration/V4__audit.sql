-- Append-only audit log. Each entry carries the hash of the previous one (a hash chain), so a
-- changed, removed or inserted row is detected by /api/v1/audit/verify. audit_chain_head is the
-- single row every append locks, which serialises appends across nodes.

CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    subject_type VARCHAR(60),
    subject_id   VARCHAR(100),
    detail       VARCHAR(4000),
    client_ip    VARCHAR(64),
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at, seq);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, seq);
CREATE INDEX audit_entry_by_action ON audit_entry (action, seq);
CREATE INDEX audit_entry_by_subject ON audit_entry (subject_type, subject_id, seq);

CREATE TABLE audit_chain_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
