import Foundation
import Kinerja

/// Angka kredit of a period's functional officials (PermenPANRB 1/2023), each with its explanation.
public struct CreditPointsReport: Sendable, Equatable, Encodable {
    /// One functional official.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The employee.
        public var employeeID: String
        /// NIP.
        public var nip: String
        /// Name.
        public var name: String
        /// The jenjang of the post held at the period's end.
        public var jenjang: String
        /// The evaluation's status.
        public var status: String
        /// The predikat, when final.
        public var predikat: String?
        /// The computation, when there is one.
        public var creditPoints: Explained<CreditPoints.Result>?
        /// Why there is none.
        public var refusal: String?
    }

    /// The period.
    public var period: EvaluationPeriodInfo
    /// Months the period counts.
    public var months: Int
    /// The officials.
    public var entries: [Entry]
    /// Excluded employees, by reason.
    public var excluded: ExclusionSummary
}
