-- Only the grant kinds the application knows (DataScopes.ScopeGrantKind) can be stored.
ALTER TABLE scope_grant ADD CONSTRAINT scope_grant_kind_ck CHECK (kind IN ('USER', 'OFFICE', 'DEPARTMENT'));
