import CCurl
import Runtime
import Synchronization

/// Submits messages to an SMTP server through libcurl (RFC 5321 with STARTTLS, RFC 3207).
///
/// Any number of worker threads may share one client: each `send` takes a libcurl handle of its
/// own from the client's idle handles (or makes one) and gives it back after a successful
/// transaction, so the next message goes over the same SMTP session instead of a new TCP
/// connection, greeting and EHLO (RFC 5321 §3.3 allows many mail transactions per session; a
/// relay that throttles connections per second sees `threads` connections, not one per message).
/// A failed send drops its handle and with it the connection. `send` blocks, so call it from a
/// worker thread, never from Swift's cooperative pool.
public final class SMTPClient: Mailer {
    /// The settings this client sends with.
    public let configuration: SMTPConfiguration
    private let logger: Logger
    /// Handles (with their open SMTP sessions) waiting for the next send.
    private let idle = Mutex<[CurlEasyHandle]>([])

    /// At most this many idle handles are kept; one per worker thread is the useful number.
    static let maxIdleHandles = 32
    /// An idle session older than this is closed rather than reused: RFC 5321 §4.5.3.2.7 lets a
    /// server give up on a silent client after 5 minutes, and many give up sooner.
    static let maxIdleSeconds = 30

    /// A client for `configuration`; `logger` gets one line per send (no addresses or secrets).
    public init(configuration: SMTPConfiguration, logger: Logger = .silent) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs libcurl's one-time global initialization now. Optional (the first send does it),
    /// but calling it from `main` before starting threads follows libcurl's advice.
    public static func initializeLibrary() {
        _ = CurlEasyHandle.globalInitResult
    }

    /// Sends `message` to all its recipients (To, Cc and Bcc) with `from` as envelope sender.
    /// Returns when the server has accepted the message (250 after DATA): record "sent" then.
    public func send(_ message: MailMessage) throws(SMTPError) {
        try send(rendered: message.render(), from: message.from.address,
                 to: message.recipients.map(\.address), messageID: message.messageID)
    }

    /// `Mailer`: `send(_:)` with the error wrapped.
    public func deliver(_ message: MailMessage) throws(MailDeliveryError) {
        do { try send(message) } catch { throw .smtp(error) }
    }

    /// Sends already-rendered RFC 5322 bytes (CRLF line ends; libcurl dot-stuffs them).
    func send(rendered: [UInt8], from sender: String, to recipients: [String], messageID: String) throws(SMTPError) {
        // The envelope goes into SMTP commands verbatim: a CR or LF here would inject commands.
        // MailMessage has validated these already; check again so this path cannot be misused.
        for address in [sender] + recipients {
            do { try MailAddress.validate(address, field: "envelope") } catch {
                throw SMTPError(kind: .other, isTransient: false, detail: "invalid envelope address")
            }
        }
        guard !recipients.isEmpty else {
            throw SMTPError(kind: .other, isTransient: false, detail: "no recipients")
        }
        let started = ContinuousClock.now
        let handle: CurlEasyHandle
        if let reused = idle.withLock({ $0.popLast() }) { handle = reused } else { handle = try CurlEasyHandle() }
        // Forget the previous message's options; libcurl keeps the live connection (curl_easy_reset).
        handle.reset()
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for recipient in recipients {
            guard let next = curl_slist_append(list, "<" + recipient + ">") else {
                throw SMTPError(kind: .other, isTransient: true, detail: "out of memory building the recipient list")
            }
            list = next
        }
        let body = UploadBody(rendered)
        let code: CURLcode = try withExtendedLifetime(body) { () throws(SMTPError) -> CURLcode in
            try configure(handle)
            try handle.set(CURLOPT_MAIL_FROM, "<" + sender + ">")
            try handle.set(CURLOPT_MAIL_RCPT, list: list)
            try handle.set(CURLOPT_UPLOAD, 1)
            try handle.set(CURLOPT_READFUNCTION, callback: UploadBody.readCallback)
            try handle.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(body).toOpaque())
            try handle.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(rendered.count))
            return curl_easy_perform(handle.raw)
        }
        let reply = handle.responseCode
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        guard code == CURLE_OK else {
            // The handle is dropped here, closing a session in an unknown state.
            let error = SMTPError(curlCode: Int(code.rawValue), responseCode: reply, detail: CurlEasyHandle.text(code))
            logger.warning("smtp send failed", ["mail.message_id": .string(messageID), "error": .string(error.description),
                                                "duration_ms": .int(milliseconds)])
            throw error
        }
        idle.withLock { handles in
            if handles.count < Self.maxIdleHandles { handles.append(handle) }
        }
        logger.info("smtp sent", ["mail.message_id": .string(messageID), "mail.recipients": .int(recipients.count),
                                  "mail.bytes": .int(rendered.count), "duration_ms": .int(milliseconds)])
    }

    /// Settings shared by every transfer.
    private func configure(_ handle: CurlEasyHandle) throws(SMTPError) {
        try handle.set(CURLOPT_URL, configuration.url)
        // Only SMTP: a URL from the environment must not make us speak another protocol.
        try handle.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        // Timeouts would otherwise use SIGALRM, which is not safe with many threads.
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, CurlEasyHandle.milliseconds(configuration.connectTimeout))
        try handle.set(CURLOPT_TIMEOUT_MS, CurlEasyHandle.milliseconds(configuration.timeout))
        try handle.set(CURLOPT_MAXAGE_CONN, Self.maxIdleSeconds)
        let ssl: curl_usessl = switch configuration.tls {
        case .none: CURLUSESSL_NONE
        case .opportunistic: CURLUSESSL_TRY
        case .required: CURLUSESSL_ALL
        }
        try handle.set(CURLOPT_USE_SSL, Int(ssl.rawValue))
        if let caFile = configuration.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        if let username = configuration.username { try handle.set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try handle.set(CURLOPT_PASSWORD, password) }
    }
}

extension CurlEasyHandle {
    /// A duration as whole milliseconds for the `*_MS` options, at least 1 (0 means "no limit").
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
