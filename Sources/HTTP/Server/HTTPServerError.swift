import Glibc

/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// A system call failed with `errno`.
    case systemCall(String, errno: Int32)
    /// The host is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// `start()` was called on a server that was already started.
    case alreadyStarted

    public var description: String {
        switch self {
        case .systemCall(let name, let code): "\(name) failed: \(String(cString: strerror(code)))"
        case .invalidHost(let host): "invalid listen address \"\(host)\" (use a numeric IPv4 or IPv6 address)"
        case .alreadyStarted: "the server was already started"
        }
    }
}
