-- Tenants are regencies (kabupaten). This table is the registry of tenants itself, so it is not
-- tenant-owned and has no row-level security: the application reads it (to resolve a slug at
-- login) but cannot change it; central admins change it through the owner's connection.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    province    text NOT NULL CHECK (length(province) BETWEEN 1 AND 100),
    -- IANA zone; civil dates (periods, deadlines) are computed in it. Tanah Laut is WITA.
    time_zone   text NOT NULL CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The tenant of the current transaction, set by the application with
-- `SELECT set_config('app.tenant_id', $1, true)` (SET LOCAL). Row-level security policies of
-- tenant-owned tables compare against it; unset means no tenant, and so no rows.
CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

GRANT SELECT ON tenants TO kinerja_app;
GRANT EXECUTE ON FUNCTION current_tenant_id() TO kinerja_app;

-- The first four regencies. Fixed ids so that seeds and documents can refer to them.
INSERT INTO tenants (id, slug, name, province, time_zone) VALUES
    ('01935d3a-0000-7000-8000-000000000001', 'karawang',   'Kabupaten Karawang',   'Jawa Barat',         'Asia/Jakarta'),
    ('01935d3a-0000-7000-8000-000000000002', 'tanah-laut', 'Kabupaten Tanah Laut', 'Kalimantan Selatan', 'Asia/Makassar'),
    ('01935d3a-0000-7000-8000-000000000003', 'pasuruan',   'Kabupaten Pasuruan',   'Jawa Timur',         'Asia/Jakarta'),
    ('01935d3a-0000-7000-8000-000000000004', 'demak',      'Kabupaten Demak',      'Jawa Tengah',        'Asia/Jakarta');
