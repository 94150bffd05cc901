import CEpoll
import Glibc

/// The text form of a peer address from `accept4`, for `Request.remoteAddress`.
enum RemoteAddress {
    /// `127.0.0.1` or `2001:db8::1`; an IPv4-mapped IPv6 address (dual-stack listener) is given
    /// in its IPv4 form, so throttling counts one client under one key. Empty when unknown.
    static func text(_ storage: sockaddr_storage) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        var storage = storage
        let family = Int32(storage.ss_family)
        let written: Bool = withUnsafePointer(to: &storage) { pointer in
            switch family {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                    var address = v4.pointee.sin_addr
                    return inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count)) != nil
                }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    var address = v6.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil
                }
            default:
                false
            }
        }
        guard written else { return "" }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("::ffff:"), text.contains(".") { return String(text.dropFirst(7)) }
        return text
    }
}
