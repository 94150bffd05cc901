-- The job queue (module JobQueue). Jobs are rows: enqueued in the same transaction as the change
-- that causes them, claimed with one FOR UPDATE SKIP LOCKED statement, finished with guarded
-- updates. See ../shared/docs/queue.md for the lessons behind each choice.
--
-- `jobs` is an ordinary table without row-level security: workers claim across tenants, and
-- `tenant_id` is a plain column (NULL for platform jobs). It has no foreign key to `tenants`, so
-- that deleting or archiving jobs never waits on tenant rows, and the table can stay on a Citus
-- coordinator. Unqualified names on purpose: tests apply this file inside a schema of their own.

CREATE TYPE job_state AS ENUM (
    'available',  -- may be claimed now (scheduled_at has passed)
    'scheduled',  -- waits for scheduled_at; the leader makes it available
    'running',    -- claimed by a worker, which heartbeats it
    'retryable',  -- failed (or rescued) and waits for its backoff; the leader makes it available
    'completed',  -- final
    'cancelled',  -- final
    'discarded'   -- final: out of attempts (or failed permanently), errors kept
);

CREATE TABLE jobs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state         job_state NOT NULL DEFAULT 'available',
    queue         text NOT NULL DEFAULT 'default' CHECK (length(queue) BETWEEN 1 AND 64),
    kind          text NOT NULL CHECK (length(kind) BETWEEN 1 AND 128),
    tenant_id     uuid,
    args          jsonb NOT NULL DEFAULT '{}',
    -- Lower runs first; 1 is the most urgent.
    priority      smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    scheduled_at  timestamptz NOT NULL DEFAULT now(),
    -- Incremented by each claim, so `attempt` names one run and guards its completion.
    attempt       integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    max_attempts  integer NOT NULL DEFAULT 20 CHECK (max_attempts BETWEEN 1 AND 1000),
    attempted_at  timestamptz,
    attempted_by  text,
    heartbeat_at  timestamptz,
    finalized_at  timestamptz,
    -- One object per failed attempt: {"attempt": n, "at": timestamptz, "error": text}.
    errors        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array'),
    unique_key    text CHECK (length(unique_key) BETWEEN 1 AND 512),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_finalized_iff_final
        CHECK ((state IN ('completed', 'cancelled', 'discarded')) = (finalized_at IS NOT NULL)),
    CONSTRAINT jobs_running_has_heartbeat
        CHECK (state <> 'running' OR (heartbeat_at IS NOT NULL AND attempted_at IS NOT NULL AND attempt > 0))
);

-- The hot set: available rows only, per queue and fairness key (the tenant, with one key for
-- platform jobs), in fetch order. Claiming walks the distinct keys of this index and then each
-- key's oldest rows, so a tenant's burst cannot starve another tenant.
CREATE INDEX jobs_fetch ON jobs (queue, (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)),
                                 priority, scheduled_at, id)
    WHERE state = 'available';

-- Unique jobs: at most one pending or running job per key. Finished jobs free the key again.
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('available', 'scheduled', 'running', 'retryable');

-- The leader's sweeps: due scheduled/retryable rows, stale heartbeats, finished rows by age.
CREATE INDEX jobs_pending_due ON jobs (scheduled_at) WHERE state IN ('scheduled', 'retryable');
CREATE INDEX jobs_running_heartbeat ON jobs (heartbeat_at) WHERE state = 'running';
CREATE INDEX jobs_finalized ON jobs (state, finalized_at) WHERE finalized_at IS NOT NULL;
-- Admin listing per tenant, newest first.
CREATE INDEX jobs_tenant ON jobs (tenant_id, id);

-- Nearly every row is updated a few times and deleted within a day: vacuum early and often so
-- dead index entries do not slow the fetch (the default 20% scale factor waits far too long).
ALTER TABLE jobs SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_cost_delay = 1,
    fillfactor = 80
);

-- Periodic schedules live here, not in memory, so a restart never skips an occurrence. The
-- leader fires due rows: it inserts the occurrence with a deterministic unique key (schedule name
-- and fire time) and advances next_fire_at in the same statement, under a row lock.
CREATE TABLE job_schedules (
    name            text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
    tenant_id       uuid,
    kind            text NOT NULL CHECK (length(kind) BETWEEN 1 AND 128),
    args            jsonb NOT NULL DEFAULT '{}',
    queue           text NOT NULL DEFAULT 'default' CHECK (length(queue) BETWEEN 1 AND 64),
    priority        smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    max_attempts    integer NOT NULL DEFAULT 20 CHECK (max_attempts BETWEEN 1 AND 1000),
    -- Exactly one spec: every N seconds, or daily at a wall-clock time in an IANA zone.
    every_seconds   integer CHECK (every_seconds BETWEEN 1 AND 31622400),
    daily_at        time,
    time_zone       text,
    next_fire_at    timestamptz NOT NULL,
    last_fired_at   timestamptz,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT job_schedules_one_spec CHECK ((every_seconds IS NULL) <> (daily_at IS NULL)),
    CONSTRAINT job_schedules_daily_zone CHECK (daily_at IS NULL OR time_zone IS NOT NULL)
);

CREATE INDEX job_schedules_due ON job_schedules (next_fire_at) WHERE active;

-- The first fire time strictly after `after`. Interval schedules stay on the grid that starts at
-- `anchor` (missed ticks are skipped, not replayed); daily schedules fire at `daily_at` on the
-- civil date in `time_zone` (a wall time skipped by a DST change fires an hour later).
CREATE FUNCTION job_schedule_next_fire(every_seconds integer, daily_at time, time_zone text,
                                       anchor timestamptz, after timestamptz)
    RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN every_seconds IS NOT NULL THEN
            CASE WHEN anchor > after THEN anchor
                 ELSE anchor + make_interval(secs => every_seconds
                          * (floor(extract(epoch FROM after - anchor) / every_seconds) + 1))
            END
        ELSE (SELECT CASE WHEN today > after THEN today
                          ELSE (((after AT TIME ZONE time_zone)::date + 1) + daily_at) AT TIME ZONE time_zone END
                FROM (SELECT (((after AT TIME ZONE time_zone)::date) + daily_at) AT TIME ZONE time_zone AS today) t)
    END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON jobs TO kinerja_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON job_schedules TO kinerja_app;
GRANT EXECUTE ON FUNCTION job_schedule_next_fire(integer, time, text, timestamptz, timestamptz) TO kinerja_app;
