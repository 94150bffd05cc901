import Foundation

/// A throwaway self-signed certificate for 127.0.0.1 and localhost, made with the `openssl`
/// command, for TLS tests against the SMTP sink. The certificate is its own CA file.
public struct TestCertificate: Sendable {
    /// PEM certificate path (also usable as the client's CA file).
    public let certificate: String
    /// PEM private key path.
    public let key: String

    /// Generates a new pair in a fresh temporary directory (EC P-256: fast to make).
    public init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-tls-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        certificate = dir + "/cert.pem"
        key = dir + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                             "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed() }
    }

    /// `openssl req` failed.
    public struct Failed: Error, CustomStringConvertible {
        public var description: String { "openssl could not make a test certificate" }
    }
}
