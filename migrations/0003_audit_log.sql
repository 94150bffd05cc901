-- The audit log: every write of a store appends one entry in the same transaction as the write
-- (architecture.md, "Audit"). Entries of one tenant form a hash chain:
--
--   hash = sha256(prev_hash || canonical_json(entry))
--
-- where prev_hash is the previous entry's hash (32 zero bytes before the first entry) and
-- canonical_json is defined in Sources/Kinerja/Audit/CanonicalJSON.swift (sorted keys, no
-- whitespace). Changing any column of any entry breaks the chain at that entry, which
-- `AuditLog.verify` reports.
--
-- Appends are serialised per tenant with pg_advisory_xact_lock, so two transactions never pick the
-- same predecessor; the primary key (tenant_id, seq) is the backstop that refuses a fork.
CREATE TABLE audit_log (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    seq         bigint      NOT NULL CHECK (seq >= 1),
    at          timestamptz NOT NULL,
    -- Who: 'user:<uuid>', 'system:<program>' (e.g. an import run from the CLI).
    actor       text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    -- What: 'create', 'update', 'end', 'delete', 'import'.
    action      text        NOT NULL CHECK (action ~ '^[a-z][a-z-]{1,39}$'),
    entity      text        NOT NULL CHECK (entity ~ '^[a-z][a-z_]{1,62}$'),
    entity_id   text        NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
    before      jsonb,
    after       jsonb,
    prev_hash   bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash        bytea       NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (tenant_id, seq)
);

CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant ON audit_log
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

-- Append-only for the application: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON audit_log TO kinerja_app;
