-- PostgreSQL: the attachment's bytes (see V19)
ALTER TABLE attachment ADD COLUMN content BYTEA NOT NULL;
