import Postgres

/// The leader's periodic work. Each sweep touches at most `sweepBatchSize` rows per statement,
/// so it never holds many locks or a long transaction; the leader calls them every tick.
/// They are safe to run from several processes at once (rows are locked with SKIP LOCKED and
/// every update re-checks its condition), the leader only avoids duplicated effort.
extension JobQueue {
    /// What one maintenance tick did.
    public struct MaintenanceReport: Sendable, Equatable {
        /// Scheduled or retryable jobs that became available.
        public var promoted = 0
        /// Running jobs without a recent heartbeat returned to retryable (or discarded).
        public var rescued = 0
        /// Finished jobs deleted.
        public var deleted = 0
        /// Periodic occurrences inserted.
        public var scheduled = 0
    }

    /// Runs every sweep once: periodic schedules, promotion, rescue, cleanup.
    @discardableResult
    public func runMaintenance() throws -> MaintenanceReport {
        var report = MaintenanceReport()
        report.scheduled = try fireDueSchedules()
        report.promoted = try promoteDueJobs()
        report.rescued = try rescueStuckJobs()
        report.deleted = try deleteFinishedJobs()
        return report
    }

    /// Makes due `scheduled` and `retryable` jobs `available`, and notifies when any did.
    @discardableResult
    public func promoteDueJobs() throws -> Int {
        try pool.withConnection { connection in
            let rows = try connection.query("""
                WITH due AS (
                    SELECT id FROM jobs
                     WHERE state IN ('scheduled', 'retryable') AND scheduled_at <= now()
                     ORDER BY scheduled_at
                     LIMIT \(configuration.sweepBatchSize)
                     FOR UPDATE SKIP LOCKED
                ), promoted AS (
                    UPDATE jobs SET state = 'available'
                      FROM due
                     WHERE jobs.id = due.id AND jobs.state IN ('scheduled', 'retryable')
                    RETURNING jobs.queue
                )
                SELECT queue, count(*) FROM promoted GROUP BY queue
                """)
            var total = 0
            for row in rows {
                let (queue, count) = try row.decode((String, Int).self)
                total += count
                try connection.notify(configuration.channel, payload: queue)
            }
            return total
        }
    }

    /// Returns running jobs whose heartbeat is older than `rescueAfter` (their worker died or
    /// hangs) to `retryable`, due at once, with an error saying so; a job on its last attempt is
    /// discarded instead. The update is guarded by the attempt it saw, so a run that completed
    /// meanwhile stays completed, and the old worker's late completion fails its own guard.
    @discardableResult
    public func rescueStuckJobs() throws -> Int {
        let bound = Double(configuration.rescueAfter.components.seconds)
            + Double(configuration.rescueAfter.components.attoseconds) / 1e18
        return try pool.withConnection { connection in
            try connection.execute("""
                WITH stuck AS (
                    SELECT id, attempt FROM jobs
                     WHERE state = 'running' AND heartbeat_at < now() - make_interval(secs => \(bound))
                     ORDER BY heartbeat_at
                     LIMIT \(configuration.sweepBatchSize)
                     FOR UPDATE SKIP LOCKED
                )
                UPDATE jobs
                   SET state = CASE WHEN jobs.attempt >= jobs.max_attempts THEN 'discarded'
                                    ELSE 'retryable' END::job_state,
                       finalized_at = CASE WHEN jobs.attempt >= jobs.max_attempts THEN now() END,
                       scheduled_at = now(), heartbeat_at = NULL,
                       errors = jobs.errors || jsonb_build_array(jsonb_build_object(
                           'attempt', jobs.attempt,
                           'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'error', 'rescued: no heartbeat from ' || coalesce(jobs.attempted_by, 'unknown worker')))
                  FROM stuck
                 WHERE jobs.id = stuck.id AND jobs.attempt = stuck.attempt AND jobs.state = 'running'
                """)
        }
    }

    /// Deletes completed jobs older than `completedRetention` and discarded or cancelled ones
    /// older than `discardedRetention`, at most `sweepBatchSize` of each per call.
    @discardableResult
    public func deleteFinishedJobs() throws -> Int {
        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        let completed = seconds(configuration.completedRetention)
        let discarded = seconds(configuration.discardedRetention)
        let limit = configuration.sweepBatchSize
        return try pool.withConnection { connection in
            try connection.execute("""
                DELETE FROM jobs WHERE id IN (
                    (SELECT id FROM jobs
                      WHERE state = 'completed' AND finalized_at < now() - make_interval(secs => \(completed))
                      ORDER BY state, finalized_at LIMIT \(limit))
                    UNION ALL
                    (SELECT id FROM jobs
                      WHERE state IN ('discarded', 'cancelled') AND finalized_at < now() - make_interval(secs => \(discarded))
                      ORDER BY state, finalized_at LIMIT \(limit)))
                """)
        }
    }
}
