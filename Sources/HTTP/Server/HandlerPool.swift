import Dispatch
import Foundation
import Glibc

/// A fixed set of OS threads that run handlers. Handlers are synchronous and may block (on
/// PostgreSQL, for milliseconds), which is why they do not run on Swift's cooperative pool.
///
/// A busy thread takes the next job without sleeping, and a submission wakes only as many idle
/// threads as there are new jobs, so under load few futex calls happen per request.
///
/// `@unchecked Sendable` is safe because `jobs`, `head`, `idle` and `stopping` are read and
/// written only while holding `mutex`; the pthread objects live as long as the pool.
final class HandlerPool: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [Exchange] = []
    private var head = 0
    private var idle = 0
    private var stopping = false
    private let running = DispatchGroup()
    private let threadCount: Int
    private let namePrefix: String

    init(threads: Int, namePrefix: String) {
        threadCount = max(1, threads)
        self.namePrefix = namePrefix
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts the threads; each runs `respond` on jobs and passes the result to `complete`.
    func start(responder: Responder, complete: @escaping @Sendable (Completion) -> Void) {
        for index in 0..<threadCount {
            running.enter()
            let name = "\(namePrefix)-handler-\(index)"
            let thread = Thread { [self] in
                nameCurrentThread(name)
                var ids = RequestIDGenerator()
                var date = HTTPDate()
                while let job = take() {
                    complete(responder.respond(job, ids: &ids, date: &date))
                }
                running.leave()
            }
            thread.stackSize = 2 << 20
            thread.start()
        }
    }

    /// The next job, waiting for one; nil once stopping.
    private func take() -> Exchange? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == jobs.count && !stopping {
            idle += 1
            pthread_cond_wait(condition, mutex)
            idle -= 1
        }
        if stopping { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }

    /// Queues jobs for the handler threads.
    func submit(_ batch: [Exchange]) {
        guard !batch.isEmpty else { return }
        pthread_mutex_lock(mutex)
        jobs.append(contentsOf: batch)
        let wake = min(idle, batch.count)
        pthread_mutex_unlock(mutex)
        for _ in 0..<wake { pthread_cond_signal(condition) }
    }

    /// Drops queued jobs, lets running handlers finish, and waits for the threads until
    /// `deadline`; returns whether all exited.
    @discardableResult
    func stop(deadline: DispatchTime) -> Bool {
        pthread_mutex_lock(mutex)
        stopping = true
        jobs.removeAll()
        head = 0
        pthread_mutex_unlock(mutex)
        pthread_cond_broadcast(condition)
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
