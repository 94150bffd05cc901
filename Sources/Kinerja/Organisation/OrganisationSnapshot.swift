import Foundation

/// The part of a tenant's organisation that decides who evaluates whom: posts, who held them
/// when, and admins' overrides. Stores load it; `PejabatPenilaiResolver` reads it.
public struct OrganisationSnapshot: Sendable {
    /// Posts by id.
    public var jabatan: [UUID: JabatanNode]
    /// Every assignment, past, present and future (or only those in force on the date asked).
    public let assignments: [Assignment]
    /// Every override, past, present and future (or only those in force on the date asked).
    public let overrides: [EvaluatorOverride]
    /// Employee names by id, for explanations (ids are used when a name is missing).
    public var employeeNames: [UUID: String]
    /// Assignments by employee and by jabatan, so a resolution does not scan every assignment.
    let assignmentsByEmployee: [UUID: [Assignment]]
    let assignmentsByJabatan: [UUID: [Assignment]]
    /// Overrides by the employee evaluated.
    let overridesByEmployee: [UUID: [EvaluatorOverride]]

    /// Creates a snapshot.
    public init(jabatan: [JabatanNode], assignments: [Assignment], overrides: [EvaluatorOverride] = [],
                employeeNames: [UUID: String] = [:]) {
        self.jabatan = Dictionary(jabatan.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.assignments = assignments
        self.overrides = overrides
        self.employeeNames = employeeNames
        assignmentsByEmployee = Dictionary(grouping: assignments, by: \.employeeID)
        assignmentsByJabatan = Dictionary(grouping: assignments, by: \.jabatanID)
        overridesByEmployee = Dictionary(grouping: overrides, by: \.employeeID)
    }

    /// The name of an employee for explanations.
    func name(of employee: UUID) -> String {
        employeeNames[employee] ?? employee.uuidString.lowercased()
    }
}
