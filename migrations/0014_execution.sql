-- Execution of the performance plan (issue 5 item 2; PermenPANRB 6/2022; Perbup Tanah Laut 2024
-- Pasal 14–20): what the employee does with an approved SKP during the year.
--
-- rhk_timeline        the 12-month timeline of one RHK: months, duration, activity type and
--                     assignment pattern (Pasal 15 huruf a); written by the employee.
-- rencana_aksi        the action plans of one RHK with their target months (Pasal 15 huruf b).
-- realisations        the documented realisation of one IKI for one documentation period (Pasal 14
--                     ayat (2)–(4)): a value and/or text with links as bukti dukung. Correctable
--                     until `locked_at` is set, which the evaluation does when the period's
--                     evaluation is final (issue 5 item 3); a trigger refuses any later change.
-- realisation_files   uploaded bukti dukung: bounded bytes with their SHA-256, checked here.
-- umpan_balik         continuous feedback from the leader (periodic or incidental) or from peers,
--                     subordinates or others (Pasal 16–18).
-- pembinaan_kinerja   bimbingan and konseling records by the leader (Pasal 19 ayat (3) huruf c; Pasal 20).
-- rhk_takeovers       an RHK taken over by the leader with the note that counts in the
--                     evaluation (Pasal 19 ayat (6)–(8)); never changed or deleted.
--
-- Every table is tenant-owned (architecture.md, "Data"): tenant_id first in the primary key,
-- foreign keys include it, row-level security enabled and forced on current_tenant_id().
-- Timelines, realisations and takeovers point at the RHK / IKI rows of the approved revision they
-- were made against, so they can never name a result the plan does not have.

CREATE TABLE rhk_timeline (
    tenant_id           uuid        NOT NULL,
    skp_id              uuid        NOT NULL,
    rhk_id              uuid        NOT NULL,
    revision            integer     NOT NULL,
    months              integer[]   NOT NULL CHECK (cardinality(months) BETWEEN 1 AND 12 AND months <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
    duration            integer     NOT NULL CHECK (duration BETWEEN 1 AND 366),
    duration_unit       text        NOT NULL CHECK (duration_unit IN ('hari', 'minggu', 'bulan')),
    activity_type       text        NOT NULL CHECK (activity_type IN ('rutin', 'non-rutin')),
    assignment_pattern  text        NOT NULL CHECK (assignment_pattern IN ('mandiri', 'tim', 'lintas-unit')),
    updated_by          uuid        NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, skp_id, rhk_id),
    FOREIGN KEY (tenant_id, skp_id, revision, rhk_id) REFERENCES skp_rhk (tenant_id, skp_id, revision, id),
    FOREIGN KEY (tenant_id, updated_by) REFERENCES employees (tenant_id, id)
);

CREATE TABLE rencana_aksi (
    tenant_id  uuid      NOT NULL,
    skp_id     uuid      NOT NULL,
    rhk_id     uuid      NOT NULL,
    position   integer   NOT NULL CHECK (position BETWEEN 0 AND 29),
    text       text      NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    months     integer[] NOT NULL CHECK (cardinality(months) BETWEEN 1 AND 12 AND months <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
    PRIMARY KEY (tenant_id, skp_id, rhk_id, position),
    FOREIGN KEY (tenant_id, skp_id, rhk_id) REFERENCES rhk_timeline (tenant_id, skp_id, rhk_id) ON DELETE CASCADE
);

CREATE TABLE realisations (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    skp_id        uuid        NOT NULL,
    revision      integer     NOT NULL,
    rhk_id        uuid        NOT NULL,
    iki_position  integer     NOT NULL,
    cadence       text        NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'semiannual', 'annual')),
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    value         numeric,
    text          text        CHECK (length(text) BETWEEN 1 AND 2000),
    links         jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array' AND jsonb_array_length(links) <= 10),
    created_by    uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    -- Set when the period's evaluation is final (issue 5 item 3); from then on the row is frozen.
    locked_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, skp_id, rhk_id, iki_position, period_start),
    CHECK (period_start <= period_end),
    CHECK (value IS NOT NULL OR text IS NOT NULL),
    FOREIGN KEY (tenant_id, skp_id, revision, rhk_id, iki_position)
        REFERENCES skp_iki (tenant_id, skp_id, revision, rhk_id, position),
    FOREIGN KEY (tenant_id, created_by) REFERENCES employees (tenant_id, id)
);
CREATE INDEX realisations_period ON realisations (tenant_id, skp_id, period_start);

CREATE TABLE realisation_files (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    realisation_id  uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    content_type    text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
    -- 2 MiB each (Sources/Kinerja/Execution/ExecutionLimits.swift).
    bytes           bytea       NOT NULL CHECK (length(bytes) BETWEEN 1 AND 2097152),
    -- The database holds the hash to the bytes, so the two can never disagree.
    sha256          text        NOT NULL CHECK (sha256 = encode(sha256(bytes), 'hex')),
    uploaded_by     uuid        NOT NULL,
    uploaded_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, realisation_id) REFERENCES realisations (tenant_id, id),
    FOREIGN KEY (tenant_id, uploaded_by) REFERENCES employees (tenant_id, id)
);
CREATE INDEX realisation_files_realisation ON realisation_files (tenant_id, realisation_id);

CREATE TABLE umpan_balik (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    skp_id       uuid        NOT NULL,
    employee_id  uuid        NOT NULL,
    giver_id     uuid        NOT NULL,
    -- pimpinan: the evaluator on the plan (Pasal 17 ayat (1)); the others as declared (Pasal 17 ayat (2)).
    relation     text        NOT NULL CHECK (relation IN ('pimpinan', 'rekan-kerja', 'bawahan', 'pihak-lain')),
    kind         text        NOT NULL CHECK (kind IN ('berkala', 'insidental')),
    rhk_id       uuid,
    text         text        NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    given_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (giver_id <> employee_id),
    FOREIGN KEY (tenant_id, skp_id) REFERENCES skp (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, giver_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX umpan_balik_skp ON umpan_balik (tenant_id, skp_id, id);

CREATE TABLE pembinaan_kinerja (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    skp_id        uuid        NOT NULL,
    employee_id   uuid        NOT NULL,
    evaluator_id  uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('bimbingan', 'konseling')),
    held_on       date        NOT NULL,
    notes         text        NOT NULL CHECK (length(notes) BETWEEN 1 AND 2000),
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (evaluator_id <> employee_id),
    FOREIGN KEY (tenant_id, skp_id) REFERENCES skp (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX pembinaan_kinerja_skp ON pembinaan_kinerja (tenant_id, skp_id, id);

CREATE TABLE rhk_takeovers (
    tenant_id  uuid        NOT NULL,
    skp_id     uuid        NOT NULL,
    rhk_id     uuid        NOT NULL,
    revision   integer     NOT NULL,
    taken_by   uuid        NOT NULL,
    note       text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    taken_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, skp_id, rhk_id),
    FOREIGN KEY (tenant_id, skp_id, revision, rhk_id) REFERENCES skp_rhk (tenant_id, skp_id, revision, id),
    FOREIGN KEY (tenant_id, taken_by) REFERENCES employees (tenant_id, id)
);

-- A locked realisation (its period's evaluation is final) never changes, nor does its evidence.
CREATE FUNCTION realisation_refuse_change_when_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    locked timestamptz;
BEGIN
    IF TG_TABLE_NAME = 'realisations' THEN
        locked := OLD.locked_at;
    ELSE
        SELECT locked_at INTO locked FROM realisations
         WHERE tenant_id = (CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END).tenant_id
           AND id = (CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END).realisation_id;
    END IF;
    IF locked IS NOT NULL THEN
        RAISE EXCEPTION 'realisation is locked since %', locked USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER realisations_locked BEFORE UPDATE OR DELETE ON realisations
    FOR EACH ROW EXECUTE FUNCTION realisation_refuse_change_when_locked();
CREATE TRIGGER realisation_files_locked BEFORE INSERT OR DELETE ON realisation_files
    FOR EACH ROW EXECUTE FUNCTION realisation_refuse_change_when_locked();

ALTER TABLE rhk_timeline ENABLE ROW LEVEL SECURITY;
ALTER TABLE rhk_timeline FORCE ROW LEVEL SECURITY;
CREATE POLICY rhk_timeline_tenant ON rhk_timeline
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE rencana_aksi ENABLE ROW LEVEL SECURITY;
ALTER TABLE rencana_aksi FORCE ROW LEVEL SECURITY;
CREATE POLICY rencana_aksi_tenant ON rencana_aksi
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE realisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE realisations FORCE ROW LEVEL SECURITY;
CREATE POLICY realisations_tenant ON realisations
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE realisation_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE realisation_files FORCE ROW LEVEL SECURITY;
CREATE POLICY realisation_files_tenant ON realisation_files
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE umpan_balik ENABLE ROW LEVEL SECURITY;
ALTER TABLE umpan_balik FORCE ROW LEVEL SECURITY;
CREATE POLICY umpan_balik_tenant ON umpan_balik
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE pembinaan_kinerja ENABLE ROW LEVEL SECURITY;
ALTER TABLE pembinaan_kinerja FORCE ROW LEVEL SECURITY;
CREATE POLICY pembinaan_kinerja_tenant ON pembinaan_kinerja
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE rhk_takeovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE rhk_takeovers FORCE ROW LEVEL SECURITY;
CREATE POLICY rhk_takeovers_tenant ON rhk_takeovers
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- A timeline is rewritten whole by its employee; evidence files may be withdrawn before the lock;
-- feedback, coaching records and takeovers are records of what happened and are never changed.
GRANT SELECT, INSERT, UPDATE ON rhk_timeline, realisations TO kinerja_app;
GRANT SELECT, INSERT, DELETE ON rencana_aksi, realisation_files TO kinerja_app;
GRANT SELECT, INSERT ON umpan_balik, pembinaan_kinerja, rhk_takeovers TO kinerja_app;
