import Foundation

/// A recorded reward (penghargaan; migration 0015 `rewards`; Perbup Tanah Laut 2024 Pasal 30).
public struct RewardRecord: Sendable, Equatable, Codable {
    /// The kinds the table allows: succession-planning group, competence development, an award, other.
    public static let kinds = ["kelompok-rencana-suksesi", "pengembangan-kompetensi", "penghargaan", "lainnya"]

    /// The reward.
    public var id: String
    /// The final evaluation it follows from.
    public var evaluationID: String
    /// The employee.
    public var employeeID: String
    /// The employee's name.
    public var name: String
    /// One of `kinds`.
    public var kind: String
    /// Notes.
    public var notes: String?
    /// The user who recorded it.
    public var grantedBy: String
    /// When.
    public var grantedAt: Date
}
