import CEpoll
import Glibc
import Synchronization

/// Who writes a connection's current response: the reactor, or the handler thread that made it.
///
/// Without it every response went handler → inbox → eventfd → reactor wake → `send`: two extra
/// system calls and usually a context switch per request, on a 2-core machine where the one-row
/// endpoint spent about half its time in the kernel. When the reactor dispatches a request with
/// nothing else of the connection waiting (no buffered or unread bytes, no queued output), it
/// *arms* the slot, and the handler thread sends a keep-alive response itself with one
/// non-blocking `send`. The reactor learns of it lazily, the next time it looks at the
/// connection (its next request arriving, a timer, shutdown), so a plain request–response
/// client costs the reactor no wake-up at all. Measured with `scripts/bench/http`
/// (`wrk -t1 -c64 -d10s`, GET /v1/tenants/karawang): see the commit message and `run()`.
///
/// Everything else falls back to a `Completion` through the reactor, as before: a response that
/// closes the connection, a partial write (the reactor writes the rest and applies the write
/// timeout), and any time the reactor took the slot back first (bytes arrived, so a pipelined
/// request waits and responses must stay in order; a timer fired; shutdown began).
///
/// States, and who moves them:
/// - `idle` → `armed`: reactor, at dispatch.
/// - `armed` → `writing`: handler, before its `send`. `armed` → `released`: reactor (take back).
/// - `writing` → `written`: handler, after sending everything; the reactor continues the
///   connection when it next looks (`reclaim`), moving the slot back to `idle`.
/// - `writing` → `notify`: reactor, which looked while the handler was sending and now waits for
///   a completion; the handler then moves `notify` → `released` and posts one.
/// - `writing`/`notify` → `abandoned`: reactor, closing the connection while the handler sends;
///   the descriptor then belongs to the handler, which closes it (so it is never reused under a
///   handler still writing to it).
/// - `released`/`idle` → `idle`: reactor, when the completion arrives.
final class ResponseSlot: Sendable {
    private enum State: UInt8 {
        case idle, armed, writing, written, notify, released, abandoned
    }

    private let state = Atomic<UInt8>(State.idle.rawValue)
    /// Monotonic nanoseconds when the handler finished writing (read after `written` is seen).
    private let writtenAt = Atomic<Int64>(0)

    // MARK: Reactor

    /// Lets the handler of the request being dispatched write its response itself.
    func arm() {
        state.store(State.armed.rawValue, ordering: .releasing)
    }

    /// A completion of this connection's request arrived: the handler is done with the slot.
    func reset() {
        state.store(State.idle.rawValue, ordering: .releasing)
    }

    /// The reactor looks at a connection whose request is with a handler. Returns when the
    /// handler wrote the whole response itself (the slot is `idle` again, the connection is the
    /// reactor's); nil when a completion will arrive instead (taking the slot back if the handler
    /// had not started writing).
    func reclaim() -> Int64? {
        while true {
            switch load() {
            case .written:
                state.store(State.idle.rawValue, ordering: .relaxed)
                return writtenAt.load(ordering: .relaxed)
            case .armed:
                if exchange(.armed, .released) { return nil }
            case .writing:
                if exchange(.writing, .notify) { return nil }
            case .idle, .notify, .released, .abandoned:
                return nil
            }
        }
    }

    /// The reactor closes the connection. Returns whether it may close the descriptor; false
    /// when a handler is sending on it and will close it itself.
    func surrender() -> Bool {
        while true {
            switch load() {
            case .armed:
                if exchange(.armed, .released) { return true }
            case .writing:
                if exchange(.writing, .abandoned) { return false }
            case .notify:
                if exchange(.notify, .abandoned) { return false }
            case .idle, .written, .released, .abandoned:
                return true
            }
        }
    }

    // MARK: Handler thread

    /// Sends `completion` on its socket when the slot is armed and the response keeps the
    /// connection open. Returns nil when nothing is left for the reactor; otherwise the
    /// completion to hand it (the whole response, or the part a full socket buffer refused).
    func deliver(_ completion: Completion) -> Completion? {
        guard completion.keepAlive, exchange(.armed, .writing) else { return completion }
        let total = completion.bytes.count
        let sent = completion.bytes.withUnsafeBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            var offset = 0
            while offset < total {
                let written = send(completion.fd, base + offset, total - offset, Int32(MSG_NOSIGNAL))
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break  // EAGAIN or an error: the reactor retries and applies its rules.
                }
            }
            return offset
        }
        if sent == total {
            writtenAt.store(MonotonicClock.nanoseconds(), ordering: .relaxed)
            if exchange(.writing, .written) { return nil }
        }
        while true {
            switch load() {
            case .abandoned:
                Glibc.close(completion.fd)
                return nil
            case let current:
                guard exchange(current, .released) else { continue }
                var rest = completion
                rest.bytes = sent == 0 ? completion.bytes : Array(completion.bytes[sent...])
                return rest
            }
        }
    }

    // MARK: Internals

    private func load() -> State {
        State(rawValue: state.load(ordering: .acquiring)) ?? .idle
    }

    private func exchange(_ expected: State, _ desired: State) -> Bool {
        state.compareExchange(expected: expected.rawValue, desired: desired.rawValue,
                              ordering: .acquiringAndReleasing).exchanged
    }
}
