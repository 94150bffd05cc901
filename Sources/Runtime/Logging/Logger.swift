import Foundation
import Synchronization

/// Writes one JSON object per line with stable keys (`time`, `level`, `message`, then the
/// metadata). Never pass secrets, passwords, tokens, bodies or bind values as metadata.
public struct Logger: Sendable {
    /// Where finished lines go; stdout in production, a buffer in tests.
    public typealias Sink = @Sendable (String) -> Void

    public let minimumLevel: LogLevel
    private let metadata: [String: LogValue]
    private let sink: Sink

    public init(minimumLevel: LogLevel = .info, metadata: [String: LogValue] = [:],
                sink: @escaping Sink = Logger.standardOutput) {
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.sink = sink
    }

    /// A logger that adds `extra` to every line it writes.
    public func with(_ extra: [String: LogValue]) -> Logger {
        Logger(minimumLevel: minimumLevel, metadata: metadata.merging(extra) { $1 }, sink: sink)
    }

    public func debug(_ message: @autoclosure () -> String, _ extra: [String: LogValue] = [:]) {
        log(.debug, message(), extra)
    }
    public func info(_ message: @autoclosure () -> String, _ extra: [String: LogValue] = [:]) {
        log(.info, message(), extra)
    }
    public func warning(_ message: @autoclosure () -> String, _ extra: [String: LogValue] = [:]) {
        log(.warning, message(), extra)
    }
    public func error(_ message: @autoclosure () -> String, _ extra: [String: LogValue] = [:]) {
        log(.error, message(), extra)
    }

    /// Writes a line when `level` is at or above the minimum.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ extra: [String: LogValue] = [:]) {
        guard level >= minimumLevel else { return }
        var line = "{\"time\":\"\(Logger.timestamp())\",\"level\":\"\(level.rawValue)\",\"message\":"
        JSONText.appendString(message(), to: &line)
        let fields = metadata.merging(extra) { $1 }
        for key in fields.keys.sorted() {
            line += ","
            JSONText.appendString(key, to: &line)
            line += ":"
            fields[key]!.append(to: &line) // allowed: key comes from fields.keys
        }
        line += "}\n"
        sink(line)
    }

    /// Writes to stdout with one `write(2)` per line, so lines from threads never interleave.
    public static let standardOutput: Sink = { line in
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset) // allowed: non-empty buffer
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    /// A logger that discards everything; for tests that do not look at logs.
    public static let silent = Logger(minimumLevel: .error, sink: { _ in })

    static func timestamp(_ date: Date = Date()) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        return date.formatted(style)
    }
}
