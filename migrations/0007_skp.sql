-- SKP (Sasaran Kinerja Pegawai): the yearly performance plan of an employee (PermenPANRB 6/2022;
-- Perbup Tanah Laut 2024 Pasal 6–13; Perbup Pasuruan 117/2019 Pasal 6–10).
--
-- skp                 one plan per employee, year and start month (a move during the year starts
--                     a new plan from the month of the new assignment, Perbup Pasuruan Pasal 9 ayat (2));
--                     records the evaluator resolved at creation and the rule-set version.
-- skp_revisions       the plan's content over time: revision 1 is the first plan, each revision
--                     during the year adds one; an approved revision never changes (trigger).
-- skp_rhk, skp_iki,   the content of a revision: results with the superior RHK they serve (or a
-- skp_perilaku        perjanjian kinerja reference), indicators with targets, behaviour expectations.
--                     The lampiran (resources, accountability scheme, consequences) is a JSON
--                     document on the revision: it is read and written whole and never queried.
-- skp_status_history  every workflow step: who, when, from, to, notes.
--
-- Every table is tenant-owned (architecture.md, "Data"): tenant_id first in the primary key,
-- foreign keys include it, row-level security enabled and forced on current_tenant_id().

CREATE TABLE skp (
    tenant_id              uuid        NOT NULL REFERENCES tenants (id),
    id                     uuid        NOT NULL,
    employee_id            uuid        NOT NULL,
    year                   integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    start_month            integer     NOT NULL CHECK (start_month BETWEEN 1 AND 12),
    evaluator_id           uuid        NOT NULL,
    evaluator_superior_id  uuid,
    perangkat_daerah_id    uuid,
    rule_set_version       text        NOT NULL CHECK (length(rule_set_version) BETWEEN 1 AND 100),
    current_revision       integer     NOT NULL DEFAULT 1 CHECK (current_revision >= 1),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, employee_id, year, start_month),
    CHECK (evaluator_id <> employee_id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_superior_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, perangkat_daerah_id) REFERENCES perangkat_daerah (tenant_id, id)
);
CREATE INDEX skp_evaluator ON skp (tenant_id, evaluator_id, year);
CREATE INDEX skp_year ON skp (tenant_id, year, perangkat_daerah_id);

CREATE TABLE skp_revisions (
    tenant_id    uuid        NOT NULL,
    skp_id       uuid        NOT NULL,
    revision     integer     NOT NULL CHECK (revision >= 1),
    status       text        NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed', 'returned', 'escalated', 'approved')),
    -- The superior decided this revision (Perbup Pasuruan 117/2019 Pasal 6 ayat (9): final).
    decided      boolean     NOT NULL DEFAULT false,
    lampiran     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    submitted_at timestamptz,
    approved_at  timestamptz,
    PRIMARY KEY (tenant_id, skp_id, revision),
    CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
    FOREIGN KEY (tenant_id, skp_id) REFERENCES skp (tenant_id, id)
);
CREATE INDEX skp_revisions_status ON skp_revisions (tenant_id, status);

CREATE TABLE skp_rhk (
    tenant_id           uuid    NOT NULL,
    skp_id              uuid    NOT NULL,
    revision            integer NOT NULL,
    -- Stable across revisions, so subordinates link to "the same result" in any revision.
    id                  uuid    NOT NULL,
    position            integer NOT NULL CHECK (position BETWEEN 0 AND 29),
    kind                text    NOT NULL CHECK (kind IN ('utama', 'tambahan')),
    text                text    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    -- The superior's RHK this one serves (any SKP of the tenant; no foreign key, because the
    -- superior's plan may be revised or not yet written), or a perjanjian kinerja reference (JPT).
    superior_rhk_id     uuid,
    perjanjian_kinerja  text    CHECK (length(perjanjian_kinerja) BETWEEN 1 AND 2000),
    PRIMARY KEY (tenant_id, skp_id, revision, id),
    UNIQUE (tenant_id, skp_id, revision, position),
    CHECK (superior_rhk_id IS NULL OR perjanjian_kinerja IS NULL),
    FOREIGN KEY (tenant_id, skp_id, revision) REFERENCES skp_revisions (tenant_id, skp_id, revision)
);
CREATE INDEX skp_rhk_superior ON skp_rhk (tenant_id, superior_rhk_id) WHERE superior_rhk_id IS NOT NULL;

CREATE TABLE skp_iki (
    tenant_id     uuid    NOT NULL,
    skp_id        uuid    NOT NULL,
    revision      integer NOT NULL,
    rhk_id        uuid    NOT NULL,
    position      integer NOT NULL CHECK (position BETWEEN 0 AND 9),
    aspect        text    NOT NULL CHECK (aspect IN ('kuantitas', 'kualitas', 'waktu', 'biaya')),
    indicator     text    NOT NULL CHECK (length(indicator) BETWEEN 1 AND 2000),
    approach      text    NOT NULL CHECK (approach IN ('kuantitatif', 'kualitatif')),
    target_value  numeric,
    target_text   text    CHECK (length(target_text) <= 2000),
    unit          text    NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
    PRIMARY KEY (tenant_id, skp_id, revision, rhk_id, position),
    FOREIGN KEY (tenant_id, skp_id, revision, rhk_id) REFERENCES skp_rhk (tenant_id, skp_id, revision, id) ON DELETE CASCADE
);

CREATE TABLE skp_perilaku (
    tenant_id          uuid    NOT NULL,
    skp_id             uuid    NOT NULL,
    revision           integer NOT NULL,
    aspect             text    NOT NULL CHECK (aspect ~ '^[a-z][a-z-]{0,59}$'),
    position           integer NOT NULL CHECK (position BETWEEN 0 AND 29),
    ekspektasi_khusus  text    CHECK (length(ekspektasi_khusus) <= 2000),
    PRIMARY KEY (tenant_id, skp_id, revision, aspect),
    FOREIGN KEY (tenant_id, skp_id, revision) REFERENCES skp_revisions (tenant_id, skp_id, revision)
);

CREATE TABLE skp_status_history (
    tenant_id       uuid        NOT NULL,
    skp_id          uuid        NOT NULL,
    seq             integer     NOT NULL CHECK (seq >= 1),
    revision        integer     NOT NULL,
    action          text        NOT NULL CHECK (action IN ('create', 'submit', 'review', 'return', 'approve',
                                                           'escalate', 'decide', 'revise')),
    from_status     text,
    to_status       text        NOT NULL,
    actor_id        uuid        NOT NULL,
    actor_role      text        NOT NULL CHECK (actor_role IN ('employee', 'evaluator', 'pengelola', 'superior', 'other')),
    notes           text        CHECK (length(notes) <= 2000),
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, skp_id, seq),
    FOREIGN KEY (tenant_id, skp_id, revision) REFERENCES skp_revisions (tenant_id, skp_id, revision)
);

-- An approved revision is the established plan: it and its content never change again
-- (a change during the year is a new revision).
CREATE FUNCTION skp_refuse_change_to_approved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_status text;
BEGIN
    IF TG_TABLE_NAME = 'skp_revisions' THEN
        row_status := OLD.status;
    ELSE
        SELECT status INTO row_status FROM skp_revisions
         WHERE tenant_id = OLD.tenant_id AND skp_id = OLD.skp_id AND revision = OLD.revision;
    END IF;
    IF row_status = 'approved' THEN
        RAISE EXCEPTION 'SKP % revision % is approved and cannot change', OLD.skp_id, OLD.revision
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER skp_revisions_immutable BEFORE UPDATE OR DELETE ON skp_revisions
    FOR EACH ROW EXECUTE FUNCTION skp_refuse_change_to_approved();
CREATE TRIGGER skp_rhk_immutable BEFORE UPDATE OR DELETE ON skp_rhk
    FOR EACH ROW EXECUTE FUNCTION skp_refuse_change_to_approved();
CREATE TRIGGER skp_iki_immutable BEFORE UPDATE OR DELETE ON skp_iki
    FOR EACH ROW EXECUTE FUNCTION skp_refuse_change_to_approved();
CREATE TRIGGER skp_perilaku_immutable BEFORE UPDATE OR DELETE ON skp_perilaku
    FOR EACH ROW EXECUTE FUNCTION skp_refuse_change_to_approved();

ALTER TABLE skp ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_tenant ON skp
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE skp_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_revisions_tenant ON skp_revisions
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE skp_rhk ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp_rhk FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_rhk_tenant ON skp_rhk
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE skp_iki ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp_iki FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_iki_tenant ON skp_iki
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE skp_perilaku ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp_perilaku FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_perilaku_tenant ON skp_perilaku
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE skp_status_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE skp_status_history FORCE ROW LEVEL SECURITY;
CREATE POLICY skp_status_history_tenant ON skp_status_history
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Plans are never deleted; a draft's content is replaced (delete and insert) while it is editable.
GRANT SELECT, INSERT, UPDATE ON skp, skp_revisions TO kinerja_app;
GRANT SELECT, INSERT, DELETE ON skp_rhk, skp_iki, skp_perilaku TO kinerja_app;
GRANT SELECT, INSERT ON skp_status_history TO kinerja_app;
