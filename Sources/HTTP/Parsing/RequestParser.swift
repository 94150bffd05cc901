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

    public let limits: Limits

    private var buffer: [UInt8] = []
    /// First byte not yet consumed.
    private var start = 0
    /// Where the search for the next LF resumes, so a line trickled in byte by byte is scanned once.
    private var scanFrom = 0
    private var state: State = .requestLine

    // The message being parsed.
    private var method = HTTPMethod.get
    private var target = ""
    private var minorVersion = 1
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var fieldCount = 0
    private var hostCount = 0
    private var contentLength: Int?
    private var transferEncodingSeen = false
    private var transferCodingCount = 0
    private var transferCodingUnsupported = false
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectsContinue = false
    private var framing = RequestHead.Framing.none
    private var leadingEmptyLines = 0
    private var body: [UInt8] = []
    private var bodyLimit = 0
    private var continuePending = false

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
        guard lf > start, buffer[lf - 1] == ASCII.cr else { return .failure(.invalidLineEnding) }
        if lf - 1 - start > maxLength { return .failure(tooLong) }
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

    /// `method SP request-target SP HTTP-version` (RFC 9112 section 3).
    private mutating func parseRequestLine(_ range: Range<Int>) -> HTTPParseError? {
        let storage = buffer
        return storage.withUnsafeBufferPointer { all -> HTTPParseError? in
            let line = UnsafeBufferPointer(rebasing: all[range])
            var i = 0
            while i < line.count && ASCII.isToken(line[i]) { i += 1 }
            guard i < line.count, i > 0 else { return i == 0 && line[0] != ASCII.space ? .invalidMethod : .invalidRequestLine }
            guard line[i] == ASCII.space else { return .invalidMethod }
            let methodBytes = UnsafeBufferPointer(rebasing: line[0..<i])
            i += 1
            let targetStart = i
            while i < line.count && ASCII.isTargetByte(line[i]) { i += 1 }
            guard i > targetStart, i < line.count else { return .invalidRequestLine }
            guard line[i] == ASCII.space else { return .invalidTarget }
            let targetBytes = UnsafeBufferPointer(rebasing: line[targetStart..<i])
            i += 1
            // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 section 2.3).
            guard line.count - i == 8,
                  line[i] == UInt8(ascii: "H"), line[i + 1] == UInt8(ascii: "T"),
                  line[i + 2] == UInt8(ascii: "T"), line[i + 3] == UInt8(ascii: "P"),
                  line[i + 4] == UInt8(ascii: "/"), line[i + 6] == UInt8(ascii: "."),
                  let major = ASCII.digitValue(line[i + 5]), let minor = ASCII.digitValue(line[i + 7])
            else { return .invalidRequestLine }
            guard major == 1 else { return .unsupportedVersion }
            minorVersion = min(minor, 1)
            method = HTTPMethod(String(decoding: methodBytes, as: UTF8.self))
            guard let path = Self.originForm(targetBytes, method: method) else { return .invalidTarget }
            target = path
            return nil
        }
    }

    /// The origin-form of a target: as sent when it starts with `/`, the path and query of an
    /// absolute-form `http(s)://authority/path?query`, `*` for OPTIONS (RFC 9112 section 3.2).
    static func originForm(_ bytes: UnsafeBufferPointer<UInt8>, method: HTTPMethod) -> String? {
        if bytes[0] == UInt8(ascii: "/") { return String(decoding: bytes, as: UTF8.self) }
        if bytes.count == 1 && bytes[0] == UInt8(ascii: "*") { return method == .options ? "*" : nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let lowered = text.lowercased()
        let schemeLength: Int
        if lowered.hasPrefix("http://") { schemeLength = 7 } else if lowered.hasPrefix("https://") { schemeLength = 8 } else { return nil }
        let rest = text.utf8.dropFirst(schemeLength)
        guard let authorityEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
            return rest.isEmpty ? nil : "/"
        }
        guard authorityEnd > rest.startIndex else { return nil }
        let tail = String(text[authorityEnd...])
        return tail.hasPrefix("/") ? tail : "/" + tail
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 section 5); stores and interprets the
    /// field when `store` is true (headers), only validates it otherwise (trailers).
    private mutating func parseFieldLine(_ range: Range<Int>, store: Bool) -> HTTPParseError? {
        fieldCount += 1
        if fieldCount > limits.maxHeaderCount { return .tooManyHeaders }
        let storage = buffer
        return storage.withUnsafeBufferPointer { all -> HTTPParseError? in
            let line = UnsafeBufferPointer(rebasing: all[range])
            if ASCII.isWhitespace(line[0]) { return .obsoleteLineFolding }
            var i = 0
            while i < line.count && ASCII.isToken(line[i]) { i += 1 }
            guard i < line.count else { return .invalidFieldName }
            if ASCII.isWhitespace(line[i]) { return .whitespaceBeforeColon }
            guard line[i] == ASCII.colon, i > 0 else { return .invalidFieldName }
            let name = UnsafeBufferPointer(rebasing: line[0..<i])
            let value = ASCII.trimmed(UnsafeBufferPointer(rebasing: line[(i + 1)...]))
            for byte in value where !ASCII.isFieldValueByte(byte) { return .invalidFieldValue }
            guard store else { return nil }
            if let error = interpret(name: name, value: value) { return error }
            headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
            return nil
        }
    }

    /// Records the fields that decide framing and connection handling.
    private mutating func interpret(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) -> HTTPParseError? {
        switch name.count {
        case 4 where ASCII.equalsIgnoringCase(name, "host"):
            hostCount += 1
        case 14 where ASCII.equalsIgnoringCase(name, "content-length"):
            // A list of identical values is accepted as one (RFC 9110 section 8.6).
            var error: HTTPParseError?
            ASCII.forEachListElement(value) { element in
                guard error == nil else { return }
                guard let length = Self.decimal(element) else { error = .invalidContentLength; return }
                if let existing = contentLength, existing != length { error = .conflictingContentLength; return }
                contentLength = length
            }
            return error
        case 17 where ASCII.equalsIgnoringCase(name, "transfer-encoding"):
            transferEncodingSeen = true
            ASCII.forEachListElement(value) { coding in
                guard !coding.isEmpty else { return }
                transferCodingCount += 1
                if !ASCII.equalsIgnoringCase(coding, "chunked") { transferCodingUnsupported = true }
            }
        case 10 where ASCII.equalsIgnoringCase(name, "connection"):
            ASCII.forEachListElement(value) { option in
                if ASCII.equalsIgnoringCase(option, "close") { connectionClose = true }
                if ASCII.equalsIgnoringCase(option, "keep-alive") { connectionKeepAlive = true }
            }
        case 6 where ASCII.equalsIgnoringCase(name, "expect"):
            if ASCII.equalsIgnoringCase(value, "100-continue") { expectsContinue = true }
        default:
            break
        }
        return nil
    }

    /// Checks the header section as a whole and decides the framing (RFC 9112 section 6.3).
    private mutating func finishHead() -> HTTPParseError? {
        if hostCount > 1 || (minorVersion >= 1 && hostCount == 0) { return .invalidHost }
        if transferEncodingSeen {
            if minorVersion == 0 { return .transferEncodingInHTTP10 }
            if contentLength != nil { return .contentLengthWithTransferEncoding }
            if transferCodingUnsupported || transferCodingCount != 1 { return .unsupportedTransferEncoding }
            framing = .chunked
        } else if let length = contentLength {
            framing = .contentLength(length)
        } else {
            framing = .none
        }
        // A 100 Continue is never sent to an HTTP/1.0 client (RFC 9110 section 10.1.1).
        if minorVersion == 0 { expectsContinue = false }
        return nil
    }

    /// `1*DIGIT`, at most 18 digits so it cannot overflow.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = ASCII.digitValue(byte) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `chunk-size [ chunk-ext ]`; extensions are tolerated and ignored (RFC 9112 section 7.1.1).
    private func parseChunkSize(_ range: Range<Int>) -> Int? {
        buffer.withUnsafeBufferPointer { all -> Int? in
            let line = UnsafeBufferPointer(rebasing: all[range])
            var i = 0
            var size = 0
            while i < line.count, let digit = ASCII.hexValue(line[i]) {
                guard i < 15 else { return nil }
                size = size << 4 | digit
                i += 1
            }
            guard i > 0 else { return nil }
            var j = i
            while j < line.count && ASCII.isWhitespace(line[j]) { j += 1 }
            if j < line.count {
                guard line[j] == ASCII.semicolon else { return nil }
                for byte in line[j...] where !ASCII.isFieldValueByte(byte) { return nil }
            }
            return size
        }
    }
}
