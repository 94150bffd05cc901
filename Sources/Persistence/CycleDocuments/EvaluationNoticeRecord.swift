import Foundation
import Kinerja

/// What the `evaluation.finalised` notification tells about an evaluation, and to whom, read by
/// `CycleRecordStore.notice` in one transaction: far less than the document prints (no parties,
/// no plan).
public struct EvaluationNoticeRecord: Sendable, Equatable {
    /// The pegawai yang dinilai.
    public var employeeID: UUID
    /// The evaluation's version (1 when finalised; each changing objection decision adds one).
    public var version: Int
    /// The predikat, when rated.
    public var predikat: String?
    /// `periodic` or `annual`.
    public var periodKind: String
    /// `monthly`, `quarterly`, `semiannual` or `annual`.
    public var cadence: String
    /// The period's first day.
    public var startsOn: CivilDate
    /// The period's last day.
    public var endsOn: CivilDate
    /// The announced document's id and verification code, when it was asked for and exists.
    public var documentID: UUID?
    /// See `documentID`.
    public var verificationCode: String?
    /// The number of the tenant's published rule-set version in force on the period's last day.
    public var ruleSetVersionInForce: Int?
    /// Who is told (the recipient asked for, else the employee), nil when the tenant has no such employee.
    public var recipient: RecipientStore.Recipient? = nil
}
