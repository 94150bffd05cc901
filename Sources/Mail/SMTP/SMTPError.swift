import CCurl

/// Why an SMTP delivery failed, with what a retry policy needs: whether to try again later.
///
/// The description holds libcurl's generic text for the code, the codes and the kind only:
/// never the URL, credentials, addresses or message content.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarsely.
    public enum Kind: String, Sendable, Equatable {
        /// The settings are unusable (bad URL, unsupported scheme).
        case configuration
        /// The server could not be reached or the connection broke.
        case connection
        /// The connect or total timeout passed.
        case timeout
        /// TLS could not be set up (STARTTLS required but not offered, handshake, certificate).
        case tls
        /// The server refused the credentials.
        case authentication
        /// The server answered a command with a 4xx or 5xx reply (sender, recipient, data).
        case rejected
        /// Anything else libcurl reported.
        case other
    }

    /// The kind of failure.
    public let kind: Kind
    /// libcurl's `CURLcode` (0 when the failure did not come from libcurl).
    public let curlCode: Int
    /// The last SMTP reply code (`CURLINFO_RESPONSE_CODE`), 0 when there was none.
    public let responseCode: Int
    /// True when the same message may succeed later (4xx replies, unreachable server,
    /// timeouts); false when retrying cannot help (5xx replies, bad credentials or settings).
    public let isTransient: Bool
    /// A short, secret-free explanation.
    public let detail: String

    /// Builds an error from a failed transfer's codes.
    public init(curlCode: Int, responseCode: Int, detail: String) {
        let (kind, transient) = SMTPError.classify(curlCode: curlCode, responseCode: responseCode)
        self.init(kind: kind, curlCode: curlCode, responseCode: responseCode, isTransient: transient, detail: detail)
    }

    /// Builds an error of a given kind.
    public init(kind: Kind, curlCode: Int = 0, responseCode: Int = 0, isTransient: Bool, detail: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.responseCode = responseCode
        self.isTransient = isTransient
        self.detail = detail
    }

    public var description: String {
        var text = "SMTP delivery failed (\(isTransient ? "transient" : "permanent"), \(kind.rawValue)): \(detail)"
        if curlCode != 0 { text += " [curl \(curlCode)]" }
        if responseCode != 0 { text += " [reply \(responseCode)]" }
        return text
    }

    /// The SMTP reply decides first (RFC 5321 §4.2.1: 4yz is a transient, 5yz a permanent
    /// negative completion); without one, the libcurl code does.
    static func classify(curlCode: Int, responseCode: Int) -> (Kind, transient: Bool) {
        let code = UInt32(truncatingIfNeeded: curlCode)
        if code == CURLE_LOGIN_DENIED.rawValue {
            // 454 (temporary authentication failure) is worth retrying, 535 is not.
            return (.authentication, (400..<500).contains(responseCode))
        }
        if (400..<500).contains(responseCode) { return (.rejected, true) }
        if (500..<600).contains(responseCode) {
            return (code == CURLE_USE_SSL_FAILED.rawValue ? .tls : .rejected, false)
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST.rawValue, CURLE_COULDNT_RESOLVE_PROXY.rawValue,
             CURLE_COULDNT_CONNECT.rawValue, CURLE_SEND_ERROR.rawValue, CURLE_RECV_ERROR.rawValue,
             CURLE_GOT_NOTHING.rawValue, CURLE_WEIRD_SERVER_REPLY.rawValue:
            return (.connection, true)
        case CURLE_OPERATION_TIMEDOUT.rawValue:
            return (.timeout, true)
        case CURLE_SSL_CONNECT_ERROR.rawValue:
            return (.tls, true)
        case CURLE_USE_SSL_FAILED.rawValue, CURLE_PEER_FAILED_VERIFICATION.rawValue, CURLE_SSL_CACERT_BADFILE.rawValue:
            return (.tls, false)
        case CURLE_UNSUPPORTED_PROTOCOL.rawValue, CURLE_URL_MALFORMAT.rawValue:
            return (.configuration, false)
        default:
            // Unknown failures are retried: the queue bounds attempts, and losing a
            // notification is worse than one more try.
            return (.other, true)
        }
    }
}
