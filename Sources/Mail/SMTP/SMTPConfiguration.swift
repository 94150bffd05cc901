import Foundation

/// Where and how to submit mail: an `smtp://` or `smtps://` URL, TLS, credentials, timeouts.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Whether to upgrade a plain `smtp://` connection with STARTTLS (RFC 3207).
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Never (`CURLUSESSL_NONE`): only for a relay on localhost or a test server.
        case none
        /// When the server offers it (`CURLUSESSL_TRY`).
        case opportunistic
        /// Always; fail when the server does not offer it (`CURLUSESSL_ALL`).
        case required
    }

    /// The server URL without credentials, e.g. `smtp://mail.karawang.example:587`. A path,
    /// if any, is the name libcurl announces in EHLO.
    public let url: String
    /// STARTTLS policy for `smtp://`; `smtps://` is TLS from the first byte either way.
    public let tls: TLSMode
    /// The user name for SMTP AUTH, if any.
    public let username: String?
    /// The password for SMTP AUTH, if any. Never printed.
    public let password: String?
    /// Longest time to establish the connection.
    public let connectTimeout: Duration
    /// Longest time for a whole transaction, connection included.
    public let timeout: Duration
    /// A PEM file of CA certificates to trust instead of the system's (a relay with a private
    /// CA); nil uses the system store. Certificates are always verified.
    public let caFile: String?

    /// Parses `url`; credentials may come from its userinfo (percent-encoded) or the separate
    /// parameters, which win. `tls` defaults to `.required` when there are credentials (so a
    /// password never crosses the network in clear) and to `.opportunistic` otherwise.
    public init(url: String, tls: TLSMode? = nil, username: String? = nil, password: String? = nil,
                connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(60),
                caFile: String? = nil) throws(SMTPError) {
        guard var components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
              let host = components.host, !host.isEmpty else {
            throw SMTPError(kind: .configuration, isTransient: false,
                            detail: "the SMTP URL must look like smtp://host:port or smtps://host:port")
        }
        let user = username ?? components.user.flatMap { $0.isEmpty ? nil : $0 }
        let pass = password ?? components.password
        components.user = nil
        components.password = nil
        components.scheme = scheme
        guard let clean = components.string else {
            throw SMTPError(kind: .configuration, isTransient: false, detail: "the SMTP URL cannot be rebuilt")
        }
        self.url = clean
        self.username = user
        self.password = pass
        self.tls = tls ?? ((user != nil || pass != nil) ? .required : .opportunistic)
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
    }

    /// The settings with the password replaced, safe for logs.
    public var description: String {
        var text = "\(url) tls=\(tls.rawValue)"
        if let username { text += " user=\(username)" }
        if password != nil { text += " password=<redacted>" }
        return text
    }
}
