-- The links 0004 could not make because the organisation (0005) did not exist yet: a user is at
-- most one employee of the same tenant, and a pengelola kinerja manages a perangkat daerah of
-- the same tenant. Both keys include tenant_id (architecture.md, "Data").

ALTER TABLE users
    ADD CONSTRAINT users_employee_fkey
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id);

ALTER TABLE user_roles
    ADD CONSTRAINT user_roles_perangkat_daerah_fkey
    FOREIGN KEY (tenant_id, perangkat_daerah_id) REFERENCES perangkat_daerah (tenant_id, id);
