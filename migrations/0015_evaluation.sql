-- Evaluation of performance (issue 5 items 3, 4, 5): periods, the organisation's achievement per
-- distribution group, one evaluation per employee and period, objections (keberatan) and the
-- follow-up (rewards, improvement windows).
--
-- The cycle (PermenPANRB 6/2022 Pasal 38–44; SE MenPANRB 3/2023; domain.md, "The cycle" step 3):
--   1. a tenant admin opens a period (periodic by the rule set's cadence, or annual); opening
--      creates one `evaluations` row per employee assigned in the period: 'pending' when the
--      employee is obliged, 'excluded' with the coverage reasons when not (Perbup Karawang 28/2024;
--      they are never asked, reminded or counted as missing, and reports count them by reason);
--   2. the organisation's achievement (capaian kinerja organisasi) is set per distribution group
--      (`evaluation_groups`; the group is the rule set's distribution scope: a perangkat daerah, a
--      unit kerja or the whole instansi);
--   3. the employee may submit the period's results (`results_submitted_at`), which starts the
--      evaluator's assessment window where the rule set has one (Perbup Pasuruan 117/2019 Pasal 15
--      ayat (2): 2 days);
--   4. the evaluator rates (quadrant model: two ratings; weighted model: the scores) and the rules
--      engine gives the predikat with its explanation, stored;
--   5. finalising a group checks the distribution (quadrant model) and refuses or warns; final
--      evaluations never change except through an objection decision (trigger below).
--
-- Every table is tenant-owned (architecture.md, "Data"): tenant_id first in the primary key,
-- foreign keys include it, row-level security enabled and forced on current_tenant_id().

CREATE TABLE evaluation_periods (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    id                 uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('periodic', 'annual')),
    cadence            text        NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'semiannual', 'annual')),
    year               integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    starts_on          date        NOT NULL,
    ends_on            date        NOT NULL,
    -- The rule set version in force on `ends_on`, and its model, fixed when the period opens.
    rule_set_version   text        NOT NULL CHECK (length(rule_set_version) BETWEEN 1 AND 100),
    model              text        NOT NULL CHECK (model IN ('quadrant', 'weighted')),
    opened_by          uuid,
    opened_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, starts_on),
    CHECK (ends_on >= starts_on),
    CHECK (extract(year FROM starts_on) = year AND extract(year FROM ends_on) = year),
    CHECK ((kind = 'annual') = (cadence = 'annual'))
);

-- One distribution group of a period: its organisation achievement and its finalisation.
CREATE TABLE evaluation_groups (
    tenant_id         uuid        NOT NULL,
    period_id         uuid        NOT NULL,
    -- The rule set's distribution scope; the weighted model has no distribution and uses
    -- 'perangkat-daerah' for finalising by agency.
    scope             text        NOT NULL CHECK (scope IN ('perangkat-daerah', 'unit-kerja', 'instansi')),
    -- The perangkat daerah or unit kerja id; the tenant id for 'instansi'.
    scope_id          uuid        NOT NULL,
    -- Capaian kinerja organisasi (SE MenPANRB 3/2023); NULL until set, and always NULL in the
    -- weighted model.
    capaian           text        CHECK (capaian IN ('istimewa', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang')),
    capaian_set_by    uuid,
    capaian_set_at    timestamptz,
    finalised_by      uuid,
    finalised_at      timestamptz,
    -- The distribution check at finalisation (counts, violations, warn-only), kept as it was shown.
    distribution      jsonb,
    PRIMARY KEY (tenant_id, period_id, scope_id),
    CHECK ((capaian IS NULL) = (capaian_set_at IS NULL)),
    CHECK ((finalised_at IS NULL) = (finalised_by IS NULL)),
    FOREIGN KEY (tenant_id, period_id) REFERENCES evaluation_periods (tenant_id, id)
);

CREATE TABLE evaluations (
    tenant_id              uuid        NOT NULL,
    id                     uuid        NOT NULL,
    period_id              uuid        NOT NULL,
    employee_id            uuid        NOT NULL,
    -- The SKP the period is judged against (NULL: the employee has no approved SKP for it yet).
    skp_id                 uuid,
    -- Snapshot at opening: who evaluates, who decides objections, where the employee sits.
    evaluator_id           uuid,
    evaluator_superior_id  uuid,
    perangkat_daerah_id    uuid,
    unit_kerja_id          uuid,
    -- The distribution group (evaluation_groups.scope_id) this evaluation counts in.
    group_id               uuid        NOT NULL,
    status                 text        NOT NULL CHECK (status IN ('excluded', 'pending', 'submitted', 'rated', 'final')),
    -- For 'excluded': the coverage decision's reasons [{code, message, basis}].
    excluded_reasons       jsonb,
    -- The employee submitted the period's results; the evaluator's deadline follows from it.
    results_submitted_at   timestamptz,
    assessment_due_at      timestamptz,
    -- Quadrant model (PermenPANRB 6/2022 Lampiran; SE MenPANRB 3/2023).
    hasil_kerja_rating     text        CHECK (hasil_kerja_rating IN ('di-bawah-ekspektasi', 'sesuai-ekspektasi', 'di-atas-ekspektasi')),
    perilaku_kerja_rating  text        CHECK (perilaku_kerja_rating IN ('di-bawah-ekspektasi', 'sesuai-ekspektasi', 'di-atas-ekspektasi')),
    -- The employee leads the unit: the unit's achievement equals this results rating.
    leads_unit             boolean     NOT NULL DEFAULT false,
    -- Weighted model (Perbup Pasuruan 117/2019 Pasal 11–13): the input as entered, and the final score.
    scores                 jsonb,
    nilai                  numeric,
    -- Quadrant predikat or weighted category.
    predikat               text        CHECK (predikat IN ('sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang',
                                                           'cukup', 'buruk')),
    -- The rules engine's explanation (steps, figures, articles), stored as computed.
    explanation            jsonb,
    notes                  text        CHECK (length(notes) <= 4000),
    recommendation         text        CHECK (length(recommendation) <= 4000),
    rated_by               uuid,
    rated_at               timestamptz,
    finalised_at           timestamptz,
    -- When the employee received the evaluation document: the objection window counts from it.
    received_at            timestamptz,
    -- 1 when finalised; each objection decision that changes the result adds one.
    version                integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, period_id, employee_id),
    CHECK ((status = 'excluded') = (excluded_reasons IS NOT NULL)),
    CHECK (status NOT IN ('rated', 'final') OR predikat IS NOT NULL),
    CHECK ((status = 'final') = (finalised_at IS NOT NULL)),
    CHECK (evaluator_id IS NULL OR evaluator_id <> employee_id),
    FOREIGN KEY (tenant_id, period_id) REFERENCES evaluation_periods (tenant_id, id),
    FOREIGN KEY (tenant_id, period_id, group_id) REFERENCES evaluation_groups (tenant_id, period_id, scope_id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, skp_id) REFERENCES skp (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, evaluator_superior_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, perangkat_daerah_id) REFERENCES perangkat_daerah (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_kerja_id) REFERENCES unit_kerja (tenant_id, id)
);
CREATE INDEX evaluations_group ON evaluations (tenant_id, period_id, group_id, status);
CREATE INDEX evaluations_evaluator ON evaluations (tenant_id, evaluator_id, period_id);
CREATE INDEX evaluations_employee ON evaluations (tenant_id, employee_id);

-- A final evaluation is the established result (PermenPANRB 6/2022 Pasal 44): it changes only
-- when an objection decision changes it (PP 30/2019 Pasal 59). The deciding transaction names its
-- objection in `kinerja.objection_id` (set_config(..., true)) and raises the version by one; the
-- receipt of the document may be recorded once. Everything else is refused here, whatever the code.
CREATE FUNCTION evaluations_refuse_change_to_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'final' THEN
        RETURN NEW;
    END IF;
    IF coalesce(current_setting('kinerja.objection_id', true), '') <> '' AND NEW.version = OLD.version + 1
       AND NEW.status = 'final' THEN
        RETURN NEW;
    END IF;
    IF OLD.received_at IS NULL AND NEW.received_at IS NOT NULL
       AND to_jsonb(NEW) - 'received_at' - 'updated_at' = to_jsonb(OLD) - 'received_at' - 'updated_at' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'evaluation % is final and changes only through an objection decision', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER evaluations_final_immutable BEFORE UPDATE ON evaluations
    FOR EACH ROW EXECUTE FUNCTION evaluations_refuse_change_to_final();

-- Keberatan (PP 30/2019 Pasal 59; Perbup Tanah Laut 2024 Pasal 35): one per evaluation, filed by
-- the employee within the rule set's filing window counted from the document's receipt, decided by
-- the evaluator's superior after hearing both sides, within the decision window when there is one.
-- A late filing is refused by the application and never stored.
CREATE TABLE objections (
    tenant_id               uuid        NOT NULL,
    id                      uuid        NOT NULL,
    evaluation_id           uuid        NOT NULL,
    employee_id             uuid        NOT NULL,
    -- The atasan pejabat penilai who decides.
    decider_id              uuid        NOT NULL,
    reasons                 text        NOT NULL CHECK (length(reasons) BETWEEN 1 AND 4000),
    document_received_at    timestamptz NOT NULL,
    filed_at                timestamptz NOT NULL,
    filing_deadline         timestamptz NOT NULL,
    -- NULL when the rule set sets no decision window.
    decision_due_at         timestamptz,
    status                  text        NOT NULL CHECK (status IN ('filed', 'decided')),
    -- The hearing: each side's explanation, recorded.
    employee_explanation    text        CHECK (length(employee_explanation) <= 4000),
    evaluator_explanation   text        CHECK (length(evaluator_explanation) <= 4000),
    outcome                 text        CHECK (outcome IN ('upheld', 'changed')),
    decision_notes          text        CHECK (length(decision_notes) <= 4000),
    new_recommendation      text        CHECK (length(new_recommendation) <= 4000),
    -- The result before and after the decision ({predikat, ratings or scores, nilai}).
    previous_result         jsonb,
    new_result              jsonb,
    decided_by              uuid,
    decided_at              timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, evaluation_id),
    CHECK (filed_at <= filing_deadline),
    CHECK (decider_id <> employee_id),
    CHECK ((status = 'decided') = (decided_at IS NOT NULL AND outcome IS NOT NULL AND decided_by IS NOT NULL)),
    CHECK (outcome IS DISTINCT FROM 'changed' OR new_result IS NOT NULL),
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluations (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
    FOREIGN KEY (tenant_id, decider_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX objections_decider ON objections (tenant_id, decider_id, status);
CREATE INDEX objections_open ON objections (tenant_id, decision_due_at) WHERE status = 'filed';

-- Rewards (Perbup Tanah Laut 2024 Pasal 30–31; PP 30/2019 Pasal 56): recorded, not computed.
CREATE TABLE rewards (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    evaluation_id  uuid        NOT NULL,
    employee_id    uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('kelompok-rencana-suksesi', 'pengembangan-kompetensi',
                                                        'penghargaan', 'lainnya')),
    notes          text        CHECK (length(notes) <= 2000),
    granted_by     uuid        NOT NULL,
    granted_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, evaluation_id, kind),
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluations (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);

-- Improvement windows (PP 30/2019 Pasal 57–58; Perbup Tanah Laut 2024 Pasal 32–34): 6 months
-- after a qualifying annual predikat, then the outcome is recorded. The system tracks and reminds;
-- it does not decide sanctions.
CREATE TABLE improvement_windows (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    evaluation_id    uuid        NOT NULL,
    employee_id      uuid        NOT NULL,
    starts_on        date        NOT NULL,
    ends_on          date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('open', 'improved', 'not-improved', 'cancelled')),
    outcome_notes    text        CHECK (length(outcome_notes) <= 2000),
    outcome_by       uuid,
    outcome_at       timestamptz,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, evaluation_id),
    CHECK (ends_on > starts_on),
    CHECK ((status = 'open') = (outcome_at IS NULL)),
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluations (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX improvement_windows_open ON improvement_windows (tenant_id, ends_on) WHERE status = 'open';

ALTER TABLE evaluation_periods ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_periods FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluation_periods_tenant ON evaluation_periods
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE evaluation_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_groups FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluation_groups_tenant ON evaluation_groups
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE evaluations ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluations FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluations_tenant ON evaluations
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE objections ENABLE ROW LEVEL SECURITY;
ALTER TABLE objections FORCE ROW LEVEL SECURITY;
CREATE POLICY objections_tenant ON objections
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE rewards ENABLE ROW LEVEL SECURITY;
ALTER TABLE rewards FORCE ROW LEVEL SECURITY;
CREATE POLICY rewards_tenant ON rewards
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE improvement_windows ENABLE ROW LEVEL SECURITY;
ALTER TABLE improvement_windows FORCE ROW LEVEL SECURITY;
CREATE POLICY improvement_windows_tenant ON improvement_windows
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Nothing of the cycle is ever deleted.
GRANT SELECT, INSERT, UPDATE ON evaluation_periods, evaluation_groups, evaluations, objections,
                                rewards, improvement_windows TO kinerja_app;
