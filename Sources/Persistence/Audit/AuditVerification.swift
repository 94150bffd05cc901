import Kinerja

/// The result of walking a tenant's audit chain.
public struct AuditVerification: Sendable, Equatable {
    /// Entries checked and found sound before the first break (all of them when intact).
    public var verifiedCount: Int
    /// The first broken entry, or nil when the chain holds.
    public var firstBreak: AuditChainBreak?

    /// Whether the whole chain holds.
    public var isIntact: Bool { firstBreak == nil }
}
