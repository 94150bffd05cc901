-- Identity: tenant users and their granted roles, central admins, sessions (opaque bearer
-- tokens), one-time tokens (invitation, password reset) and failed logins for throttling.
--
-- Secrets are never stored: passwords as PBKDF2-HMAC-SHA256 strings
-- (`pbkdf2-sha256$iterations$salt$hash`, see Sources/Runtime/Crypto/PasswordHasher.swift), tokens
-- as the SHA-256 (hex) of the random token the client holds (architecture.md "API conventions").

-- Tenant users. Tenant-owned: tenant_id first in the key, row-level security forced.
CREATE TABLE users (
    tenant_id             uuid NOT NULL REFERENCES tenants (id),
    id                    uuid NOT NULL,
    -- 18 digits as stored after removing spaces (domain.md "NIP"); nullable for users who are not
    -- civil servants (e.g. an outside consultant at BKPSDM), who log in by e-mail.
    nip                   text CHECK (nip ~ '^[0-9]{18}$'),
    -- Stored as typed; compared lowercased (unique index below).
    email                 text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\s]+@[^@\s]+$')),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- NULL until the user sets a password through their invitation token.
    password_hash         text CHECK (password_hash IS NULL OR length(password_hash) <= 300),
    active                boolean NOT NULL DEFAULT true,
    must_change_password  boolean NOT NULL DEFAULT false,
    -- The employee this user is. The organisation migration (0005) adds the foreign key
    -- (tenant_id, employee_id) → employees once that table exists.
    employee_id           uuid,
    password_changed_at   timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (nip IS NOT NULL OR email IS NOT NULL)
);
CREATE UNIQUE INDEX users_tenant_nip_key ON users (tenant_id, nip) WHERE nip IS NOT NULL;
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_tenant_employee_key ON users (tenant_id, employee_id) WHERE employee_id IS NOT NULL;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_tenant_isolation ON users
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE ON users TO kinerja_app;

-- Roles granted explicitly by an admin. Derived roles (pejabat penilai, atasan pejabat penilai)
-- come from the hierarchy and are never stored here.
CREATE TABLE user_roles (
    tenant_id           uuid NOT NULL,
    id                  uuid NOT NULL,
    user_id             uuid NOT NULL,
    role                text NOT NULL CHECK (role IN ('tenant_admin', 'pengelola_kinerja')),
    -- The perangkat daerah a pengelola kinerja manages; 0005 adds the foreign key
    -- (tenant_id, perangkat_daerah_id) → perangkat_daerah.
    perangkat_daerah_id uuid,
    granted_at          timestamptz NOT NULL DEFAULT now(),
    granted_by          uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    CHECK ((role = 'pengelola_kinerja') = (perangkat_daerah_id IS NOT NULL))
);
CREATE UNIQUE INDEX user_roles_grant_key ON user_roles
    (tenant_id, user_id, role, coalesce(perangkat_daerah_id, '00000000-0000-0000-0000-000000000000'));

ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_roles FORCE ROW LEVEL SECURITY;
CREATE POLICY user_roles_tenant_isolation ON user_roles
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, DELETE ON user_roles TO kinerja_app;

-- Central (platform) admins belong to no tenant. The application reads them to log in and may
-- change their password; creating one is an operator's act (IdentityStore.createCentralAdmin,
-- run by the `kinerja` CLI with the owner's connection), so the app role cannot INSERT.
CREATE TABLE central_admins (
    id                    uuid PRIMARY KEY,
    email                 text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash         text NOT NULL CHECK (length(password_hash) <= 300),
    active                boolean NOT NULL DEFAULT true,
    must_change_password  boolean NOT NULL DEFAULT false,
    password_changed_at   timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX central_admins_email_key ON central_admins (lower(email));
GRANT SELECT, UPDATE (password_hash, must_change_password, password_changed_at, updated_at) ON central_admins TO kinerja_app;

-- Sessions and one-time tokens are looked up by token before the tenant is known, which the usual
-- tenant policy cannot serve (it needs app.tenant_id). So the app role has NO privilege on these
-- two tables: it reaches them only through the SECURITY DEFINER functions below, each doing one
-- narrow thing (owner-run, fixed search_path). Their row-level security (forced, so it binds the
-- owner-run functions too) says: inside a tenant's transaction only that tenant's tokens exist;
-- with no tenant set (the lookup by hash at the start of a request, central admins' sessions)
-- every row is reachable, but only by exact hash through the functions, since the app role can
-- run no query of its own here. Operations on a tenant's user take the tenant from
-- current_tenant_id(), never from an argument, so a bug in tenant A's request cannot touch
-- tenant B's sessions.
CREATE TABLE sessions (
    -- SHA-256 (hex) of the 32-byte random token (base64url) the client holds (RFC 6750 bearer).
    token_hash        text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    id                uuid NOT NULL UNIQUE,
    -- Exactly one subject: a tenant user (tenant_id, user_id) or a central admin.
    tenant_id         uuid REFERENCES tenants (id),
    user_id           uuid,
    central_admin_id  uuid REFERENCES central_admins (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    revoked_at        timestamptz,
    last_used_at      timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    CHECK ((tenant_id IS NOT NULL AND user_id IS NOT NULL AND central_admin_id IS NULL)
        OR (tenant_id IS NULL AND user_id IS NULL AND central_admin_id IS NOT NULL))
);
CREATE INDEX sessions_user_idx ON sessions (tenant_id, user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_central_admin_idx ON sessions (central_admin_id) WHERE revoked_at IS NULL;
REVOKE ALL ON sessions FROM PUBLIC;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_tenant_isolation ON sessions
    USING (current_tenant_id() IS NULL OR tenant_id = current_tenant_id())
    WITH CHECK (current_tenant_id() IS NULL OR tenant_id = current_tenant_id());

-- Invitation (first login) and password-reset tokens: single use, expiring, hashed like sessions.
CREATE TABLE one_time_tokens (
    token_hash  text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    kind        text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
    tenant_id   uuid NOT NULL,
    user_id     uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (tenant_id, user_id) WHERE used_at IS NULL;
REVOKE ALL ON one_time_tokens FROM PUBLIC;
ALTER TABLE one_time_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE one_time_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY one_time_tokens_tenant_isolation ON one_time_tokens
    USING (current_tenant_id() IS NULL OR tenant_id = current_tenant_id())
    WITH CHECK (current_tenant_id() IS NULL OR tenant_id = current_tenant_id());

-- Starts a session for a user of the current tenant (p_user_id) or, with no tenant set, for a
-- central admin (p_central_admin_id). Returns the session id and expiry.
CREATE FUNCTION session_create(p_token_hash text, p_user_id uuid, p_central_admin_id uuid, p_ttl_seconds integer)
    RETURNS TABLE (session_id uuid, expires_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    v_tenant uuid := current_tenant_id();
BEGIN
    IF (v_tenant IS NULL) = (p_user_id IS NOT NULL) OR (p_user_id IS NULL) = (p_central_admin_id IS NULL) THEN
        RAISE EXCEPTION 'session_create: a tenant user needs app.tenant_id, a central admin none'
            USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
        INSERT INTO sessions AS s (token_hash, id, tenant_id, user_id, central_admin_id, expires_at)
        VALUES (p_token_hash, gen_random_uuid(), v_tenant, p_user_id, p_central_admin_id,
                now() + make_interval(secs => p_ttl_seconds))
        RETURNING s.id, s.expires_at;
END $$;

-- The subject of a live session (not expired, not revoked), and marks it used (at most once a
-- minute, to spare writes). No row when the token is unknown, expired or revoked.
CREATE FUNCTION session_authenticate(p_token_hash text)
    RETURNS TABLE (session_id uuid, tenant_id uuid, user_id uuid, central_admin_id uuid, expires_at timestamptz)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    UPDATE sessions AS s SET last_used_at = now()
     WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
       AND (s.last_used_at IS NULL OR s.last_used_at < now() - interval '1 minute');
    SELECT s.id, s.tenant_id, s.user_id, s.central_admin_id, s.expires_at
      FROM sessions AS s
     WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now();
$$;

-- Revokes one session by its token (logout). Returns whether a live session was revoked.
CREATE FUNCTION session_revoke(p_token_hash text) RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    WITH revoked AS (
        UPDATE sessions SET revoked_at = now()
         WHERE token_hash = p_token_hash AND revoked_at IS NULL
        RETURNING 1)
    SELECT count(*) > 0 FROM revoked;
$$;

-- Revokes every live session of one subject, except the one with p_keep_token_hash (NULL: all).
-- A tenant user is taken from the current tenant; a central admin only when no tenant is set.
CREATE FUNCTION session_revoke_all(p_user_id uuid, p_central_admin_id uuid, p_keep_token_hash text)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    WITH revoked AS (
        UPDATE sessions SET revoked_at = now()
         WHERE revoked_at IS NULL
           AND token_hash IS DISTINCT FROM p_keep_token_hash
           AND ((p_user_id IS NOT NULL AND tenant_id = current_tenant_id() AND user_id = p_user_id)
             OR (p_central_admin_id IS NOT NULL AND current_tenant_id() IS NULL
                 AND central_admin_id = p_central_admin_id))
        RETURNING 1)
    SELECT count(*)::integer FROM revoked;
$$;

-- Issues a one-time token for a user of the current tenant; earlier unused tokens of the same
-- kind for that user stop working, so only the newest invitation or reset link is valid.
CREATE FUNCTION one_time_token_issue(p_token_hash text, p_kind text, p_user_id uuid, p_ttl_seconds integer)
    RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    v_tenant uuid := current_tenant_id();
    v_expires timestamptz;
BEGIN
    IF v_tenant IS NULL THEN
        RAISE EXCEPTION 'one_time_token_issue: app.tenant_id is not set' USING ERRCODE = '22023';
    END IF;
    UPDATE one_time_tokens SET used_at = now()
     WHERE tenant_id = v_tenant AND user_id = p_user_id AND kind = p_kind AND used_at IS NULL;
    INSERT INTO one_time_tokens (token_hash, kind, tenant_id, user_id, expires_at)
    VALUES (p_token_hash, p_kind, v_tenant, p_user_id, now() + make_interval(secs => p_ttl_seconds))
    RETURNING expires_at INTO v_expires;
    RETURN v_expires;
END $$;

-- Consumes a live one-time token: marks it used and returns what it was for. No row when the
-- token is unknown, expired or used; a concurrent second use waits on the row lock and then
-- finds it used. The caller sets app.tenant_id to the returned tenant in the same transaction,
-- so a failure after this (e.g. a refused password) rolls the consumption back.
CREATE FUNCTION one_time_token_consume(p_token_hash text)
    RETURNS TABLE (kind text, tenant_id uuid, user_id uuid)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    UPDATE one_time_tokens AS t SET used_at = now()
     WHERE t.token_hash = p_token_hash AND t.used_at IS NULL AND t.expires_at > now()
    RETURNING t.kind, t.tenant_id, t.user_id;
$$;

REVOKE ALL ON FUNCTION session_create(text, uuid, uuid, integer), session_authenticate(text), session_revoke(text),
    session_revoke_all(uuid, uuid, text), one_time_token_issue(text, text, uuid, integer),
    one_time_token_consume(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_create(text, uuid, uuid, integer), session_authenticate(text), session_revoke(text),
    session_revoke_all(uuid, uuid, text), one_time_token_issue(text, text, uuid, integer),
    one_time_token_consume(text) TO kinerja_app;

-- Failed logins, for throttling per account and per client address (OWASP Authentication Cheat
-- Sheet, "Protect Against Automated Attacks"). Keys are SHA-256 of "account:<tenant>:<login>" or
-- "address:<ip>", so the table holds no NIP, e-mail or address in clear. Not tenant-owned: an
-- address is throttled across tenants. Rows older than the window are deleted as new ones come.
CREATE TABLE login_failures (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash   text NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key_hash, failed_at);
GRANT SELECT, INSERT, DELETE ON login_failures TO kinerja_app;

-- Tenant administration by central admins goes through the app (authorised in AccessPolicy),
-- limited to the registry's own columns: the app can add a regency and change its name,
-- province, zone and active flag, never its id or slug once created.
GRANT INSERT (id, slug, name, province, time_zone) ON tenants TO kinerja_app;
GRANT UPDATE (name, province, time_zone, active, updated_at) ON tenants TO kinerja_app;
