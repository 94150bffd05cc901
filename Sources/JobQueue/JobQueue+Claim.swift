import Postgres

extension JobQueue {
    /// Claims up to `batch` available jobs of this queue for worker `workerID`, in one statement
    /// that commits before this returns: each job is now `running` with `attempt + 1` and a fresh
    /// heartbeat, and no other claimer can have it.
    ///
    /// Fairness: the statement walks the distinct tenants that have available jobs (a skip scan
    /// over the partial fetch index, at most `fairnessWidth` of them; platform jobs count as one
    /// tenant), locks each tenant's oldest rows in `(priority, scheduled_at, id)` order with
    /// `FOR UPDATE SKIP LOCKED`, and then takes the batch round-robin: every tenant's first job,
    /// then every tenant's second, and so on (a more urgent priority still goes first). A tenant
    /// with 20,000 queued jobs therefore takes at most its share of each batch. Rows locked but
    /// not taken are released when the statement commits.
    ///
    /// The locking happens inside CTEs, which PostgreSQL runs once; an `IN (subquery LIMIT n)`
    /// may be re-run by the planner and claim more than n rows. `attempt < max_attempts` is part
    /// of the selection, so a job out of attempts is never claimed again.
    ///
    /// `kinds` (nil: every kind) limits the claim to the kinds the caller can run. A job of another
    /// kind stays `available` for a worker that knows it (a rolling deployment may run old and new
    /// workers side by side); claiming it only to fail it would burn its attempts and end in
    /// `discarded`. Kind is not in the fetch index, so rows of unknown kinds are filtered, not
    /// skipped by the index: they cost a scan step each, which matters only if many pile up.
    public func claim(batch: Int, workerID: String, kinds: [String]? = nil) throws -> [Job] {
        guard batch > 0 else { return [] }
        return try pool.withConnection { connection in
            try claim(on: connection, batch: batch, workerID: workerID, kinds: kinds)
        }
    }

    /// `claim` on a given connection (outside a transaction, so the claim commits at once).
    public func claim(on connection: PostgresConnection, batch: Int, workerID: String,
                      kinds: [String]? = nil) throws -> [Job] {
        let queue = configuration.name
        let width = configuration.fairnessWidth
        let rows = try connection.query("""
            WITH RECURSIVE fair_keys AS (
                (SELECT coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, 1 AS n
                   FROM jobs
                  WHERE state = 'available' AND queue = \(queue)
                    AND (\(nullable: kinds)::text[] IS NULL OR kind = ANY(\(nullable: kinds)::text[]))
                  ORDER BY 1 LIMIT 1)
                UNION ALL
                SELECT (SELECT coalesce(j.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)
                          FROM jobs j
                         WHERE j.state = 'available' AND j.queue = \(queue)
                           AND (\(nullable: kinds)::text[] IS NULL OR j.kind = ANY(\(nullable: kinds)::text[]))
                           AND coalesce(j.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid) > f.k
                         ORDER BY 1 LIMIT 1),
                       f.n + 1
                  FROM fair_keys f
                 WHERE f.k IS NOT NULL AND f.n < \(width)
            ), locked AS (
                SELECT f.k, c.id, c.priority, c.scheduled_at
                  FROM fair_keys f
                 CROSS JOIN LATERAL (
                    SELECT j.id, j.priority, j.scheduled_at
                      FROM jobs j
                     WHERE j.state = 'available' AND j.queue = \(queue)
                       AND coalesce(j.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid) = f.k
                       AND j.scheduled_at <= now() AND j.attempt < j.max_attempts
                       AND (\(nullable: kinds)::text[] IS NULL OR j.kind = ANY(\(nullable: kinds)::text[]))
                     ORDER BY j.priority, j.scheduled_at, j.id
                     LIMIT \(batch)
                     FOR UPDATE SKIP LOCKED) c
                 WHERE f.k IS NOT NULL
            ), picked AS (
                SELECT id, priority, turn
                  FROM (SELECT id, priority, scheduled_at,
                               row_number() OVER (PARTITION BY k ORDER BY priority, scheduled_at, id) AS turn
                          FROM locked) r
                 ORDER BY priority, turn, scheduled_at, id
                 LIMIT \(batch)
            )
            UPDATE jobs
               SET state = 'running', attempt = jobs.attempt + 1, attempted_at = now(),
                   attempted_by = \(workerID), heartbeat_at = now()
              FROM picked
             WHERE jobs.id = picked.id
            RETURNING \(unescaped: Job.qualifiedColumns),
                      extract(epoch FROM now() - greatest(jobs.created_at, jobs.scheduled_at))::float8 AS pickup_delay,
                      picked.turn
            """)
        var claimed: [(job: Job, turn: Int)] = []
        claimed.reserveCapacity(rows.count)
        for row in rows {
            var job = try Job(row: row)
            job.pickupDelay = try row.decode(Double.self, column: "pickup_delay")
            claimed.append((job, try row.decode(Int.self, column: "turn")))
        }
        // RETURNING follows no order; hand jobs out in the fair order the claim chose.
        claimed.sort { ($0.job.priority, $0.turn, $0.job.id) < ($1.job.priority, $1.turn, $1.job.id) }
        return claimed.map(\.job)
    }
}
