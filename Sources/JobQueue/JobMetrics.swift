import Foundation
import Runtime
import Synchronization

/// Counters and histograms of one worker process, rendered in the Prometheus text format for
/// `/metrics`. Labels are the queue, the job kind and the tenant (`platform` for jobs without
/// one): a handful of regencies and kinds, so the series stay few. Kinds are bounded by the
/// handlers: a worker claims only kinds it has registered. Never a job id.
/// The database's own view (jobs by state) is `JobStateGauge`.
public final class JobMetrics: Sendable {
    /// How a run ended, as counted in `kinerja_jobs_total`.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Completed.
        case completed
        /// Failed; another attempt is planned.
        case retryable
        /// Failed for the last time, or permanently.
        case discarded
        /// Finished, but the run no longer owned the job (rescued or cancelled meanwhile).
        case stale
        /// Given back at shutdown (never started, or interrupted).
        case released
    }

    private struct Key: Hashable, Comparable {
        var kind: String
        var tenant: String
        var outcome: String
        static func < (a: Key, b: Key) -> Bool { (a.kind, a.tenant, a.outcome) < (b.kind, b.tenant, b.outcome) }
    }

    private struct State {
        var jobs: [Key: Int] = [:]
        var started: [Key: Int] = [:]
        var failures: [String: Int] = [:]
        var discards: [String: Int] = [:]
        var pickup: [String: LatencyHistogram] = [:]
        var duration = LatencyHistogram()
        var claims = 0
        var claimedJobs = 0
        var completionCommits = 0
        var completedInBatches = 0
    }

    /// The queue name every series carries.
    public let queue: String
    private let state = Mutex(State())

    /// Empty metrics for `queue`.
    public init(queue: String) {
        self.queue = queue
    }

    static func tenantLabel(_ tenantID: UUID?) -> String {
        tenantID.map { $0.uuidString.lowercased() } ?? "platform"
    }

    /// A claim statement returned `count` jobs.
    func recordClaim(count: Int) {
        state.withLock {
            $0.claims += 1
            $0.claimedJobs += count
        }
    }

    /// A handler started, `pickup` seconds after the job was enqueued (or became due).
    func recordStart(_ job: Job, pickup: Double) {
        state.withLock {
            $0.started[Key(kind: job.kind, tenant: Self.tenantLabel(job.tenantID), outcome: "started"), default: 0] += 1
            $0.pickup[job.kind, default: LatencyHistogram()].observe(pickup)
        }
    }

    /// A run ended after `duration` seconds (nil when it never ran) with `outcome`.
    func recordOutcome(_ job: Job, _ outcome: Outcome, duration: Double?) {
        state.withLock {
            $0.jobs[Key(kind: job.kind, tenant: Self.tenantLabel(job.tenantID), outcome: outcome.rawValue), default: 0] += 1
            if outcome == .retryable || outcome == .discarded { $0.failures[job.kind, default: 0] += 1 }
            if outcome == .discarded { $0.discards[job.kind, default: 0] += 1 }
            if let duration { $0.duration.observe(duration) }
        }
    }

    /// One completion statement committed `count` completions.
    func recordCompletionCommit(count: Int) {
        state.withLock {
            $0.completionCommits += 1
            $0.completedInBatches += count
        }
    }

    /// Claim statements run so far, and the jobs they returned.
    public var claimTotals: (claims: Int, jobs: Int) { state.withLock { ($0.claims, $0.claimedJobs) } }

    /// Completion statements committed so far, and the completions they carried.
    public var completionTotals: (commits: Int, jobs: Int) { state.withLock { ($0.completionCommits, $0.completedInBatches) } }

    /// Runs that ended with `outcome`, over all kinds and tenants.
    public func count(_ outcome: Outcome) -> Int {
        state.withLock { $0.jobs.filter { $0.key.outcome == outcome.rawValue }.values.reduce(0, +) }
    }

    /// The pickup latency histogram so far, over all kinds.
    public var pickupLatency: LatencyHistogram {
        state.withLock { s in
            s.pickup.values.reduce(into: LatencyHistogram()) { $0.merge($1) }
        }
    }

    /// Everything in the Prometheus text exposition format (version 0.0.4).
    public func render() -> String {
        let s = state.withLock { $0 }
        let q = "queue=\"\(PrometheusText.escape(queue))\""
        var out = ""
        out += "# HELP kinerja_jobs_total Job runs that ended, by kind, tenant and outcome.\n"
        out += "# TYPE kinerja_jobs_total counter\n"
        for (key, n) in s.jobs.sorted(by: { $0.key < $1.key }) {
            out += "kinerja_jobs_total{\(q),kind=\"\(PrometheusText.escape(key.kind))\",tenant=\"\(key.tenant)\",outcome=\"\(key.outcome)\"} \(n)\n"
        }
        out += "# HELP kinerja_jobs_started_total Handlers started, by kind and tenant.\n"
        out += "# TYPE kinerja_jobs_started_total counter\n"
        for (key, n) in s.started.sorted(by: { $0.key < $1.key }) {
            out += "kinerja_jobs_started_total{\(q),kind=\"\(PrometheusText.escape(key.kind))\",tenant=\"\(key.tenant)\"} \(n)\n"
        }
        out += "# HELP kinerja_job_failures_total Failed runs (retryable or discarded), by kind.\n"
        out += "# TYPE kinerja_job_failures_total counter\n"
        for (kind, n) in s.failures.sorted(by: { $0.key < $1.key }) {
            out += "kinerja_job_failures_total{\(q),kind=\"\(PrometheusText.escape(kind))\"} \(n)\n"
        }
        out += "# HELP kinerja_job_discards_total Runs that ended with the job discarded, by kind.\n"
        out += "# TYPE kinerja_job_discards_total counter\n"
        for (kind, n) in s.discards.sorted(by: { $0.key < $1.key }) {
            out += "kinerja_job_discards_total{\(q),kind=\"\(PrometheusText.escape(kind))\"} \(n)\n"
        }
        out += "# HELP kinerja_job_pickup_seconds Time from enqueue (or due time) to handler start, by kind.\n"
        out += "# TYPE kinerja_job_pickup_seconds histogram\n"
        for (kind, histogram) in s.pickup.sorted(by: { $0.key < $1.key }) {
            histogram.render(name: "kinerja_job_pickup_seconds", labels: q + ",kind=\"\(PrometheusText.escape(kind))\"", into: &out)
        }
        out += "# HELP kinerja_job_duration_seconds Handler run time.\n"
        out += "# TYPE kinerja_job_duration_seconds histogram\n"
        s.duration.render(name: "kinerja_job_duration_seconds", labels: q, into: &out)
        out += "# HELP kinerja_job_claims_total Claim statements that returned jobs.\n"
        out += "# TYPE kinerja_job_claims_total counter\n"
        out += "kinerja_job_claims_total{\(q)} \(s.claims)\n"
        out += "# HELP kinerja_job_claimed_total Jobs returned by claim statements.\n"
        out += "# TYPE kinerja_job_claimed_total counter\n"
        out += "kinerja_job_claimed_total{\(q)} \(s.claimedJobs)\n"
        out += "# HELP kinerja_job_completion_commits_total Batched completion statements.\n"
        out += "# TYPE kinerja_job_completion_commits_total counter\n"
        out += "kinerja_job_completion_commits_total{\(q)} \(s.completionCommits)\n"
        return out
    }

}
