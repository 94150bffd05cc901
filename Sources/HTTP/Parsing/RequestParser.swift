import Glibc

/// An incremental HTTP/1.1 request parser (RFC 9112) as a pure state machine: no sockets, no
/// clock. Feed it bytes in any chunking with `append`, then call `next()` until it returns
/// `.needMoreData`. After `.head` the caller decides the body limit (it depends on the route)
/// with `setBodyLimit`; a caller that does not gets `Limits.defaultBodyLimit`.
///
/// Errors are final: once `next()` returns `.failure`, it keeps returning it; the connection
/// must answer with the error's status and close, since framing can no longer be trusted.
public struct RequestParser: Sendable {
    /// Size limits checked while reading.
    public struct Limits: Sendable, Equatable {
        /// Longest request line without CRLF; longer gets 414.
        public var maxRequestLineLength: Int
        /// Most bytes in the header section (every field line with its CRLF); more gets 431.
        public var maxHeaderBytes: Int
        /// Most header fields; more gets 431.
        public var maxHeaderCount: Int
        /// Body limit used when the caller does not set one after the head.
        public var defaultBodyLimit: Int

        /// Creates a value from its parts.
        public init(maxRequestLineLength: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024,
                    maxHeaderCount: Int = 100, defaultBodyLimit: Int = 1024 * 1024) {
            self.maxRequestLineLength = maxRequestLineLength
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.defaultBodyLimit = defaultBodyLimit
        }
    }

    /// What the caller should do next.
    public enum Output: Sendable, Equatable {
        /// Read more bytes and `append` them.
        case needMoreData
        /// The head of a request is complete; call `setBodyLimit` before the next `next()`.
        case head(RequestHead)
        /// Write `HTTP/1.1 100 Continue` now: the client waits for it before sending the body.
        case sendContinue
        /// The request is complete with this body; the parser is ready for the next request.
        case complete(body: [UInt8])
        /// The request is malformed or over a limit; answer `error.status` and close.
        case failure(HTTPParseError)
    }

    /// Where the current request is, for choosing which timeout applies.
    public enum Phase: Sendable, Equatable {
        /// Between requests, with no byte of the next one received.
        case idle
        /// Inside the request line or header section.
        case head
        /// Inside the body (or its trailers).
        case body
        /// After an error.
        case failed
    }

    private enum State: Sendable {
        case requestLine
        case headerLines
        case awaitingBodyLimit
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case complete
        case failed(HTTPParseError)
    }

    private enum Line {
        case line(Range<Int>)
        case needMore
        case failure(HTTPParseError)
    }

    /// Longest chunk-size line, extensions included; chunk extensions are tolerated, not unbounded.
    static let maxChunkLineLength = 4096
    /// Empty lines tolerated before a request line (RFC 9112 section 2.2 says "at least one").
    static let maxLeadingEmptyLines = 4

    /// The limits this parser enforces.
    public let limits: Limits

    var buffer: [UInt8] = []
    /// First byte not yet consumed.
    private var start = 0
    /// Where the search for the next LF resumes, so a line trickled in byte by byte is scanned once.
    private var scanFrom = 0
    private var state: State = .requestLine

    // The message being parsed (internal for the grammar in RequestParser+Grammar.swift).
    var method = HTTPMethod.get
    var target = ""
    var minorVersion = 1
    var headers = HTTPHeaders()
    private var headerBytes = 0
    var fieldCount = 0
    var hostCount = 0
    var contentLength: Int?
    var transferEncodingSeen = false
    var transferCodingCount = 0
    var transferCodingUnsupported = false
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false
    var framing = RequestHead.Framing.none
    private var leadingEmptyLines = 0
    private var body: [UInt8] = []
    private var bodyLimit = 0
    private var continuePending = false

    /// A parser waiting for the first byte of a request.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Where the current request is.
    public var phase: Phase {
        switch state {
        case .requestLine: start == buffer.count && leadingEmptyLines == 0 ? .idle : .head
        case .headerLines: .head
        case .failed: .failed
        default: .body
        }
    }

    /// Whether bytes are buffered that `next()` has not consumed yet.
    public var hasBufferedBytes: Bool { start < buffer.count }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Drops consumed bytes; amortised so the total work stays linear in bytes received.
    private mutating func compact() {
        if start == buffer.count {
            if buffer.capacity > 64 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            start = 0
            scanFrom = 0
        } else if start >= 4096 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            scanFrom -= start
            start = 0
        }
    }

    /// Sets the largest body the current request may have; call once after `.head`. A
    /// Content-Length over the limit fails at once with `.contentTooLarge`, before any body byte
    /// is read or a 100 Continue sent.
    public mutating func setBodyLimit(_ limit: Int) {
        guard case .awaitingBodyLimit = state else { return }
        bodyLimit = max(0, limit)
        let bodyStarted = start < buffer.count
        switch framing {
        case .none, .contentLength(0):
            state = .complete
        case .contentLength(let length):
            if length > bodyLimit {
                state = .failed(.contentTooLarge)
                return
            }
            body.reserveCapacity(min(length, 64 * 1024))
            state = .fixedBody(remaining: length)
            continuePending = expectsContinue && !bodyStarted
        case .chunked:
            state = .chunkSize
            continuePending = expectsContinue && !bodyStarted
        }
    }

    /// Advances as far as the buffered bytes allow.
    public mutating func next() -> Output {
        while true {
            switch state {
            case .failed(let error):
                return .failure(error)

            case .complete:
                let finished = body
                body = []
                resetMessage()
                return .complete(body: finished)

            case .awaitingBodyLimit:
                setBodyLimit(limits.defaultBodyLimit)

            case .requestLine:
                switch takeLine(maxLength: limits.maxRequestLineLength, tooLong: .requestLineTooLong) {
                case .needMore: return .needMoreData
                case .failure(let error): return fail(error)
                case .line(let range):
                    if range.isEmpty {
                        leadingEmptyLines += 1
                        if leadingEmptyLines > Self.maxLeadingEmptyLines { return fail(.invalidRequestLine) }
                        continue
                    }
                    if let error = parseRequestLine(range) { return fail(error) }
                    state = .headerLines
                }

            case .headerLines:
                let budget = limits.maxHeaderBytes - headerBytes - 2
                switch takeLine(maxLength: max(budget, 0), tooLong: .headerSectionTooLarge) {
                case .needMore: return .needMoreData
                case .failure(let error): return fail(error)
                case .line(let range):
                    if range.isEmpty {
                        if let error = finishHead() { return fail(error) }
                        state = .awaitingBodyLimit
                        return .head(RequestHead(
                            method: method, target: target, minorVersion: minorVersion, headers: headers,
                            framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue))
                    }
                    headerBytes += range.count + 2
                    if let error = parseFieldLine(range, store: true) { return fail(error) }
                }

            case .fixedBody(let remaining):
                if continuePending {
                    continuePending = false
                    return .sendContinue
                }
                let taken = takeBody(upTo: remaining)
                if taken == 0 { return .needMoreData }
                state = remaining == taken ? .complete : .fixedBody(remaining: remaining - taken)

            case .chunkSize:
                if continuePending {
                    continuePending = false
                    return .sendContinue
                }
                switch takeLine(maxLength: Self.maxChunkLineLength, tooLong: .invalidChunkSize) {
                case .needMore: return .needMoreData
                case .failure(let error): return fail(error)
                case .line(let range):
                    guard let size = parseChunkSize(range) else { return fail(.invalidChunkSize) }
                    if size == 0 {
                        headerBytes = 0
                        fieldCount = 0
                        state = .trailers
                    } else if size > bodyLimit - body.count {
                        return fail(.contentTooLarge)
                    } else {
                        state = .chunkData(remaining: size)
                    }
                }

            case .chunkData(let remaining):
                let taken = takeBody(upTo: remaining)
                if taken == 0 { return .needMoreData }
                state = remaining == taken ? .chunkDataEnd : .chunkData(remaining: remaining - taken)

            case .chunkDataEnd:
                let available = buffer.count - start
                if available >= 1 && buffer[start] != ASCII.cr { return fail(.invalidChunkData) }
                if available < 2 { return .needMoreData }
                if buffer[start + 1] != ASCII.lf { return fail(.invalidChunkData) }
                start += 2
                scanFrom = start
                state = .chunkSize

            case .trailers:
                // Trailer fields are parsed for validity and then discarded (RFC 9112 section 7.1.2).
                let budget = limits.maxHeaderBytes - headerBytes - 2
                switch takeLine(maxLength: max(budget, 0), tooLong: .headerSectionTooLarge) {
                case .needMore: return .needMoreData
                case .failure(let error): return fail(error)
                case .line(let range):
                    if range.isEmpty {
                        state = .complete
                        continue
                    }
                    headerBytes += range.count + 2
                    if let error = parseFieldLine(range, store: false) { return fail(error) }
                }
            }
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> Output {
        state = .failed(error)
        return .failure(error)
    }

    private mutating func resetMessage() {
        state = .requestLine
        method = .get
        target = ""
        minorVersion = 1
        headers = HTTPHeaders()
        headerBytes = 0
        fieldCount = 0
        hostCount = 0
        contentLength = nil
        transferEncodingSeen = false
        transferCodingCount = 0
        transferCodingUnsupported = false
        connectionClose = false
        connectionKeepAlive = false
        expectsContinue = false
        framing = .none
        leadingEmptyLines = 0
        bodyLimit = 0
        continuePending = false
    }

    private var keepAlive: Bool {
        minorVersion >= 1 ? !connectionClose : connectionKeepAlive && !connectionClose
    }

    /// Finds the next CRLF-terminated line and consumes it; the range excludes the CRLF.
    private mutating func takeLine(maxLength: Int, tooLong: HTTPParseError) -> Line {
        let end = buffer.count
        if scanFrom < start { scanFrom = start }
        let from = scanFrom
        let found: Int? = buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard from < end, let base = bytes.baseAddress else { return nil }
            guard let hit = memchr(base + from, Int32(ASCII.lf), end - from) else { return nil }
            return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
        }
        guard let lf = found else {
            scanFrom = end
            return end - start > maxLength + 1 ? .failure(tooLong) : .needMore
        }
        // Length first, with the same bound as above, so the outcome does not depend on how
        // the bytes were split.
        if lf - start > maxLength + 1 { return .failure(tooLong) }
        guard lf > start, buffer[lf - 1] == ASCII.cr else { return .failure(.invalidLineEnding) }
        let range = start..<(lf - 1)
        start = lf + 1
        scanFrom = start
        return .line(range)
    }

    /// Moves up to `limit` buffered bytes into the body; returns how many.
    private mutating func takeBody(upTo limit: Int) -> Int {
        let count = min(buffer.count - start, limit)
        guard count > 0 else { return 0 }
        body.append(contentsOf: buffer[start..<(start + count)])
        start += count
        scanFrom = start
        return count
    }
}
