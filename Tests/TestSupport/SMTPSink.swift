import Foundation

/// A real SMTP server for tests: `scripts/lib/smtp_sink.py` (aiosmtpd), which saves each accepted
/// message as `<maildir>/*.eml` with its envelope in a sidecar `.json`.
///
/// `scripts/test` starts one for the whole run (`shared()`); a test that needs to stop or
/// restart a server, or one that rejects recipients, launches its own with `init`. The process
/// is terminated in `stop()` and `deinit`, and exits by itself if the test process dies.
public final class SMTPSink: @unchecked Sendable {
    // @unchecked: `process` is only touched under `lock`; the other stored properties are lets.
    /// `smtp://127.0.0.1:<port>`.
    public let url: String
    /// The port the server listens on (kept across `restart()`).
    public let port: Int
    /// Where accepted messages are written.
    public let maildir: URL
    private let arguments: [String]
    private let lock = NSLock()
    private var process: Process?

    /// Starts a sink on `port` (0: any free port), saving into `maildir` (default: a new
    /// temporary directory). `rejectRecipients` / `deferRecipients`: substrings of recipient
    /// addresses answered with 550 / 451. `credentials` (`user:password`): AUTH required, over
    /// plain text unless `tls` is given (test only). `tls`: STARTTLS offered and required, or
    /// TLS from the first byte when `implicitTLS`. Waits (at most 15 s) until the server listens.
    public init(port: Int = 0, maildir: URL? = nil, rejectRecipients: [String] = [],
                deferRecipients: [String] = [], credentials: String? = nil,
                tls: TestCertificate? = nil, implicitTLS: Bool = false) throws {
        let dir = maildir ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-smtp-" + UUID().uuidString.lowercased(), isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        self.maildir = dir
        var args = [SMTPSink.scriptPath("smtp_sink.py"), "--host", "127.0.0.1", "--maildir", dir.path]
        for r in rejectRecipients { args += ["--reject-rcpt", r] }
        for d in deferRecipients { args += ["--tempfail-rcpt", d] }
        if let credentials { args += ["--auth", credentials] }
        if let tls { args += ["--tls-cert", tls.certificate, "--tls-key", tls.key] }
        if implicitTLS { args += ["--implicit-tls"] }
        self.arguments = args
        let (process, chosen) = try SMTPSink.launch(args, port: port, maildir: dir)
        self.process = process
        self.port = chosen
        self.url = "smtp://127.0.0.1:\(chosen)"
    }

    private init(url: String, port: Int, maildir: URL) {
        self.url = url
        self.port = port
        self.maildir = maildir
        self.arguments = []
    }

    deinit { stop() }

    /// The sink `scripts/test` started for the run (KINERJA_TEST_SMTP_URL, _MAILDIR), or an error
    /// that says how to get one. It cannot be stopped from here.
    public static func shared() throws -> SMTPSink {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["KINERJA_TEST_SMTP_URL"], !url.isEmpty,
              let dir = env["KINERJA_TEST_SMTP_MAILDIR"], !dir.isEmpty,
              let port = url.split(separator: ":").last.flatMap({ Int($0) }) else { throw Unavailable() }
        return SMTPSink(url: url, port: port, maildir: URL(fileURLWithPath: dir, isDirectory: true))
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit.
    public func stop() {
        lock.lock()
        let running = process
        process = nil
        lock.unlock()
        guard let running, running.isRunning else { return }
        let pid = running.processIdentifier
        running.terminate()
        // The sink exits within milliseconds of SIGTERM; SIGKILL it if it has not after 5 s.
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: watchdog)
        running.waitUntilExit()
        watchdog.cancel()
    }

    /// Starts the server again on the same port and maildir after `stop()`.
    public func restart() throws {
        stop()
        let (process, _) = try SMTPSink.launch(arguments, port: port, maildir: maildir)
        lock.lock()
        self.process = process
        lock.unlock()
    }

    /// Saved messages whose bytes contain `needle` (e.g. a Message-ID), with their envelopes.
    public func messages(containing needle: String) throws -> [SavedMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter { $0.hasSuffix(".eml") }.sorted()
        var found: [SavedMessage] = []
        for name in names {
            let file = maildir.appendingPathComponent(name)
            let data = try Data(contentsOf: file)
            guard String(decoding: data, as: UTF8.self).contains(needle) else { continue }
            let sidecar = file.deletingPathExtension().appendingPathExtension("json")
            let envelope = try JSONDecoder().decode(SavedMessage.Envelope.self, from: Data(contentsOf: sidecar))
            found.append(SavedMessage(file: file, bytes: [UInt8](data), envelope: envelope))
        }
        return found
    }

    /// Polls (every 20 ms, at most `timeout`) until `messages(containing:)` is not empty.
    public func waitForMessages(containing needle: String, timeout: Duration = .seconds(10)) throws -> [SavedMessage] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try messages(containing: needle)
            if !found.isEmpty || ContinuousClock.now >= deadline { return found }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The path of a helper under `scripts/lib`, found from this source file's location.
    public static func scriptPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lib/" + name).path
    }

    /// Debian's interpreter, which has python3-aiosmtpd; a pyenv `python3` on PATH would not.
    public static var python: String {
        let env = ProcessInfo.processInfo.environment["KINERJA_PYTHON"] ?? ""
        if !env.isEmpty { return env }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
    }

    private static func launch(_ args: [String], port: Int, maildir: URL) throws -> (Process, Int) {
        let portFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-smtp-port-" + UUID().uuidString.lowercased()).path
        defer { try? FileManager.default.removeItem(atPath: portFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env")
        process.arguments = (python.hasPrefix("/") ? [] : [python]) + args + ["--port", String(port), "--port-file", portFile]
        process.standardOutput = FileHandle.nullDevice
        // aiosmtpd logs expected failures (refused TLS handshakes) as tracebacks: keep them out of
        // the test output, in a file next to the maildir.
        let logPath = maildir.path + ".log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
        try process.run()
        // Bounded wait for the port file, which the server writes once it listens.
        for _ in 0..<750 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
               let chosen = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return (process, chosen)
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        throw LaunchFailed(port: port)
    }

    /// One message the sink accepted.
    public struct SavedMessage: Sendable {
        /// The `.eml` file.
        public let file: URL
        /// The message as received (after SMTP dot-unstuffing).
        public let bytes: [UInt8]
        /// The SMTP envelope.
        public let envelope: Envelope

        /// MAIL FROM and RCPT TO as the server saw them, and the client's TCP port (messages
        /// of one SMTP session share it).
        public struct Envelope: Sendable, Decodable {
            public let mail_from: String
            public let rcpt_tos: [String]
            public let peer_port: Int?
        }
    }

    /// Thrown when `scripts/test` did not start a sink.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "no test SMTP server: run scripts/test (it exports KINERJA_TEST_SMTP_URL)" }
    }

    /// Thrown when the sink did not start listening in time.
    public struct LaunchFailed: Error, CustomStringConvertible {
        public let port: Int
        public var description: String { "the test SMTP server did not start (port \(port)); is python3-aiosmtpd installed?" }
    }
}
