-- In-app notifications and the reminder ledger (issue 6 items 3 and 4).
--
-- notifications     what a person was told, listed in the app (`GET /v1/me/notifications`): the
--                   same events as the e-mails, written by the worker's notification handlers in
--                   the transaction that records the job's mail delivery. `job_id` is unique per
--                   tenant, so a retried job never adds a second row. Only `read_at` ever changes.
-- reminders_sent    one row per person, cause and day for which the daily scan queued a reminder.
--                   A job's unique key frees itself once the job completes, so the ledger is what
--                   keeps a second scan on the same day (a rerun, a restarted leader) from reminding
--                   twice: the scan inserts here and enqueues only what it inserted.
--
-- Both are tenant-owned (architecture.md, "Data"): tenant_id first in the primary key, foreign
-- keys include it, row-level security enabled and forced on current_tenant_id().

CREATE TABLE notifications (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    -- Time-ordered (UUID v7), so the newest-first listing pages by id alone.
    id            uuid        NOT NULL,
    -- The employee told.
    recipient_id  uuid        NOT NULL,
    -- The job kind that told them, e.g. `evaluation.finalised`, `reminder.assessment-overdue`.
    kind          text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]{0,63}$'),
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    -- An API path to follow, e.g. `/v1/documents/{id}`.
    link          text        CHECK (length(link) BETWEEN 1 AND 500),
    job_id        bigint,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, job_id),
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX notifications_recipient ON notifications (tenant_id, recipient_id, id DESC);
CREATE INDEX notifications_unread ON notifications (tenant_id, recipient_id, id DESC) WHERE read_at IS NULL;

CREATE TABLE reminders_sent (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    recipient_id  uuid        NOT NULL,
    -- The reminder kind without its prefix: `skp-deadline`, `assessment-overdue`, `objection-decision-due`.
    cause         text        NOT NULL CHECK (cause ~ '^[a-z][a-z-]{0,63}$'),
    -- The civil day of the scan in the tenant's zone.
    on_date       date        NOT NULL,
    job_id        bigint,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, recipient_id, cause, on_date),
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES employees (tenant_id, id)
);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_tenant ON notifications
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE reminders_sent ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminders_sent FORCE ROW LEVEL SECURITY;
CREATE POLICY reminders_sent_tenant ON reminders_sent
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Minimal grants: notifications are written once and only marked read; the ledger is append-only.
GRANT SELECT, INSERT ON notifications, reminders_sent TO kinerja_app;
GRANT UPDATE (read_at) ON notifications TO kinerja_app;
GRANT UPDATE (job_id) ON reminders_sent TO kinerja_app;
