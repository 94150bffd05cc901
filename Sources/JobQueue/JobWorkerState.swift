import Foundation

/// The mutable heart of a `JobWorker`: claimed jobs waiting for a thread, runs in progress, and
/// results waiting to be written. Every field is read and written only while holding
/// `condition`, and every change that another thread may wait for ends with a broadcast.
// @unchecked Sendable: all stored properties are guarded by `condition` (see above).
final class JobWorkerState: @unchecked Sendable {
    /// A claimed job waiting for a worker thread.
    struct Claimed {
        var job: Job
        var claimedAt: ContinuousClock.Instant
    }

    /// A run in progress.
    struct Running {
        var job: Job
        var startedAt: ContinuousClock.Instant
    }

    /// A failed run waiting to be recorded.
    struct Failure {
        var job: Job
        var error: String
        var permanent: Bool
        var duration: Double
    }

    /// One claim that returned jobs, for `JobWorker.claimLog`.
    struct ClaimRecord {
        var reason: WakeReason
        var ids: [Int]
    }

    let condition = NSCondition()
    var buffer: [Claimed] = []
    var running: [Int: Running] = [:]
    var completions: [(job: Job, duration: Double)] = []
    var failures: [Failure] = []
    var pendingWake: WakeReason?
    var moreLikely = false
    /// No more claims, and worker threads take no more jobs.
    var stopping = false
    /// The completer may exit once everything queued is written.
    var completerStop = false
    /// Simulated crash: nothing more is written to the database.
    var crashed = false
    /// Runs given back at shutdown whose handlers may still return: their results are dropped.
    var abandoned: Set<Int> = []
    var claimLog: [ClaimRecord] = []

    /// Runs `body` holding the lock.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }
}
