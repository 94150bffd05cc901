import Foundation
import Glibc
import Runtime
import Synchronization
@testable import HTTP

/// A blocking POSIX socket client for tests. Every read has a receive timeout, so no test can
/// hang on a server that does not answer.
final class TestClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One parsed response.
    struct Reply {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw Failure(description: "body is not a JSON object: \(text)")
            }
            return object
        }
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeout: Duration = .seconds(5)) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // No close here: a class whose init throws after its properties are set still runs
        // deinit, which closes the descriptor (closing twice could close someone else's).
        guard result == 0 else { throw Failure(description: "connect: \(errno)") }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            offset += n
        }
    }

    /// Shuts down the sending side.
    func finishSending() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes; 0 at end of stream.
    @discardableResult
    private func fill() throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw Failure(description: "read timed out") }
            if n < 0 { throw Failure(description: "recv: \(errno)") }
            buffer.append(contentsOf: chunk[0..<n])
            return n
        }
    }

    /// Reads one response; `head` true for a HEAD request (no body whatever Content-Length says).
    func readResponse(head: Bool = false) throws -> Reply {
        var found = find([13, 10, 13, 10])
        while found == nil {
            if try fill() == 0 { throw Failure(description: "closed before a response head") }
            found = find([13, 10, 13, 10])
        }
        guard let headEnd = found else { throw Failure(description: "no response head") }
        let lines = String(decoding: buffer[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(headEnd + 4)
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(lines[0])")
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "bad header \(line)") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = head || status < 200 || status == 204 || status == 304
            ? 0 : Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
        while buffer.count < length {
            if try fill() == 0 { throw Failure(description: "closed inside a body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return Reply(status: status, headers: headers, body: body)
    }

    /// Waits for the first bytes of a response.
    func readSome() throws -> Int { try fill() }

    /// Sends `text` and reads the response.
    func roundTrip(_ text: String, head: Bool = false) throws -> Reply {
        try send(text)
        return try readResponse(head: head)
    }

    /// Whether the server closes the connection (end of stream or reset) before the receive
    /// timeout; bytes that arrive first are discarded.
    func isClosedByServer() -> Bool {
        buffer.removeAll()
        while true {
            do {
                if try fill() == 0 { return true }
            } catch let failure as Failure where failure.description.hasPrefix("recv") {
                return true
            } catch {
                return false
            }
        }
    }

    /// Bytes received but not consumed yet, after waiting briefly for more.
    var unreadCount: Int { buffer.count }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where buffer[i] == needle[0] && Array(buffer[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}

/// Starts a server on 127.0.0.1 with an ephemeral port, runs `body`, and always shuts it down.
func withServer(_ configure: (inout HTTPServer.Configuration) -> Void = { _ in },
                logger: Logger? = nil, metrics: HTTPMetrics = HTTPMetrics(),
                routes: (Router) -> Void, _ body: (HTTPServer) throws -> Void) throws {
    var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: logger != nil)
    configure(&configuration)
    let router = Router()
    routes(router)
    let server = HTTPServer(configuration: configuration, router: router, metrics: metrics, logger: logger ?? .silent)
    try server.start()
    defer { server.shutdown(deadline: .seconds(3)) }
    try body(server)
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while clock.now < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// Collects log lines in memory.
final class LogCapture: Sendable {
    private let storage = Mutex<[String]>([])

    var logger: Logger {
        Logger(minimumLevel: .debug, sink: { [self] line in storage.withLock { $0.append(line) } })
    }

    var lines: [String] { storage.withLock { $0 } }

    /// The lines parsed as JSON objects.
    var objects: [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// Open file descriptors of this process.
func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

/// Threads of this process whose name starts with `prefix`.
func threadCount(named prefix: String) -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { task in
        let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
        return name.hasPrefix(prefix)
    }.count
}

/// Sockets of this process whose local TCP port is `port`: the listener and accepted connections.
func socketCount(localPort port: Int) -> Int {
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        guard let text = readProcFile(table) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9, let colon = fields[1].lastIndex(of: ":"),
                  Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return descriptors.filter { fd in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
              target.hasPrefix("socket:[") else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }.count
}

/// The whole of a /proc file, read until end of file (they report a size of 0).
func readProcFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}
