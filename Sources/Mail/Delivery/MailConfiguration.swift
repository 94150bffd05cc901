import Runtime

/// How the worker delivers mail, read once from the environment: SMTP when
/// `KINERJA_SMTP_URL` is set, otherwise an outbox folder (`KINERJA_MAIL_OUTBOX`).
public enum MailConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Send through this SMTP server.
    case smtp(SMTPConfiguration)
    /// Write `.eml` files into this folder.
    case outbox(directory: String)

    /// Reads the mail settings, reporting every problem at once.
    ///
    /// `KINERJA_SMTP_URL` (`smtp://[user:password@]host:port`, or `smtps://`),
    /// `KINERJA_SMTP_USERNAME`, `KINERJA_SMTP_PASSWORD` (override the URL's userinfo),
    /// `KINERJA_SMTP_STARTTLS` (`none`, `opportunistic`, `required`; default `required` with
    /// credentials, else `opportunistic`), `KINERJA_SMTP_CONNECT_TIMEOUT_MS` (10000),
    /// `KINERJA_SMTP_TIMEOUT_MS` (60000), `KINERJA_SMTP_CA_FILE` (PEM CAs to trust instead of
    /// the system's), `KINERJA_MAIL_OUTBOX` (`.data/outbox`).
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> MailConfiguration {
        var env = EnvironmentReader(environment)
        let configuration = read(from: &env)
        try env.validate()
        return configuration
    }

    /// Reads the mail settings into a caller's reader, so the worker reports mail problems
    /// together with its own. With problems, the outbox is returned and `env` holds them.
    public static func read(from env: inout EnvironmentReader) -> MailConfiguration {
        let outbox = MailConfiguration.outbox(directory: env.string("KINERJA_MAIL_OUTBOX", default: ".data/outbox"))
        guard let url = env.optional("KINERJA_SMTP_URL") else { return outbox }
        let tls: SMTPConfiguration.TLSMode? = env.optional("KINERJA_SMTP_STARTTLS") == nil
            ? nil : env.oneOf("KINERJA_SMTP_STARTTLS", default: SMTPConfiguration.TLSMode.required)
        let connect = env.milliseconds("KINERJA_SMTP_CONNECT_TIMEOUT_MS", default: 10_000, in: 1...600_000)
        let total = env.milliseconds("KINERJA_SMTP_TIMEOUT_MS", default: 60_000, in: 1...3_600_000)
        do {
            return .smtp(try SMTPConfiguration(
                url: url, tls: tls, username: env.optional("KINERJA_SMTP_USERNAME"),
                password: env.optional("KINERJA_SMTP_PASSWORD"), connectTimeout: connect, timeout: total,
                caFile: env.optional("KINERJA_SMTP_CA_FILE")))
        } catch {
            // The URL itself may hold a password: name the variable, never echo the value.
            env.report("KINERJA_SMTP_URL", error.detail)
            return outbox
        }
    }

    /// The mailer these settings describe.
    public func makeMailer(logger: Logger = .silent) -> any Mailer {
        switch self {
        case .smtp(let configuration): SMTPClient(configuration: configuration, logger: logger)
        case .outbox(let directory): OutboxMailer(directory: directory)
        }
    }

    /// Secret-free, for the start-up log line.
    public var description: String {
        switch self {
        case .smtp(let configuration): "smtp \(configuration)"
        case .outbox(let directory): "outbox \(directory)"
        }
    }
}
