import Glibc

/// The grammar of the request head and chunk lines (RFC 9112 sections 3, 5, 6 and 7).
extension RequestParser {
    /// `method SP request-target SP HTTP-version` (RFC 9112 section 3).
    mutating func parseRequestLine(_ range: Range<Int>) -> HTTPParseError? {
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
    mutating func parseFieldLine(_ range: Range<Int>, store: Bool) -> HTTPParseError? {
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
    mutating func interpret(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) -> HTTPParseError? {
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
    mutating func finishHead() -> HTTPParseError? {
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
    func parseChunkSize(_ range: Range<Int>) -> Int? {
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
