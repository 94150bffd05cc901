-- Idempotency keys for the API's creating POSTs (architecture.md, "API conventions"; issue 3
-- item 8). A key is scoped to its caller and route: (tenant, user, "POST /v1/units", key).
-- The first request inserts a `pending` row in its own short transaction; the request then
-- runs and its response is stored (`completed`), so a retry with the same key and the same
-- request gets the stored answer instead of a second creation. Rows expire after 24 hours; the
-- application deletes expired rows of the scope it writes to, in small batches, on insert.
--
-- Tenant users' keys are tenant-owned like every other table: tenant_id first in the primary
-- key, row-level security enabled and forced. Central admins belong to no tenant, so their keys
-- live in `platform_idempotency_keys`, which has no tenant_id and holds only central admins'
-- rows (the same split as users / central_admins).
--
-- `response_body` is NULL for routes whose answer carries a one-time secret (invitation and
-- reset tokens): those are never stored; a retry learns only that the request was done.

CREATE TABLE idempotency_keys (
    -- Defaults to the transaction's tenant, so one statement serves both tables.
    tenant_id        uuid        NOT NULL DEFAULT current_tenant_id() REFERENCES tenants (id),
    user_id          uuid        NOT NULL,
    -- Method and route pattern, e.g. `POST /v1/units`.
    scope            text        NOT NULL CHECK (length(scope) BETWEEN 1 AND 300),
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 (hex) of method, path, query and body: a reused key with another request is refused.
    request_hash     text        NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    state            text        NOT NULL CHECK (state IN ('pending', 'completed')),
    response_status  integer     CHECK (response_status BETWEEN 100 AND 599),
    content_type     text        CHECK (length(content_type) <= 200),
    location         text        CHECK (length(location) <= 2000),
    response_body    text        CHECK (length(response_body) <= 4194304),
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, scope, key),
    CHECK ((state = 'completed') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (tenant_id, expires_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_tenant ON idempotency_keys
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO kinerja_app;

CREATE TABLE platform_idempotency_keys (
    user_id          uuid        NOT NULL,
    scope            text        NOT NULL CHECK (length(scope) BETWEEN 1 AND 300),
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash     text        NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    state            text        NOT NULL CHECK (state IN ('pending', 'completed')),
    response_status  integer     CHECK (response_status BETWEEN 100 AND 599),
    content_type     text        CHECK (length(content_type) <= 200),
    location         text        CHECK (length(location) <= 2000),
    response_body    text        CHECK (length(response_body) <= 4194304),
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (user_id, scope, key),
    CHECK ((state = 'completed') = (response_status IS NOT NULL))
);
CREATE INDEX platform_idempotency_keys_expiry ON platform_idempotency_keys (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON platform_idempotency_keys TO kinerja_app;
