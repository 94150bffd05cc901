import Testing
@testable import HTTP

/// A request that must parse, with what the parser should report.
struct ValidCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    let events: [ParserDriver.Event]
    var testDescription: String { name }
}

/// A request that must fail with `error` (and so with `error.status`).
struct InvalidCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    let error: HTTPParseError
    let status: Int
    var testDescription: String { name }
}


private func head(_ method: String, _ target: String, minor: Int = 1, keepAlive: Bool = true) -> ParserDriver.Event {
    .head(method: method, target: target, minor: minor, keepAlive: keepAlive)
}

private func body(_ text: String) -> ParserDriver.Event { .complete(body: Array(text.utf8)) }

let validCases: [ValidCase] = [
    ValidCase(name: "simple GET", raw: "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
              events: [head("GET", "/healthz"), body("")]),
    ValidCase(name: "query kept in target", raw: "GET /v1/x?a=1&b=%20 HTTP/1.1\r\nHost: a\r\n\r\n",
              events: [head("GET", "/v1/x?a=1&b=%20"), body("")]),
    ValidCase(name: "Content-Length body", raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
              events: [head("POST", "/x"), body("hello")]),
    ValidCase(name: "Content-Length zero", raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
              events: [head("POST", "/x"), body("")]),
    ValidCase(name: "identical duplicate Content-Length",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\nabc",
              events: [head("POST", "/x"), body("abc")]),
    ValidCase(name: "Content-Length list of identical values",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc",
              events: [head("POST", "/x"), body("abc")]),
    ValidCase(name: "chunked body",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
              events: [head("POST", "/x"), body("hello world")]),
    ValidCase(name: "chunked with extensions, uppercase hex and trailers",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\nA;name=value;x\r\n0123456789\r\n0\r\nX-Trailer: yes\r\nOther: 1\r\n\r\n",
              events: [head("POST", "/x"), body("0123456789")]),
    ValidCase(name: "Connection: close", raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
              events: [head("GET", "/", keepAlive: false), body("")]),
    ValidCase(name: "Connection list with close", raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n",
              events: [head("GET", "/", keepAlive: false), body("")]),
    ValidCase(name: "HTTP/1.0 closes by default", raw: "GET / HTTP/1.0\r\n\r\n",
              events: [head("GET", "/", minor: 0, keepAlive: false), body("")]),
    ValidCase(name: "HTTP/1.0 keep-alive", raw: "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
              events: [head("GET", "/", minor: 0, keepAlive: true), body("")]),
    ValidCase(name: "HTTP/1.2 treated as 1.1", raw: "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
              events: [head("GET", "/"), body("")]),
    ValidCase(name: "leading empty line tolerated", raw: "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
              events: [head("GET", "/"), body("")]),
    ValidCase(name: "absolute-form target", raw: "GET http://example.com/a/b?c=d HTTP/1.1\r\nHost: example.com\r\n\r\n",
              events: [head("GET", "/a/b?c=d"), body("")]),
    ValidCase(name: "OPTIONS asterisk", raw: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
              events: [head("OPTIONS", "*"), body("")]),
    ValidCase(name: "OWS and obs-text in values", raw: "GET / HTTP/1.1\r\nHost:a\r\nX-A: \t v\u{E9} \t\r\n\r\n",
              events: [head("GET", "/"), body("")]),
    ValidCase(name: "Expect 100-continue before the body",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
              events: [head("POST", "/x"), .sendContinue]),
    ValidCase(name: "three pipelined requests",
              raw: "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
              events: [head("GET", "/1"), body(""), head("POST", "/2"), body("hi"), head("GET", "/3", keepAlive: false), body("")]),
]

let invalidCases: [InvalidCase] = [
    InvalidCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", error: .unsupportedVersion, status: 505),
    InvalidCase(name: "HTTP/0.9", raw: "GET / HTTP/0.9\r\n\r\n", error: .unsupportedVersion, status: 505),
    InvalidCase(name: "lowercase version", raw: "GET / http/1.1\r\nHost: a\r\n\r\n", error: .invalidRequestLine, status: 400),
    InvalidCase(name: "missing version", raw: "GET /\r\nHost: a\r\n\r\n", error: .invalidRequestLine, status: 400),
    InvalidCase(name: "two spaces", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidRequestLine, status: 400),
    InvalidCase(name: "trailing space after version", raw: "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", error: .invalidRequestLine, status: 400),
    InvalidCase(name: "invalid method char", raw: "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidMethod, status: 400),
    InvalidCase(name: "control char in target", raw: "GET /a\u{01}b HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget, status: 400),
    InvalidCase(name: "relative target", raw: "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget, status: 400),
    InvalidCase(name: "bare LF", raw: "GET / HTTP/1.1\nHost: a\r\n\r\n", error: .invalidLineEnding, status: 400),
    InvalidCase(name: "bare CR in value", raw: "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", error: .invalidFieldValue, status: 400),
    InvalidCase(name: "missing Host in 1.1", raw: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", error: .invalidHost, status: 400),
    InvalidCase(name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", error: .invalidHost, status: 400),
    InvalidCase(name: "whitespace before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", error: .whitespaceBeforeColon, status: 400),
    InvalidCase(name: "obsolete line folding", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", error: .obsoleteLineFolding, status: 400),
    InvalidCase(name: "invalid field name char", raw: "GET / HTTP/1.1\r\nHost: a\r\nX(A): b\r\n\r\n", error: .invalidFieldName, status: 400),
    InvalidCase(name: "empty field name", raw: "GET / HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n", error: .invalidFieldName, status: 400),
    InvalidCase(name: "field without colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", error: .invalidFieldName, status: 400),
    InvalidCase(name: "NUL in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", error: .invalidFieldValue, status: 400),
    InvalidCase(name: "Content-Length and Transfer-Encoding",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                error: .contentLengthWithTransferEncoding, status: 400),
    InvalidCase(name: "differing Content-Length fields",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
                error: .conflictingContentLength, status: 400),
    InvalidCase(name: "differing Content-Length list", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\n",
                error: .conflictingContentLength, status: 400),
    InvalidCase(name: "non-numeric Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12a\r\n\r\n",
                error: .invalidContentLength, status: 400),
    InvalidCase(name: "negative Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
                error: .invalidContentLength, status: 400),
    InvalidCase(name: "empty Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n",
                error: .invalidContentLength, status: 400),
    InvalidCase(name: "overflowing Content-Length",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
                error: .invalidContentLength, status: 400),
    InvalidCase(name: "unknown transfer coding", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
                error: .unsupportedTransferEncoding, status: 400),
    InvalidCase(name: "gzip then chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
                error: .unsupportedTransferEncoding, status: 400),
    InvalidCase(name: "chunked twice",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                error: .unsupportedTransferEncoding, status: 400),
    InvalidCase(name: "Transfer-Encoding in HTTP/1.0",
                raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", error: .transferEncodingInHTTP10, status: 400),
    InvalidCase(name: "non-hex chunk size",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", error: .invalidChunkSize, status: 400),
    InvalidCase(name: "empty chunk size",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", error: .invalidChunkSize, status: 400),
    InvalidCase(name: "overflowing chunk size",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n",
                error: .invalidChunkSize, status: 400),
    InvalidCase(name: "chunk data without CRLF",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", error: .invalidChunkData, status: 400),
    InvalidCase(name: "body over limit by Content-Length",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", error: .contentTooLarge, status: 413),
    InvalidCase(name: "chunked body over limit",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n", error: .contentTooLarge, status: 413),
    InvalidCase(name: "request line too long",
                raw: "GET /" + String(repeating: "a", count: 200) + " HTTP/1.1\r\nHost: a\r\n\r\n", error: .requestLineTooLong, status: 414),
    InvalidCase(name: "header section too large",
                raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 300) + "\r\n\r\n",
                error: .headerSectionTooLarge, status: 431),
    InvalidCase(name: "too many header fields",
                raw: "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X: 1\r\n", count: 10) + "\r\n",
                error: .tooManyHeaders, status: 431),
    InvalidCase(name: "trailers too large",
                raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: " + String(repeating: "t", count: 300) + "\r\n\r\n",
                error: .headerSectionTooLarge, status: 431),
    InvalidCase(name: "too many empty lines before request", raw: "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n",
                error: .invalidRequestLine, status: 400),
]

/// Small limits so the limit cases stay short.
let testLimits = RequestParser.Limits(maxRequestLineLength: 100, maxHeaderBytes: 256, maxHeaderCount: 8, defaultBodyLimit: 10)

@Suite struct RequestParserTests {
    @Test(arguments: validCases, ParserDriver.Chunking.allCases)
    func parsesValidRequest(_ testCase: ValidCase, chunking: ParserDriver.Chunking) {
        #expect(ParserDriver.events(testCase.raw, chunking, limits: testLimits, bodyLimit: 100) == testCase.events)
    }

    @Test(arguments: invalidCases, ParserDriver.Chunking.allCases)
    func rejectsInvalidRequest(_ testCase: InvalidCase, chunking: ParserDriver.Chunking) throws {
        let events = ParserDriver.events(testCase.raw, chunking, limits: testLimits)
        let last = try #require(events.last)
        #expect(last == .failure(testCase.error))
        #expect(testCase.error.status.code == testCase.status)
    }

    @Test(arguments: 1...20)
    func randomSplitsAgreeWithWholeInput(seed: Int) {
        for testCase in validCases {
            let whole = ParserDriver.events(testCase.raw, .whole, limits: testLimits, bodyLimit: 100)
            let split = ParserDriver.events(testCase.raw, .randomSplits, limits: testLimits, bodyLimit: 100, seed: UInt64(seed))
            #expect(split == whole, "\(testCase.name) with seed \(seed)")
        }
    }

    @Test func headCarriesHeadersAndFraming() throws {
        var parser = RequestParser()
        parser.append(Array("POST /a?b=c HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        guard case .head(let head) = parser.next() else {
            Issue.record("expected a head")
            return
        }
        #expect(head.headers["x-request-id"] == "abc")
        #expect(head.headers["HOST"] == "x")
        #expect(head.framing == .chunked)
        #expect(head.path == "/a")
        #expect(head.query == "b=c")
        #expect(parser.phase == .body)
    }

    @Test func continueIsNotSentWhenTheBodyAlreadyArrived() {
        let raw = "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi"
        #expect(ParserDriver.events(raw, .whole) == [head("POST", "/x"), body("hi")])
    }

    @Test func continueIsNotSentWhenTheBodyIsTooLarge() {
        let raw = "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 50\r\n\r\n"
        #expect(ParserDriver.events(raw, .whole, bodyLimit: 10) == [head("POST", "/x"), .failure(.contentTooLarge)])
    }

    @Test func continueIsNotSentToHTTP10() {
        let raw = "POST /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi"
        #expect(ParserDriver.events(raw, .byteAtATime) == [head("POST", "/x", minor: 0, keepAlive: false), body("hi")])
    }

    @Test func phaseFollowsTheRequest() {
        var parser = RequestParser()
        #expect(parser.phase == .idle)
        parser.append(Array("GET / HT".utf8))
        #expect(parser.next() == .needMoreData)
        #expect(parser.phase == .head)
        parser.append(Array("TP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\na".utf8))
        guard case .head = parser.next() else {
            Issue.record("expected a head")
            return
        }
        parser.setBodyLimit(10)
        #expect(parser.next() == .needMoreData)
        #expect(parser.phase == .body)
        parser.append(Array("bc".utf8))
        #expect(parser.next() == .complete(body: Array("abc".utf8)))
        #expect(parser.phase == .idle)
    }

    @Test func failureIsFinal() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/3.0\r\n".utf8))
        #expect(parser.next() == .failure(.unsupportedVersion))
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(parser.next() == .failure(.unsupportedVersion))
        #expect(parser.phase == .failed)
    }

    @Test func requestLineLimitIsCheckedBeforeTheLineEnds() {
        var parser = RequestParser(limits: testLimits)
        parser.append(Array(("GET /" + String(repeating: "a", count: 500)).utf8))
        #expect(parser.next() == .failure(.requestLineTooLong))
    }

    @Test func headerLimitIsCheckedBeforeTheSectionEnds() {
        var parser = RequestParser(limits: testLimits)
        parser.append(Array(("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "a", count: 500)).utf8))
        #expect(parser.next() == .failure(.headerSectionTooLarge))
    }

    /// A large body trickled in small pieces is parsed in time linear in its size: every byte is
    /// copied once and the buffer is compacted, never rescanned.
    @Test func largeChunkedBodyInSmallPieces() {
        var parser = RequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        guard case .head = parser.next() else {
            Issue.record("expected a head")
            return
        }
        parser.setBodyLimit(1 << 20)
        let chunk = Array("400\r\n".utf8) + [UInt8](repeating: 0x61, count: 0x400) + Array("\r\n".utf8)
        for _ in 0..<512 {
            for piece in stride(from: 0, to: chunk.count, by: 7) {
                parser.append(chunk[piece..<min(piece + 7, chunk.count)])
                #expect(parser.next() == .needMoreData)
            }
        }
        parser.append(Array("0\r\n\r\n".utf8))
        guard case .complete(let body) = parser.next() else {
            Issue.record("expected the body")
            return
        }
        #expect(body.count == 512 * 1024)
    }
}
