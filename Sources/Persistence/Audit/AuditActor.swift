import Foundation

/// Who makes a change, as the audit log records it.
public struct AuditActor: Sendable, Hashable, CustomStringConvertible {
    /// `user:<uuid>` or `system:<program>`.
    public let description: String

    /// A signed-in user.
    public static func user(_ id: UUID) -> AuditActor { AuditActor(description: "user:" + id.uuidString.lowercased()) }

    /// A program acting on an operator's command (e.g. `kinerja seed`).
    public static func system(_ program: String) -> AuditActor { AuditActor(description: "system:" + program) }
}
