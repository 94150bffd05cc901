import Dispatch
import Foundation
import Glibc
import Synchronization

/// A fixed set of OS threads that run handlers. Handlers are synchronous and may block (on
/// PostgreSQL, for milliseconds), which is why they do not run on Swift's cooperative pool.
final class HandlerPool: Sendable {
    private struct Queue {
        var jobs: [Exchange] = []
        var head = 0
        var stopping = false

        mutating func pop() -> Exchange? {
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            return job
        }
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
    private let running: DispatchGroup = DispatchGroup()
    private let threadCount: Int

    init(threads: Int) {
        threadCount = max(1, threads)
    }

    /// Starts the threads; each runs `respond` on jobs and passes the result to `complete`.
    func start(responder: Responder, complete: @escaping @Sendable (Completion) -> Void) {
        for index in 0..<threadCount {
            running.enter()
            let name = "http-handler-\(index)"
            let thread = Thread { [self] in
                nameCurrentThread(name)
                var ids = RequestIDGenerator()
                while true {
                    available.wait()
                    let next = queue.withLock { queue -> Exchange? in
                        queue.stopping ? nil : queue.pop()
                    }
                    guard let job = next else {
                        if queue.withLock({ $0.stopping }) { break }
                        continue
                    }
                    complete(responder.respond(job, ids: &ids))
                }
                running.leave()
            }
            thread.stackSize = 2 << 20
            thread.start()
        }
    }

    /// Queues a job for the next free thread.
    func submit(_ job: Exchange) {
        queue.withLock { $0.jobs.append(job) }
        available.signal()
    }

    /// Drops queued jobs, lets running handlers finish, and waits for the threads until
    /// `deadline`; returns whether all exited.
    @discardableResult
    func stop(deadline: DispatchTime) -> Bool {
        queue.withLock { queue in
            queue.stopping = true
            queue.jobs.removeAll()
            queue.head = 0
        }
        for _ in 0..<threadCount { available.signal() }
        return running.wait(timeout: deadline) == .success
    }
}

/// Names the calling thread (at most 15 bytes show), so `top -H` and /proc show what it is.
/// (Glibc's module does not import `pthread_setname_np`; writing the comm file does the same.)
func nameCurrentThread(_ name: String) {
    let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}
