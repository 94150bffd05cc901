import Foundation
import Postgres

/// The worker's threads. Each loop takes what it needs from the shared state under its lock,
/// does database work without the lock, and puts results back under the lock.
extension JobWorker {
    /// Claims when woken (NOTIFY, start, listener reconnect), when the last claim came back full,
    /// or when the polling interval passed; but only while fewer jobs wait in memory than there
    /// are threads, so claimed jobs do not sit unstarted for long.
    func fetchLoop() {
        var nextPoll = ContinuousClock.now + configuration.pollInterval
        let limit = configuration.threads + configuration.batchSize
        while true {
            var reason = WakeReason.poll
            var want = 0
            state.condition.lock()
            while true {
                if state.stopping {
                    state.condition.unlock()
                    return
                }
                let held = state.buffer.count + state.running.count
                let room = limit - held
                if room > 0, state.buffer.count < configuration.threads {
                    if let pending = state.pendingWake {
                        reason = pending
                    } else if state.moreLikely {
                        reason = .moreWork
                    } else if ContinuousClock.now >= nextPoll {
                        reason = .poll
                    } else {
                        _ = state.condition.wait(until: Date(timeIntervalSinceNow: seconds(nextPoll - .now)))
                        continue
                    }
                    state.pendingWake = nil
                    want = min(room, configuration.batchSize)
                    break
                }
                // Full: wait for a thread to take a job (it broadcasts), polling time or not.
                _ = state.condition.wait(until: Date(timeIntervalSinceNow: seconds(configuration.pollInterval)))
            }
            state.condition.unlock()

            let jobs: [Job]
            do {
                // Only kinds with a handler here: a job of an unknown kind stays queued for a
                // worker that knows it (JobQueue.claim), rather than failing here until discarded.
                let kinds = handlers.withLock { Array($0.keys) }
                jobs = try queue.claim(batch: want, workerID: configuration.workerID, kinds: kinds)
            } catch {
                logger.warning("claim failed", ["error": .string(String(describing: error))])
                state.locked { state.moreLikely = false }
                pause(.seconds(1))
                continue
            }
            nextPoll = .now + configuration.pollInterval
            metrics.recordClaim(count: jobs.count)
            let now = ContinuousClock.now
            state.locked {
                state.moreLikely = jobs.count == want
                guard !jobs.isEmpty else { return }
                state.buffer += jobs.map { JobWorkerState.Claimed(job: $0, claimedAt: now) }
                state.claimLog.append(.init(reason: reason, ids: jobs.map(\.id)))
                if state.claimLog.count > 1000 { state.claimLog.removeFirst(state.claimLog.count - 1000) }
                state.condition.broadcast()
            }
        }
    }

    /// Takes claimed jobs and runs their handlers, outside any transaction: one job at a time, or
    /// for a kind with a batch handler, that job and the others of its kind waiting in memory.
    func workLoop() {
        while true {
            state.condition.lock()
            while state.buffer.isEmpty && !state.stopping {
                state.condition.wait()
            }
            if state.stopping {
                state.condition.unlock()
                return
            }
            let first = state.buffer.removeFirst()
            let registration = handlers.withLock { $0[first.job.kind] }
            var taken = [first]
            var index = 0
            while taken.count < registration?.limit ?? 1, index < state.buffer.count {
                if state.buffer[index].job.kind == first.job.kind {
                    taken.append(state.buffer.remove(at: index))
                } else {
                    index += 1
                }
            }
            let startedAt = ContinuousClock.now
            for claimed in taken {
                state.running[claimed.job.id] = JobWorkerState.Running(job: claimed.job, startedAt: startedAt)
            }
            state.condition.broadcast()  // room for the fetcher
            state.condition.unlock()

            for claimed in taken {
                metrics.recordStart(claimed.job, pickup: (claimed.job.pickupDelay ?? 0) + seconds(startedAt - claimed.claimedAt))
            }
            let jobs = taken.map(\.job)
            let results = run(jobs, registration)
            let duration = seconds(.now - startedAt)

            state.locked {
                for (job, result) in zip(jobs, results) {
                    state.running[job.id] = nil
                    if state.crashed || state.abandoned.remove(job.id) != nil { continue }
                    switch result {
                    case .success:
                        state.completions.append((job, duration))
                    case .failure(let error as PermanentJobError):
                        state.failures.append(.init(job: job, error: error.reason, permanent: true, duration: duration))
                    case .failure(let error):
                        state.failures.append(.init(job: job, error: String(describing: error), permanent: false,
                                                    duration: duration))
                    }
                }
                state.condition.broadcast()
            }
        }
    }

    /// Runs `jobs` (one, or a batch of one kind) through what is registered; one result per job.
    private func run(_ jobs: [Job], _ registration: Registration?) -> [Result<Void, any Error>] {
        switch registration {
        case .single(let handler)?:
            return jobs.map { job in Result { try handler(job) } }
        case .batch(_, let handler)?:
            let results = handler(jobs)
            guard results.count == jobs.count else {
                let error = BatchResultCountMismatch(expected: jobs.count, got: results.count)
                return jobs.map { _ in .failure(error) }
            }
            return results
        case nil:
            // Not reached: claims ask only for registered kinds and handlers are never removed.
            // Should it happen, another deployment may know the kind: retry rather than discard.
            return jobs.map { job in .failure(UnknownKind(kind: job.kind)) }
        }
    }

    /// A batch handler answered for more or fewer jobs than it was given: all of them are retried.
    struct BatchResultCountMismatch: Error, CustomStringConvertible {
        let expected: Int, got: Int
        var description: String { "batch handler returned \(got) results for \(expected) jobs" }
    }

    /// No handler for the kind in this process.
    struct UnknownKind: Error, CustomStringConvertible {
        let kind: String
        var description: String { "no handler registered for kind \(kind)" }
    }

    /// Writes results: all completions that piled up in one statement, then each failure.
    /// A database error keeps the results and tries again; the guard makes repeats harmless.
    func completeLoop() {
        while true {
            state.condition.lock()
            while state.completions.isEmpty && state.failures.isEmpty && !state.completerStop && !state.crashed {
                _ = state.condition.wait(until: Date(timeIntervalSinceNow: 1))
            }
            if state.crashed || (state.completerStop && state.completions.isEmpty && state.failures.isEmpty) {
                state.condition.unlock()
                return
            }
            // Group commit: let the runs finishing just now join this statement. Each statement
            // commits synchronously (one WAL flush) and is planned for its array's length, and a
            // busy worker otherwise wrote ~1.4 jobs per statement (20,883 for a season's 29,760).
            let linger = Date(timeIntervalSinceNow: seconds(configuration.completionLinger))
            while state.completions.count < Self.completionGroup && !state.completerStop && !state.crashed
                    && !state.stopping && Date() < linger {
                _ = state.condition.wait(until: linger)
            }
            let completions = state.completions
            let failures = state.failures
            state.completions.removeAll()
            state.failures.removeAll()
            state.condition.unlock()

            do {
                try writeCompletions(completions)
            } catch {
                logger.warning("completing jobs failed; will retry", ["error": .string(String(describing: error))])
                state.locked { state.completions = completions + state.completions }
                pause(.milliseconds(500))
            }
            var unwritten: [JobWorkerState.Failure] = []
            for failure in failures {
                do {
                    let outcome = try queue.fail(id: failure.job.id, attempt: failure.job.attempt,
                                                 error: failure.error, permanent: failure.permanent)
                    switch outcome {
                    case .retryable: metrics.recordOutcome(failure.job, .retryable, duration: failure.duration)
                    case .discarded: metrics.recordOutcome(failure.job, .discarded, duration: failure.duration)
                    case .stale: metrics.recordOutcome(failure.job, .stale, duration: failure.duration)
                    }
                    logger.info("job failed", ["job.id": .int(failure.job.id), "job.kind": .string(failure.job.kind),
                                               "attempt": .int(failure.job.attempt), "outcome": .string("\(outcome)")])
                } catch {
                    unwritten.append(failure)
                }
            }
            if !unwritten.isEmpty {
                logger.warning("recording job failures failed; will retry", ["count": .int(unwritten.count)])
                state.locked { state.failures = unwritten + state.failures }
                pause(.milliseconds(500))
            }
        }
    }

    /// Completions that are written at once, without waiting for more.
    static let completionGroup = 100

    private func writeCompletions(_ completions: [(job: Job, duration: Double)]) throws {
        var index = 0
        while index < completions.count {
            let chunk = completions[index..<min(index + 1000, completions.count)]
            let done = try queue.pool.withConnection { connection in
                try queue.completedIDs(chunk.map { JobRun($0.job) }, on: connection)
            }
            metrics.recordCompletionCommit(count: done.count)
            for (job, duration) in chunk {
                metrics.recordOutcome(job, done.contains(job.id) ? .completed : .stale, duration: duration)
            }
            index += chunk.count
        }
    }

    /// Refreshes the heartbeat of every job this worker holds (waiting or running).
    func heartbeatLoop() {
        while true {
            let deadline = ContinuousClock.now + configuration.heartbeatInterval
            state.condition.lock()
            while !state.completerStop && !state.crashed && ContinuousClock.now < deadline {
                _ = state.condition.wait(until: Date(timeIntervalSinceNow: seconds(deadline - .now)))
            }
            if state.completerStop || state.crashed {
                state.condition.unlock()
                return
            }
            let runs = state.buffer.map { JobRun($0.job) } + state.running.values.map { JobRun($0.job) }
            state.condition.unlock()
            do {
                try queue.heartbeat(runs)
            } catch {
                logger.warning("heartbeat failed", ["error": .string(String(describing: error))])
            }
        }
    }

    func pause(_ duration: Duration) {
        state.locked {
            let deadline = Date(timeIntervalSinceNow: seconds(duration))
            while !state.stopping && !state.crashed && Date() < deadline {
                _ = state.condition.wait(until: deadline)
            }
        }
    }

    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
