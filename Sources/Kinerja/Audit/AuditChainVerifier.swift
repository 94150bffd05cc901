/// Walks a tenant's audit chain in `seq` order, one stored entry at a time, and stops at the first
/// entry that breaks it. Stores feed it page by page, so a long chain never sits in memory.
public struct AuditChainVerifier: Sendable {
    /// The hash the next entry must name as its predecessor.
    public private(set) var expectedPrevious = AuditEntry.genesisHash
    /// The `seq` the next entry must have.
    public private(set) var expectedSeq: Int64 = 1
    /// The first break found, if any; once set, further entries are ignored.
    public private(set) var firstBreak: AuditChainBreak?
    /// How many entries were checked and found sound.
    public private(set) var verifiedCount = 0

    /// SHA-256, supplied by the caller.
    private let hash: @Sendable ([UInt8]) -> [UInt8]

    /// A verifier at the start of a chain, hashing with `hash` (SHA-256).
    public init(hash: @escaping @Sendable ([UInt8]) -> [UInt8]) {
        self.hash = hash
    }

    /// Checks the next stored entry (its content, and the hashes stored with it).
    public mutating func check(_ entry: AuditEntry, previousHash: [UInt8], hash: [UInt8]) {
        guard firstBreak == nil else { return }
        if entry.seq != expectedSeq {
            firstBreak = AuditChainBreak(seq: entry.seq, reason: .sequenceGap)
        } else if previousHash != expectedPrevious {
            firstBreak = AuditChainBreak(seq: entry.seq, reason: .previousHashMismatch)
        } else if self.hash(entry.chainInput(previous: previousHash)) != hash {
            firstBreak = AuditChainBreak(seq: entry.seq, reason: .hashMismatch)
        } else {
            expectedPrevious = hash
            expectedSeq += 1
            verifiedCount += 1
        }
    }
}
