-- The organisation a tenant's performance cycle runs on: perangkat daerah, the unit kerja tree
-- inside each, jabatan (posts) with their superior post, employees (pegawai ASN), assignments of
-- employees to jabatan over date ranges (definitive, Plt, Plh) and per-employee evaluator
-- overrides set by admins (domain.md, "Who evaluates whom").
--
-- Every table is tenant-owned (architecture.md, "Data"): tenant_id first in the primary key,
-- foreign keys include it, row-level security enabled and forced with USING and WITH CHECK on
-- current_tenant_id() (no subqueries, so the policies stay valid on Citus).
--
-- History: assignments and overrides are date ranges that are never rewritten; a range is only
-- closed (valid_until set once), so "who evaluated X on date D" stays answerable.
--
-- Users (migration 0004, identity) refer to employees and perangkat daerah without foreign keys;
-- those foreign keys are added by a later migration once 0004 is in main.

-- btree_gist lets an exclusion constraint combine uuid equality with date-range overlap. It is a
-- trusted extension (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE perangkat_daerah (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    code        text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);

CREATE TABLE unit_kerja (
    tenant_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    perangkat_daerah_id uuid        NOT NULL,
    -- NULL for a unit directly under the perangkat daerah. The store refuses cycles.
    parent_id           uuid,
    code                text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    active              boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    CHECK (parent_id IS NULL OR parent_id <> id),
    FOREIGN KEY (tenant_id, perangkat_daerah_id) REFERENCES perangkat_daerah (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES unit_kerja (tenant_id, id)
);
CREATE INDEX unit_kerja_parent ON unit_kerja (tenant_id, parent_id);
CREATE INDEX unit_kerja_perangkat_daerah ON unit_kerja (tenant_id, perangkat_daerah_id);

CREATE TABLE jabatan (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    unit_kerja_id   uuid        NOT NULL,
    -- The direct superior post; NULL at the top (the head of the region sits outside the system).
    superior_id     uuid,
    code            text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text        NOT NULL CHECK (kind IN ('jpt', 'administrator', 'pengawas', 'pelaksana', 'fungsional')),
    -- Jenjang of a functional post (PermenPANRB 1/2023); only functional posts have one.
    jenjang         text        CHECK (jenjang IN ('pemula', 'terampil', 'mahir', 'penyelia',
                                                   'ahli-pertama', 'ahli-muda', 'ahli-madya', 'ahli-utama')),
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    CHECK ((kind = 'fungsional') = (jenjang IS NOT NULL)),
    CHECK (superior_id IS NULL OR superior_id <> id),
    FOREIGN KEY (tenant_id, unit_kerja_id) REFERENCES unit_kerja (tenant_id, id),
    FOREIGN KEY (tenant_id, superior_id) REFERENCES jabatan (tenant_id, id)
);
CREATE INDEX jabatan_superior ON jabatan (tenant_id, superior_id);
CREATE INDEX jabatan_unit_kerja ON jabatan (tenant_id, unit_kerja_id);

CREATE TABLE employees (
    tenant_id                    uuid        NOT NULL REFERENCES tenants (id),
    id                           uuid        NOT NULL,
    -- The NIP as 18 digits (validated by the domain, Sources/Kinerja/Organisation/NIP.swift).
    nip                          text        NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
    name                         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type                         text        NOT NULL CHECK (type IN ('PNS', 'PPPK', 'CPNS')),
    status                       text        NOT NULL CHECK (status IN ('aktif', 'cuti-di-luar-tanggungan-negara',
                                                                        'tugas-belajar', 'diberhentikan-sementara', 'berhenti')),
    managed_by_instansi_pembina  boolean     NOT NULL DEFAULT false,
    email                        text        CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, nip)
);

CREATE TABLE assignments (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    employee_id  uuid        NOT NULL,
    jabatan_id   uuid        NOT NULL,
    -- definitive, or an acting official: Plt (pelaksana tugas) or Plh (pelaksana harian).
    kind         text        NOT NULL CHECK (kind IN ('definitif', 'plt', 'plh')),
    valid_from   date        NOT NULL,
    -- Inclusive last day; NULL while it lasts.
    valid_until  date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, jabatan_id) REFERENCES jabatan (tenant_id, id),
    -- One definitive post per employee at any date.
    CONSTRAINT assignments_no_overlapping_definitive EXCLUDE USING gist (
        tenant_id WITH =, employee_id WITH =, daterange(valid_from, valid_until, '[]') WITH &&
    ) WHERE (kind = 'definitif')
);
CREATE INDEX assignments_jabatan ON assignments (tenant_id, jabatan_id, valid_from);
CREATE INDEX assignments_employee ON assignments (tenant_id, employee_id, valid_from);

CREATE TABLE evaluator_overrides (
    tenant_id              uuid        NOT NULL,
    id                     uuid        NOT NULL,
    employee_id            uuid        NOT NULL,
    evaluator_employee_id  uuid        NOT NULL,
    valid_from             date        NOT NULL,
    valid_until            date,
    reason                 text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CHECK (employee_id <> evaluator_employee_id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_employee_id) REFERENCES employees (tenant_id, id),
    CONSTRAINT evaluator_overrides_no_overlap EXCLUDE USING gist (
        tenant_id WITH =, employee_id WITH =, daterange(valid_from, valid_until, '[]') WITH &&
    )
);

-- Row-level security: the same policy on every table, no subqueries (Citus).
ALTER TABLE perangkat_daerah ENABLE ROW LEVEL SECURITY;
ALTER TABLE perangkat_daerah FORCE ROW LEVEL SECURITY;
CREATE POLICY perangkat_daerah_tenant ON perangkat_daerah
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE unit_kerja ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_kerja FORCE ROW LEVEL SECURITY;
CREATE POLICY unit_kerja_tenant ON unit_kerja
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE jabatan ENABLE ROW LEVEL SECURITY;
ALTER TABLE jabatan FORCE ROW LEVEL SECURITY;
CREATE POLICY jabatan_tenant ON jabatan
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE employees ENABLE ROW LEVEL SECURITY;
ALTER TABLE employees FORCE ROW LEVEL SECURITY;
CREATE POLICY employees_tenant ON employees
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY assignments_tenant ON assignments
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE evaluator_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluator_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluator_overrides_tenant ON evaluator_overrides
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Minimal grants. Employees are never deleted (their history refers to them); structure rows
-- (perangkat daerah, units, jabatan) are deactivated, or deleted only while nothing refers to
-- them (a record created by mistake; the foreign keys refuse the rest). History rows
-- (assignments, overrides) are only closed, so their UPDATE is limited to valid_until.
GRANT SELECT, INSERT, UPDATE, DELETE ON perangkat_daerah, unit_kerja, jabatan TO kinerja_app;
GRANT SELECT, INSERT, UPDATE ON employees TO kinerja_app;
GRANT SELECT, INSERT ON assignments, evaluator_overrides TO kinerja_app;
GRANT UPDATE (valid_until) ON assignments, evaluator_overrides TO kinerja_app;
