-- H2: the attachment's bytes (see V19)
ALTER TABLE attachment ADD COLUMN content BLOB NOT NULL;
