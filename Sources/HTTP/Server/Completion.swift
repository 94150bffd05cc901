/// A finished response on its way back to the event loop.
struct Completion: Sendable {
    var fd: Int32
    var generation: UInt64
    var bytes: [UInt8]
    var keepAlive: Bool
}
