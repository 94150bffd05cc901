import Foundation

extension HTTPServer {
    /// Every limit and timeout of the server; tests set short ones.
    public struct Configuration: Sendable {
        /// Numeric listen address, IPv4 or IPv6.
        public var host: String
        /// Listen port; 0 picks a free one (see `HTTPServer.boundPort`).
        public var port: Int
        /// Handler OS threads (default 4 per core); handlers may block, so this bounds concurrent
        /// database work and should match the database pool size.
        public var handlerThreads: Int
        /// Pending connections the kernel queues before `accept`.
        public var backlog: Int32
        /// Open connections at most; beyond it a new connection is accepted and closed at once.
        public var maxConnections: Int
        /// Longest request line (414 beyond).
        public var maxRequestLineLength: Int
        /// Largest header section in bytes (431 beyond).
        public var maxHeaderBytes: Int
        /// Most header fields (431 beyond).
        public var maxHeaderCount: Int
        /// Body limit for routes that set none (413 beyond).
        public var defaultBodyLimit: Int
        /// Time for the whole request head, from its first byte (408 after).
        public var headerTimeout: Duration
        /// Longest pause between body bytes (408 after).
        public var bodyTimeout: Duration
        /// How long an idle keep-alive connection stays open (closed silently after).
        public var keepAliveTimeout: Duration
        /// Longest a response write may stall before the connection is dropped.
        public var writeTimeout: Duration
        /// After an error response, how long the client's remaining input is read and dropped
        /// so it sees the response rather than a reset.
        public var lingerTimeout: Duration
        /// One JSON log line per request.
        public var accessLog: Bool
        /// Prefix of the server's thread names (`NAME-reactor`, `NAME-handler-N`; Linux keeps 15
        /// bytes), so a process running several servers can tell their threads apart.
        public var threadNamePrefix: String

        /// Creates a value from its parts.
        public init(host: String = "0.0.0.0", port: Int = 8080,
                    handlerThreads: Int = 4 * ProcessInfo.processInfo.activeProcessorCount, backlog: Int32 = 1024,
                    maxConnections: Int = 10_000, maxRequestLineLength: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024,
                    maxHeaderCount: Int = 100, defaultBodyLimit: Int = 1024 * 1024,
                    headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(10),
                    keepAliveTimeout: Duration = .seconds(30), writeTimeout: Duration = .seconds(30),
                    lingerTimeout: Duration = .seconds(2), accessLog: Bool = true,
                    threadNamePrefix: String = "http") {
            self.host = host
            self.port = port
            self.handlerThreads = handlerThreads
            self.backlog = backlog
            self.maxConnections = maxConnections
            self.maxRequestLineLength = maxRequestLineLength
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.defaultBodyLimit = defaultBodyLimit
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.keepAliveTimeout = keepAliveTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.accessLog = accessLog
            self.threadNamePrefix = threadNamePrefix
        }
    }
}
