import Foundation
import Glibc
import JobQueue

/// Test only, registered only when `KINERJA_WORKER_TEST_RECORD_DIR` is set (never in the
/// ConfigMap): runs `test.record` jobs, whose side effect the several-processes check
/// (scripts/lib/processes-check.sh) counts per job id and per worker process. Each run first
/// appends its job id to `DIR/worker-PID.jobs`, then waits until `DIR/open` exists, so the check
/// can hold the first jobs until every worker process has claimed some.
public final class TestRecordHandler: Sendable {
    /// The job kind it runs.
    public static let kind = "test.record"
    /// The gate is opened within this, or the job goes on without it.
    static let gateWait: Duration = .seconds(60)

    private let descriptor: Int32
    private let gate: String

    /// Opens (creates) this process's record file in `directory`.
    public init(directory: String) throws {
        let path = "\(directory)/worker-\(getpid()).jobs"
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PermanentJobError("cannot open \(path): errno \(errno)") }
        gate = "\(directory)/open"
    }

    deinit { close(descriptor) }

    /// Records one run of `job`, then waits for the gate.
    public func handle(_ job: Job) throws {
        // One write(2) on an O_APPEND descriptor: concurrent threads' lines never interleave.
        let line = Array("\(job.id)\n".utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw PermanentJobError("record write failed: errno \(errno)") }
        let deadline = ContinuousClock.now + Self.gateWait
        while access(gate, F_OK) != 0, ContinuousClock.now < deadline { usleep(5_000) }
    }
}
