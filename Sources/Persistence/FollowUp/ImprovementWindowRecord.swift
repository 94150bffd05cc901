import Foundation

/// A six-month improvement window (migration 0015 `improvement_windows`; PP 30/2019 Pasal 56–58;
/// Perbup Tanah Laut 2024 Pasal 33–34), with its outcome once recorded.
public struct ImprovementWindowRecord: Sendable, Equatable, Codable {
    /// The window.
    public var id: String
    /// The final annual evaluation that opened it.
    public var evaluationID: String
    /// The employee.
    public var employeeID: String
    /// Name.
    public var name: String
    /// NIP.
    public var nip: String
    /// The predikat that opened it.
    public var predikat: String?
    /// First day.
    public var startsOn: String
    /// Last day (inclusive).
    public var endsOn: String
    /// open, improved, not-improved or cancelled.
    public var status: String
    /// Notes on the outcome.
    public var outcomeNotes: String?
    /// Who recorded the outcome.
    public var outcomeBy: String?
    /// When.
    public var outcomeAt: Date?
}

/// What `generateImprovementWindows` did for a period.
public struct ImprovementWindowGeneration: Sendable, Equatable, Encodable {
    /// One reason a final evaluation opened no window, with its count.
    public struct Skipped: Sendable, Equatable, Encodable {
        /// `predikat` or `no-jabatan`.
        public var code: String
        /// Evaluations.
        public var count: Int
    }

    /// The period.
    public var period: EvaluationPeriodInfo
    /// Final evaluations that qualify.
    public var qualifying: Int
    /// Windows created by this call.
    public var created: Int
    /// Qualifying evaluations whose window already existed (the call is idempotent).
    public var existing: Int
    /// Final evaluations that opened no window, by reason.
    public var skipped: [Skipped]
    /// Evaluations not final yet: asked again after finalising, they are considered then.
    public var notFinal: Int
    /// Excluded employees, by reason.
    public var excluded: ExclusionSummary
    /// The windows created now.
    public var windows: [ImprovementWindowRecord]
    /// The rules applied.
    public var basis: [String]
}
