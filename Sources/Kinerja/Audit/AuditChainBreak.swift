/// The first entry at which a tenant's audit chain does not hold, and why.
public struct AuditChainBreak: Sendable, Equatable, Codable {
    /// What is wrong with the entry.
    public enum Reason: String, Sendable, Codable {
        /// The entry's `seq` is not the next number (an entry was removed or inserted).
        case sequenceGap = "sequence-gap"
        /// `prev_hash` is not the previous entry's hash.
        case previousHashMismatch = "previous-hash-mismatch"
        /// The stored hash does not match the entry's content: the entry was changed.
        case hashMismatch = "hash-mismatch"
    }

    /// The `seq` of the broken entry.
    public var seq: Int64
    /// Why.
    public var reason: Reason

    /// Creates a break.
    public init(seq: Int64, reason: Reason) {
        self.seq = seq
        self.reason = reason
    }

    /// The reason in Bahasa Indonesia.
    public var message: String {
        switch reason {
        case .sequenceGap: "Entri audit #\(seq): nomor urut tidak bersambung (ada entri yang hilang atau disisipkan)."
        case .previousHashMismatch: "Entri audit #\(seq): hash sebelumnya tidak sama dengan hash entri sebelumnya."
        case .hashMismatch: "Entri audit #\(seq): isi entri tidak cocok dengan hash-nya (entri telah diubah)."
        }
    }
}
