import Foundation

/// Parses a message with Python's `email` package (`scripts/lib/eml_inspect.py`): an independent
/// MIME parser, so tests check what a real client decodes rather than our own reading.
public enum MailInspector {
    /// What the parser decoded.
    public struct Inspection: Sendable, Decodable {
        public let content_type: String
        public let from: String?
        public let from_addresses: [String]
        public let to: [String]
        public let to_names: [String]
        public let cc: [String]
        public let reply_to: [String]
        public let has_bcc: Bool
        public let subject: String?
        public let message_id: String?
        public let date: String?
        public let text: String?
        public let html: String?
        public let attachments: [Attachment]
        /// Parser defects (malformed headers, bad base64, missing boundaries...); empty when clean.
        public let defects: [String]

        /// One attachment, decoded.
        public struct Attachment: Sendable, Decodable {
            public let filename: String?
            public let content_type: String
            public let data_base64: String
            /// The decoded bytes.
            public var data: [UInt8] { Data(base64Encoded: data_base64).map { [UInt8]($0) } ?? [] }
        }
    }

    /// Parses `bytes` (a whole message).
    public static func inspect(_ bytes: [UInt8]) throws -> Inspection {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-eml-\(UUID().uuidString).eml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try inspect(file: file)
    }

    /// Parses the message in `file`.
    public static func inspect(file: URL) throws -> Inspection {
        let process = Process()
        let python = SMTPSink.python
        process.executableURL = URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env")
        process.arguments = (python.hasPrefix("/") ? [] : [python]) + [SMTPSink.scriptPath("eml_inspect.py"), file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
        return try JSONDecoder().decode(Inspection.self, from: data)
    }

    /// The parser exited with an error.
    public struct Failed: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "eml_inspect.py exited with status \(status)" }
    }
}
