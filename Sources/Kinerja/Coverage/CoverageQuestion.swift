

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
