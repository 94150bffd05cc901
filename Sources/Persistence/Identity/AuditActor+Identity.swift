import Foundation

extension AuditActor {
    /// A central (platform) admin, e.g. onboarding a tenant or inviting its first admin.
    public static func centralAdmin(_ id: UUID) -> AuditActor {
        AuditActor(description: "central-admin:" + id.uuidString.lowercased())
    }
}
