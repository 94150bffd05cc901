import Postgres

/// One claimed run of a job: the id and the attempt that names the run. Every update a worker
/// makes is guarded by both, so a stale worker can never change a later run of the same job.
public struct JobRun: Sendable, Hashable {
    /// The job id.
    public var id: Int
    /// The attempt this run was claimed as.
    public var attempt: Int

    /// A run.
    public init(id: Int, attempt: Int) {
        self.id = id
        self.attempt = attempt
    }

    /// The run of a claimed job.
    public init(_ job: Job) {
        self.init(id: job.id, attempt: job.attempt)
    }
}

/// What `fail` did with a job.
public enum FailOutcome: Sendable, Equatable {
    /// Another attempt is planned after the backoff.
    case retryable(delaySeconds: Double)
    /// That was the last attempt (or the failure was permanent); the errors are kept.
    case discarded
    /// The run no longer owned the job (rescued, cancelled or already finished): nothing changed.
    case stale
}

extension JobQueue {
    /// Marks one run completed; false when the run no longer owns the job (the guard
    /// `state = 'running' AND attempt = n` failed: it was rescued, cancelled or finished).
    @discardableResult
    public func complete(id: Int, attempt: Int) throws -> Bool {
        try complete([JobRun(id: id, attempt: attempt)]) == 1
    }

    /// Marks many runs completed in one statement; returns how many still owned their job.
    @discardableResult
    public func complete(_ runs: [JobRun]) throws -> Int {
        guard !runs.isEmpty else { return 0 }
        return try pool.withConnection { connection in
            try complete(runs, on: connection)
        }
    }

    /// `complete` on a given connection (its transaction, if any, is the caller's).
    @discardableResult
    public func complete(_ runs: [JobRun], on connection: PostgresConnection) throws -> Int {
        try completedIDs(runs, on: connection).count
    }

    /// Completes `runs` and returns the ids whose run still owned the job.
    func completedIDs(_ runs: [JobRun], on connection: PostgresConnection) throws -> Set<Int> {
        guard !runs.isEmpty else { return [] }
        let rows = try connection.query("""
            UPDATE jobs
               SET state = 'completed', finalized_at = now()
              FROM unnest(\(runs.map(\.id)), \(runs.map(\.attempt))) AS r(id, attempt)
             WHERE jobs.id = r.id AND jobs.attempt = r.attempt AND jobs.state = 'running'
            RETURNING jobs.id
            """)
        return Set(try rows.map { try $0.decode(Int.self, at: 0) })
    }

    /// Records a failed run: keeps `error` in the job's history and schedules the next attempt
    /// after the backoff, or discards the job when this was its last attempt or `permanent` is
    /// set. Guarded like `complete`: a stale run changes nothing.
    @discardableResult
    public func fail(id: Int, attempt: Int, error: String, permanent: Bool = false) throws -> FailOutcome {
        let delay = max(0, configuration.backoff.delay(attempt))
        // Keep error texts bounded: a handler's error can be huge (a whole response body).
        let text = String(error.prefix(2000))
        let rows = try pool.withConnection { connection in
            try connection.query("""
                UPDATE jobs
                   SET state = CASE WHEN \(permanent) OR attempt >= max_attempts THEN 'discarded'
                                    ELSE 'retryable' END::job_state,
                       scheduled_at = CASE WHEN \(permanent) OR attempt >= max_attempts THEN scheduled_at
                                           ELSE now() + make_interval(secs => \(delay)) END,
                       finalized_at = CASE WHEN \(permanent) OR attempt >= max_attempts THEN now() END,
                       errors = errors || jsonb_build_array(jsonb_build_object(
                           'attempt', attempt,
                           'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'error', \(text)::text))
                 WHERE id = \(id) AND attempt = \(attempt) AND state = 'running'
                RETURNING state
                """)
        }
        guard let row = rows.first else { return .stale }
        return try row.decode(JobState.self, at: 0) == .discarded ? .discarded : .retryable(delaySeconds: delay)
    }

    /// Refreshes the heartbeat of running runs; returns how many still own their job.
    @discardableResult
    public func heartbeat(_ runs: [JobRun]) throws -> Int {
        guard !runs.isEmpty else { return 0 }
        return try pool.withConnection { connection in
            try connection.execute("""
                UPDATE jobs SET heartbeat_at = now()
                  FROM unnest(\(runs.map(\.id)), \(runs.map(\.attempt))) AS r(id, attempt)
                 WHERE jobs.id = r.id AND jobs.attempt = r.attempt AND jobs.state = 'running'
                """)
        }
    }

    /// Gives back runs that were claimed but never started (a stopping worker): they become
    /// available again with their attempt given back, as if never claimed. Safe because no
    /// handler saw them, so no stale completion for that attempt number can arrive later.
    @discardableResult
    public func releaseUnstarted(_ runs: [JobRun]) throws -> Int {
        guard !runs.isEmpty else { return 0 }
        return try pool.withConnection { connection in
            try connection.execute("""
                UPDATE jobs
                   SET state = 'available', attempt = jobs.attempt - 1, attempted_by = NULL,
                       heartbeat_at = NULL, scheduled_at = least(jobs.scheduled_at, now())
                  FROM unnest(\(runs.map(\.id)), \(runs.map(\.attempt))) AS r(id, attempt)
                 WHERE jobs.id = r.id AND jobs.attempt = r.attempt AND jobs.state = 'running'
                """)
        }
    }

    /// Gives back runs whose handlers were still running when the grace period ended: they become
    /// retryable now, keep their attempt number (a late completion from the abandoned handler
    /// then fails its guard), and get one more allowed attempt, since an interrupted run is not
    /// the job's failure. The interruption is recorded in the errors.
    @discardableResult
    public func releaseInterrupted(_ runs: [JobRun], reason: String = "worker stopped before the job finished") throws -> Int {
        guard !runs.isEmpty else { return 0 }
        return try pool.withConnection { connection in
            try connection.execute("""
                UPDATE jobs
                   SET state = 'retryable', scheduled_at = now(), heartbeat_at = NULL,
                       max_attempts = greatest(jobs.max_attempts, jobs.attempt + 1),
                       errors = errors || jsonb_build_array(jsonb_build_object(
                           'attempt', jobs.attempt,
                           'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'error', \(reason)::text))
                  FROM unnest(\(runs.map(\.id)), \(runs.map(\.attempt))) AS r(id, attempt)
                 WHERE jobs.id = r.id AND jobs.attempt = r.attempt AND jobs.state = 'running'
                """)
        }
    }
}
