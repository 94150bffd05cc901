/// A period during which an employee holds a status that may exempt them.
public struct StatusPeriod: Sendable, Equatable, Codable {
    /// The status.
    public var status: EmploymentStatus
    /// First day, inclusive.
    public var from: CivilDate
    /// Last day, inclusive; `nil` while it lasts.
    public var until: CivilDate?

    /// Creates a period.
    public init(status: EmploymentStatus, from: CivilDate, until: CivilDate? = nil) {
        self.status = status
        self.from = from
        self.until = until
    }

    /// Whether the period includes `date`.
    public func contains(_ date: CivilDate) -> Bool {
        from <= date && (until.map { date <= $0 } ?? true)
    }
}

/// "Is this employee obliged to take part in performance management on this date?"
public struct CoverageQuestion: Sendable, Equatable, Codable {
    /// PNS, PPPK or CPNS.
    public var employeeType: EmployeeType
    /// The employee's status periods (leave, study assignment, …).
    public var statuses: [StatusPeriod]
    /// The date asked about.
    public var on: CivilDate

    /// Creates a question.
    public init(employeeType: EmployeeType, statuses: [StatusPeriod] = [], on: CivilDate) {
        self.employeeType = employeeType
        self.statuses = statuses
        self.on = on
    }
}

/// The answer to a `CoverageQuestion`.
public struct CoverageDecision: Sendable, Equatable, Codable {
    /// Why an employee is not obliged.
    public struct Reason: Sendable, Equatable, Codable {
        /// Stable reason codes.
        public enum Code: String, Sendable, Codable {
            /// The rule set does not cover this employee type at all.
            case typeNotCovered = "type-not-covered"
            /// The employee type is covered only from a later date.
            case typeNotYetCovered = "type-not-yet-covered"
            /// A status on that date exempts the employee.
            case exemptStatus = "exempt-status"
        }

        /// Which reason.
        public var code: Code
        /// The reason in Bahasa Indonesia.
        public var message: String
        /// The article behind it.
        public var basis: LegalBasis?
    }

    /// Whether the employee must take part (gets reminders, counts as missing when absent).
    public var obliged: Bool
    /// Every reason the employee is not obliged; empty when obliged.
    public var reasons: [Reason]
}
