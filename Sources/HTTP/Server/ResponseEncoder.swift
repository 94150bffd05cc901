/// Writes a response in HTTP/1.1 wire format into one buffer, so it goes out in one `write`.
enum ResponseEncoder {
    /// The interim response to `Expect: 100-continue`.
    static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Header fields the server sets itself; a handler's values for them are ignored.
    private static func isManaged(_ name: String) -> Bool {
        HTTPHeaders.equalsIgnoringCase(name, "content-length") || HTTPHeaders.equalsIgnoringCase(name, "connection")
            || HTTPHeaders.equalsIgnoringCase(name, "date") || HTTPHeaders.equalsIgnoringCase(name, "x-request-id")
            || HTTPHeaders.equalsIgnoringCase(name, "transfer-encoding")
    }

    /// A field a handler set is written only when its name is a token and its value has no
    /// CR, LF or NUL, so no handler can split a response.
    private static func isSafe(_ field: HTTPHeaders.Field) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(ASCII.isToken) && field.value.utf8.allSatisfy(ASCII.isFieldValueByte)
    }

    /// - Parameters:
    ///   - omitBody: true for HEAD: same headers (Content-Length of the GET body), no body.
    ///   - keepAlive: false adds `Connection: close`.
    ///   - http10: true adds `Connection: keep-alive` when keeping an HTTP/1.0 connection.
    static func encode(_ response: Response, requestID: String, date: String, keepAlive: Bool,
                       http10: Bool, omitBody: Bool) -> [UInt8] {
        var out: [UInt8] = []
        let sendsBody = !omitBody && !response.status.forbidsBody
        out.reserveCapacity(160 + response.headers.count * 40 + (sendsBody ? response.body.count : 0))
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(response.status.code).utf8)
        out.append(ASCII.space)
        out.append(contentsOf: response.status.reasonPhrase.utf8)
        out.append(contentsOf: "\r\n".utf8)
        for field in response.headers where !isManaged(field.name) && isSafe(field) {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        if response.status.code >= 200 && response.status.code != 204 && response.status.code != 304 {
            out.append(contentsOf: "Content-Length: ".utf8)
            out.append(contentsOf: String(response.body.count).utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: "\r\nX-Request-Id: ".utf8)
        out.append(contentsOf: requestID.utf8)
        out.append(contentsOf: "\r\n".utf8)
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if http10 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        if sendsBody { out.append(contentsOf: response.body) }
        return out
    }
}
