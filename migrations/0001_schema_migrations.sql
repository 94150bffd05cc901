-- schema_migrations is created by the migrator (Sources/Postgres/Migrator.swift) before any
-- migration runs: it has to read the table to know which migrations have run. This first
-- migration documents it where the rest of the schema lives.
--
--   version     bigint PRIMARY KEY       the NNNN of NNNN_name.sql
--   name        text NOT NULL            the name part of the file name
--   checksum    text NOT NULL            SHA-256 (hex) of the file's bytes; an applied file must not change
--   applied_at  timestamptz NOT NULL     when it was applied
--
-- Migrations are forward-only; each runs in one transaction with its row here; concurrent runs
-- serialise on an advisory lock.
COMMENT ON TABLE schema_migrations IS
    'Applied migrations (version, name, SHA-256 of the file, applied_at); maintained by the migrator.';

-- kinerja-api's /readyz compares the applied versions with the migrations it ships.
GRANT SELECT ON schema_migrations TO kinerja_app;
