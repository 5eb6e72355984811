-- H2: the attachment's bytes (see V19), a BLOB (spelt BINARY LARGE OBJECT: MODE=PostgreSQL knows no BLOB)
ALTER TABLE attachment ADD COLUMN content BINARY LARGE OBJECT NOT NULL;
