-- Rule sets and holiday calendars: the tenant rules of issue 4 as data (architecture.md, "Rules are
-- data, versioned per tenant"). The domain module (RuleSet, RuleSetVersionHistory, HolidayCalendar)
-- decides; these tables keep the record and guard it a second time, so that a bug in a program or
-- a hand-written UPDATE cannot rewrite a published rule set.

-- ---------------------------------------------------------------------------------------------
-- Rule-set versions (tenant-owned).
--
-- A version is a draft (editable, never in force) or published (in force from valid_from through
-- valid_until inclusive, NULL = open-ended). A published version never changes; the one act allowed
-- on it is closing its open-ended range once, when a successor is published.
--
-- Central admins have no tenant of their own: kinerja-api authorises the central admin, then the
-- store sets app.tenant_id to the target tenant for that one transaction (SET LOCAL), so the write
-- goes through the same row-level security as every other write.
CREATE TABLE rule_set_versions (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    version       integer NOT NULL CHECK (version BETWEEN 1 AND 1000000),
    status        text NOT NULL CHECK (status IN ('draft', 'published')),
    valid_from    date,
    valid_until   date,
    -- The canonical JSON of the RuleSet (RuleSet.canonicalJSON(), format in RuleSet.swift); it is
    -- parsed and validated by the domain before it gets here.
    document      jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
    -- Why this version exists, in words (e.g. "Perbup Karawang 28/2024, berlaku 7 Agustus 2024").
    legal_note    text CHECK (length(legal_note) <= 2000),
    -- Who acted: "user:<uuid>" of a central admin, or "seed". Not a foreign key: central admins
    -- are not tenant users, and the seed is nobody.
    created_by    text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_by  text CHECK (length(published_by) BETWEEN 1 AND 200),
    published_at  timestamptz,
    PRIMARY KEY (tenant_id, version),
    CONSTRAINT rule_set_versions_state CHECK (
        (status = 'draft' AND valid_from IS NULL AND valid_until IS NULL
            AND published_by IS NULL AND published_at IS NULL)
        OR (status = 'published' AND valid_from IS NOT NULL
            AND published_by IS NOT NULL AND published_at IS NOT NULL)),
    CONSTRAINT rule_set_versions_range CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- The version in force on a date is one index lookup (RuleSetStore.inForce).
CREATE INDEX rule_set_versions_in_force ON rule_set_versions (tenant_id, valid_from)
    WHERE status = 'published';

ALTER TABLE rule_set_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE rule_set_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY rule_set_versions_tenant ON rule_set_versions
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

-- Serialises every write to one tenant's versions (numbering, publication) for the rest of the
-- transaction. The store calls it first; the trigger below calls it again, so a writer that forgets
-- still cannot race. A transaction-scoped advisory lock needs no table and no extension.
CREATE FUNCTION lock_rule_set_versions(tenant uuid) RETURNS void
    LANGUAGE sql VOLATILE
    AS $$ SELECT pg_advisory_xact_lock(hashtextextended('kinerja.rule_set_versions:' || tenant::text, 0)) $$;

-- Immutability of published versions, enforced in the database as well as in RuleSetVersion:
-- refuse any change to a published row except closing an open-ended range once (valid_until from
-- NULL to a day on or after valid_from), and refuse deleting it. SQLSTATE KR001 lets the store tell
-- this refusal from other errors.
CREATE FUNCTION rule_set_versions_guard_published() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.status <> 'published' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'rule set version % is published and cannot be deleted', OLD.version
            USING ERRCODE = 'KR001';
    END IF;
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
        OR NEW.version IS DISTINCT FROM OLD.version
        OR NEW.status IS DISTINCT FROM OLD.status
        OR NEW.document IS DISTINCT FROM OLD.document
        OR NEW.valid_from IS DISTINCT FROM OLD.valid_from
        OR NEW.legal_note IS DISTINCT FROM OLD.legal_note
        OR NEW.created_by IS DISTINCT FROM OLD.created_by
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR NEW.published_by IS DISTINCT FROM OLD.published_by
        OR NEW.published_at IS DISTINCT FROM OLD.published_at
        OR (NEW.valid_until IS DISTINCT FROM OLD.valid_until
            AND (OLD.valid_until IS NOT NULL OR NEW.valid_until IS NULL)) THEN
        RAISE EXCEPTION 'rule set version % is published and cannot be changed', OLD.version
            USING ERRCODE = 'KR001',
                  HINT = 'Only an open-ended validity may be closed, once; publish a new version instead.';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER rule_set_versions_guard_published
    BEFORE UPDATE OR DELETE ON rule_set_versions
    FOR EACH ROW EXECUTE FUNCTION rule_set_versions_guard_published();

-- Non-overlapping validity of one tenant's published versions. An EXCLUDE USING gist constraint over
-- daterange would need the btree_gist extension (for tenant_id WITH =), and creating it needs a
-- superuser, which migrations do not run as. Instead this trigger takes the tenant's advisory lock
-- and then looks: under READ COMMITTED each statement of a PL/pgSQL function takes a new snapshot,
-- so after the lock it sees every competing publication that committed before it. (RuleSetStore
-- runs publication in READ COMMITTED and takes the lock first, so the same holds for its own checks.)
-- SQLSTATE KR002.
CREATE FUNCTION rule_set_versions_check_overlap() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    other integer;
BEGIN
    IF NEW.status <> 'published' THEN
        RETURN NULL;
    END IF;
    PERFORM lock_rule_set_versions(NEW.tenant_id);
    SELECT version INTO other
      FROM rule_set_versions
     WHERE tenant_id = NEW.tenant_id
       AND version <> NEW.version
       AND status = 'published'
       AND daterange(valid_from, valid_until, '[]') && daterange(NEW.valid_from, NEW.valid_until, '[]')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'rule set versions % and % of one tenant would both be in force', NEW.version, other
            USING ERRCODE = 'KR002';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER rule_set_versions_check_overlap
    AFTER INSERT OR UPDATE ON rule_set_versions
    FOR EACH ROW EXECUTE FUNCTION rule_set_versions_check_overlap();

GRANT SELECT, INSERT, UPDATE ON rule_set_versions TO kinerja_app;
GRANT EXECUTE ON FUNCTION lock_rule_set_versions(uuid) TO kinerja_app;

-- ---------------------------------------------------------------------------------------------
-- Holidays. Working days are Monday–Friday (Perpres 21/2023) minus national holidays and cuti
-- bersama (set yearly by a joint ministerial decree, sometimes amended) minus the tenant's own days
-- (domain.md, "Working days and time zones"). Kinds use the domain's names (Holiday.Kind):
-- 'national' = hari libur nasional, 'cuti-bersama', 'tenant' = libur daerah.

-- National days: the same for every tenant, so not tenant-owned and without row-level security.
-- Every program reads them; only the owner's connection (kinerja seed, operators) writes them.
CREATE TABLE national_holidays (
    date    date NOT NULL,
    kind    text NOT NULL CHECK (kind IN ('national', 'cuti-bersama')),
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- The decree that sets the day, e.g. the SKB of the three ministers for that year.
    decree  text NOT NULL CHECK (length(decree) BETWEEN 1 AND 500),
    PRIMARY KEY (date, kind, name)
);

-- Years whose national list is complete. A deadline that runs into a year not listed here is
-- flagged by the domain (HolidayCalendar.coveredYears) instead of counting unknown holidays as
-- working days.
CREATE TABLE national_holiday_years (
    year    integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    decree  text NOT NULL CHECK (length(decree) BETWEEN 1 AND 500)
);

GRANT SELECT ON national_holidays, national_holiday_years TO kinerja_app;

-- A tenant's own days off (libur daerah, e.g. the regency's anniversary), maintained by its admins.
-- One per date: a second day off on the same date changes nothing.
CREATE TABLE tenant_holidays (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    date        date NOT NULL,
    -- Always 'tenant'; kept so both holiday tables have one shape.
    kind        text NOT NULL DEFAULT 'tenant' CHECK (kind = 'tenant'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    decree      text NOT NULL CHECK (length(decree) BETWEEN 1 AND 500),
    created_by  text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, date)
);

ALTER TABLE tenant_holidays ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_holidays FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_holidays_tenant ON tenant_holidays
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, DELETE ON tenant_holidays TO kinerja_app;
