import Foundation

extension JobWorker {
    /// Stops gracefully and waits: claims nothing more, makes claimed-but-unstarted jobs
    /// available again (attempt given back), waits up to `grace` (default: the configured grace
    /// period) for running handlers, writes their results, then makes the handlers still running
    /// retryable (attempt kept, one more attempt allowed; their late results are dropped and would
    /// fail the completion guard anyway). Stops the heartbeats, the listener and the leader.
    @discardableResult
    public func stop(grace: Duration? = nil) -> StopReport {
        let first = lifecycle.withLock { l in
            defer { l.stopped = true }
            return l.started && !l.stopped
        }
        guard first else { return StopReport(releasedUnstarted: 0, interrupted: 0) }
        let unstarted = state.locked {
            state.stopping = true
            let jobs = state.buffer.map(\.job)
            state.buffer.removeAll()
            state.condition.broadcast()
            return jobs
        }
        var released = 0
        do {
            released = try queue.releaseUnstarted(unstarted.map(JobRun.init))
            for job in unstarted { metrics.recordOutcome(job, .released, duration: nil) }
        } catch {
            logger.error("releasing unstarted jobs failed; the rescuer will return them",
                         ["error": .string(String(describing: error)), "count": .int(unstarted.count)])
        }

        let deadline = Date(timeIntervalSinceNow: seconds(grace ?? configuration.gracePeriod))
        let leftover = state.locked {
            while !state.running.isEmpty && Date() < deadline {
                _ = state.condition.wait(until: deadline)
            }
            let jobs = state.running.values.map(\.job)
            state.abandoned.formUnion(jobs.map(\.id))
            state.running.removeAll()
            state.completerStop = true
            state.condition.broadcast()
            return jobs
        }
        var interrupted = 0
        if !leftover.isEmpty {
            do {
                interrupted = try queue.releaseInterrupted(leftover.map(JobRun.init))
                for job in leftover { metrics.recordOutcome(job, .released, duration: nil) }
            } catch {
                logger.error("releasing interrupted jobs failed; the rescuer will return them",
                             ["error": .string(String(describing: error)), "count": .int(leftover.count)])
            }
        }
        joinBackgroundThreads()
        logger.info("job worker stopped", ["released": .int(released), "interrupted": .int(interrupted)])
        return StopReport(releasedUnstarted: released, interrupted: interrupted)
    }

    /// For tests: dies like a killed process. Nothing more reaches the database (no release, no
    /// results, no heartbeats), the leader's session closes; handlers still running are left to
    /// return into the void. The rescuer must then return this worker's jobs.
    func simulateCrash() {
        let first = lifecycle.withLock { l in
            defer { l.stopped = true }
            return l.started && !l.stopped
        }
        guard first else { return }
        state.locked {
            state.crashed = true
            state.stopping = true
            state.condition.broadcast()
        }
        joinBackgroundThreads()
    }

    private func joinBackgroundThreads() {
        listener?.stop()
        leader?.stop()
        let count = lifecycle.withLock { $0.backgroundThreads }
        for _ in 0..<count {
            _ = threadsDone.wait(timeout: .now() + 10)
        }
    }
}
