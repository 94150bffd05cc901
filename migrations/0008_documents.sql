-- Issued documents (SKP, periodic and annual evaluations, keberatan decisions) as PDF bytes with
-- their SHA-256 and a short public verification code (issue 6 item 2; documents.md).
--
-- `documents` is tenant-owned like every other table (architecture.md, "Data"): tenant_id first
-- in the primary key, foreign keys include it, row-level security enabled and forced. Issued
-- content never changes: the application may insert rows and may only mark a row superseded
-- (column-level UPDATE grant); a changed evaluation is a new version, the old one kept.
--
-- Public verification (`GET /v1/verify/{code}`) knows no tenant. Rather than weakening the
-- policy of `documents`, a narrow index `document_codes` maps each code to its tenant and
-- document, and holds nothing else. The application has no privilege on it at all; rows are
-- added by a SECURITY DEFINER trigger, and read only by `verify_document`. Its own row-level
-- policy (forced, so it binds the owning role those functions run as) lets a row be written only
-- inside its tenant's transaction and read only by a session that names its code
-- (app.verification_code): a lookup, never a listing. `verify_document` then reads `documents`
-- under the normal tenant policy, with app.tenant_id set to that one tenant for the one query,
-- and returns only what the public may see: the tenant's name, the kind, a masked name, the
-- period, the hash, the version and whether it is superseded.

CREATE TABLE documents (
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    id                   uuid        NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('skp', 'evaluation_periodic', 'evaluation_annual',
                                                               'objection_decision')),
    -- Whose document it is (the pegawai yang dinilai).
    subject_employee_id  uuid        NOT NULL,
    -- What it was issued for: the SKP, evaluation or keberatan id. No foreign key yet: those
    -- tables arrive with the performance cycle.
    reference_id         uuid        NOT NULL,
    version              integer     NOT NULL CHECK (version >= 1),
    -- What the document prints, kept for the verification answer: the name (returned masked)
    -- and the period as text ("1 Januari s.d. 31 Maret 2025").
    subject_name         text        NOT NULL CHECK (length(subject_name) BETWEEN 1 AND 200),
    period_label         text        NOT NULL CHECK (length(period_label) BETWEEN 1 AND 100),
    bytes                bytea       NOT NULL CHECK (length(bytes) BETWEEN 1 AND 10485760),
    -- The database itself holds the hash to the bytes, so the two can never disagree.
    sha256               text        NOT NULL CHECK (sha256 = encode(sha256(bytes), 'hex')),
    -- XXXX-XXXX from 2-9 and A-Z without I and O (Sources/Persistence/Documents/VerificationCode.swift).
    verification_code    text        NOT NULL CHECK (verification_code ~ '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'),
    created_at           timestamptz NOT NULL,
    superseded_at        timestamptz,
    superseded_by        uuid,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, reference_id, version),
    CHECK ((superseded_at IS NULL) = (superseded_by IS NULL)),
    CHECK (superseded_by IS NULL OR superseded_by <> id),
    FOREIGN KEY (tenant_id, subject_employee_id) REFERENCES employees (tenant_id, id),
    -- Deferred: the old version points at the new one before the new one is inserted.
    FOREIGN KEY (tenant_id, superseded_by) REFERENCES documents (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
-- At most one current version per thing issued.
CREATE UNIQUE INDEX documents_current ON documents (tenant_id, kind, reference_id) WHERE superseded_at IS NULL;
CREATE INDEX documents_subject ON documents (tenant_id, subject_employee_id);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_tenant ON documents
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- The code index. The primary key makes codes unique across all tenants (constraints are not
-- subject to row-level security).
CREATE TABLE document_codes (
    code         text NOT NULL PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    document_id  uuid NOT NULL,
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id)
);
ALTER TABLE document_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY document_codes_by_code ON document_codes
    USING (code = current_setting('app.verification_code', true))
    WITH CHECK (tenant_id = current_tenant_id());

-- Fills the code index as documents are inserted. SECURITY DEFINER because the application may
-- not touch the index; search_path fixed so no caller's schema can shadow a name.
CREATE FUNCTION documents_register_code() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    INSERT INTO document_codes (code, tenant_id, document_id) VALUES (NEW.verification_code, NEW.tenant_id, NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER documents_register_code AFTER INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_register_code();

-- "Budi Santoso" -> "B*** S******": the first letter of each word.
CREATE FUNCTION mask_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog
    AS $$
    SELECT string_agg(left(w, 1) || repeat('*', char_length(w) - 1), ' ' ORDER BY n)
      FROM regexp_split_to_table(btrim(name), '\s+') WITH ORDINALITY AS t(w, n)
$$;

-- The public answer for one code, or no row. Callable without app.tenant_id. The code and then
-- the tenant are set only around their one query each, and the caller's values (normally none)
-- put back before returning,
-- so nothing leaks into the caller's transaction; should the query fail, the transaction (or
-- the caller's savepoint) rolls the setting back with it. (A `SET app.tenant_id` clause on the
-- function would restore it automatically, but PostgreSQL 15+ lets only a superuser attach a
-- custom parameter to a function.)
CREATE FUNCTION verify_document(code text)
    RETURNS TABLE (tenant_name text, kind text, subject_name_masked text, period_label text, sha256 text,
                   version integer, created_at timestamptz, superseded boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    found_tenant uuid;
    found_document uuid;
    previous_code text := current_setting('app.verification_code', true);
    previous_tenant text := current_setting('app.tenant_id', true);
BEGIN
    PERFORM set_config('app.verification_code', verify_document.code, true);
    SELECT c.tenant_id, c.document_id INTO found_tenant, found_document
      FROM document_codes c WHERE c.code = verify_document.code;
    PERFORM set_config('app.verification_code', coalesce(previous_code, ''), true);
    IF found_tenant IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('app.tenant_id', found_tenant::text, true);
    RETURN QUERY
        SELECT t.name, d.kind, mask_name(d.subject_name), d.period_label, d.sha256, d.version, d.created_at,
               d.superseded_at IS NOT NULL
          FROM documents d JOIN tenants t ON t.id = d.tenant_id
         WHERE d.tenant_id = found_tenant AND d.id = found_document;
    PERFORM set_config('app.tenant_id', coalesce(previous_tenant, ''), true);
END
$$;

-- Minimal grants: read and insert documents, mark them superseded; call the verification.
GRANT SELECT, INSERT ON documents TO kinerja_app;
GRANT UPDATE (superseded_at, superseded_by) ON documents TO kinerja_app;
REVOKE ALL ON FUNCTION verify_document(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION documents_register_code() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION verify_document(text), mask_name(text) TO kinerja_app;
