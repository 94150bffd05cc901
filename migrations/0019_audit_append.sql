-- Audit appends in one statement run by the server (issue 7, the season benchmark).
--
-- Until now the application took the tenant's chain lock, read the head, hashed and inserted in
-- separate round trips and then committed: the lock was held across four trips to the client, and
-- with every core busy (a worker issuing a regency's documents on 16 threads) the holder waited
-- for the CPU between them while the tenant's other writers waited for the lock. Now the
-- application sends this call together with COMMIT (PostgresConnection.deferUntilCommit), so the
-- lock is held only while the server appends and commits.
--
-- The chain is unchanged (0003): hash = sha256(prev_hash || canonical_json(entry)). The
-- application sends each entry's canonical JSON split around its number (Sources/Kinerja/Audit/
-- AuditEntry.swift, canonicalJSONAroundSeq: prefix || seq || suffix), since only the server
-- knows the number under the lock; AuditLog.verify recomputes every hash from the stored columns.
-- SECURITY INVOKER: the caller's row-level security applies to the head read and the inserts.
CREATE FUNCTION audit_append(p_tenant uuid, p_at text[], p_actor text[], p_action text[], p_entity text[],
                             p_entity_id text[], p_before text[], p_after text[], p_prefix text[], p_suffix text[])
    RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    head_seq  bigint;
    head_hash bytea;
    next_hash bytea;
BEGIN
    -- Class "AUDT" (0x41554454), object hashtext(tenant id): AuditLog.lockClass, so appenders
    -- still on the old path would queue behind this one.
    PERFORM pg_advisory_xact_lock(1096107092, hashtext(p_tenant::text));
    -- A new statement, so a new snapshot: it sees the head the previous holder committed.
    SELECT seq, hash INTO head_seq, head_hash FROM audit_log WHERE tenant_id = p_tenant ORDER BY seq DESC LIMIT 1;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    FOR i IN 1 .. coalesce(cardinality(p_prefix), 0) LOOP
        next_hash := sha256(head_hash || convert_to(p_prefix[i] || (head_seq + i)::text || p_suffix[i], 'UTF8'));
        INSERT INTO audit_log (tenant_id, seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
        VALUES (p_tenant, head_seq + i, p_at[i]::timestamptz, p_actor[i], p_action[i], p_entity[i], p_entity_id[i],
                p_before[i]::jsonb, p_after[i]::jsonb, head_hash, next_hash);
        head_hash := next_hash;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION audit_append(uuid, text[], text[], text[], text[], text[], text[], text[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, text[], text[], text[], text[], text[], text[], text[], text[], text[]) TO kinerja_app;
