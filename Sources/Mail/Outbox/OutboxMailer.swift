import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Delivers into a folder instead of a server, for development without SMTP: each message
/// becomes `<directory>/<message-id>.eml`, openable in any mail client.
///
/// Idempotent like a receiver that deduplicates by Message-ID: delivering the same Message-ID
/// again leaves the one existing file. Each file appears whole or not at all (written to a
/// temporary name in the same directory, then renamed, which POSIX makes atomic).
public struct OutboxMailer: Mailer {
    /// The folder messages are written to (created when missing).
    public let directory: String

    /// A mailer writing into `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `message` to its file unless a file for its Message-ID already exists.
    public func deliver(_ message: MailMessage) throws(MailDeliveryError) {
        let path = directory + "/" + OutboxMailer.fileName(for: message.messageID)
        if FileManager.default.fileExists(atPath: path) { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .outbox(directory: directory, errno: EACCES)
        }
        let temporary = directory + "/.tmp-" + UUID().uuidString.lowercased() + ".eml"
        let bytes = message.render()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .outbox(directory: directory, errno: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .outbox(directory: directory, errno: failure)
        }
    }

    /// `<id@domain>` → `id@domain.eml`: letters, digits and `.-_@+=` kept, anything else `_`.
    /// When something had to be replaced, a hash of the whole Message-ID is appended so two
    /// IDs that differ only in replaced characters still get different files.
    public static func fileName(for messageID: String) -> String {
        let inner = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        var changed = false
        var name = ""
        for scalar in inner.unicodeScalars {
            let keep = (scalar.value < 0x80) && (CharacterSet.alphanumerics.contains(scalar) || "._-@+=".unicodeScalars.contains(scalar))
            name.unicodeScalars.append(keep ? scalar : "_")
            changed = changed || !keep
        }
        if name.hasPrefix(".") { name = "_" + name.dropFirst(); changed = true }
        name = String(name.prefix(200))
        if changed || name.isEmpty {
            // FNV-1a 64: stable across runs and platforms, unlike Hasher.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in messageID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            name += "-" + String(hash, radix: 16)
        }
        return name + ".eml"
    }
}
