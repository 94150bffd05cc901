import Foundation

/// Sasaran Kinerja Pegawai: an employee's performance plan for a year, from a start month (January,
/// or the month of a new assignment when the employee moved during the year — Perbup Pasuruan
/// 117/2019 Pasal 9 ayat (2)). Its content lives in revisions; an approved revision never changes.
public struct SKP: Sendable, Equatable, Codable {
    /// The SKP's id.
    public var id: UUID
    /// Whose plan it is.
    public var employeeID: UUID
    /// The year planned.
    public var year: Int
    /// The first month covered, 1–12.
    public var startMonth: Int
    /// The pejabat penilai kinerja resolved when the SKP was created.
    public var evaluatorID: UUID
    /// The atasan pejabat penilai resolved then, who settles disputes.
    public var evaluatorSuperiorID: UUID?
    /// The perangkat daerah the employee belonged to, whose Pengelola Kinerja reviews.
    public var perangkatDaerahID: UUID?
    /// The version of the tenant's rule set the SKP was made under.
    public var ruleSetVersion: String
    /// The current revision's number (1 for the first).
    public var revision: Int
    /// The current revision's status.
    public var status: SKPStatus
    /// Whether the superior has decided the current revision (final).
    public var decided: Bool
    /// The current revision's content.
    public var content: SKPContent
    /// When the current revision was approved, if it was.
    public var approvedAt: Date?

    /// Creates an SKP.
    public init(id: UUID, employeeID: UUID, year: Int, startMonth: Int, evaluatorID: UUID, evaluatorSuperiorID: UUID?,
                perangkatDaerahID: UUID?, ruleSetVersion: String, revision: Int = 1, status: SKPStatus = .draft,
                decided: Bool = false, content: SKPContent, approvedAt: Date? = nil) {
        self.id = id
        self.employeeID = employeeID
        self.year = year
        self.startMonth = startMonth
        self.evaluatorID = evaluatorID
        self.evaluatorSuperiorID = evaluatorSuperiorID
        self.perangkatDaerahID = perangkatDaerahID
        self.ruleSetVersion = ruleSetVersion
        self.revision = revision
        self.status = status
        self.decided = decided
        self.content = content
        self.approvedAt = approvedAt
    }

    /// The part `person` plays towards this SKP; `pengelolaOf` lists the perangkat daerah whose
    /// Pengelola Kinerja the person is. The employee's own part wins over any other.
    public func actor(for person: UUID, pengelolaOf: Set<UUID> = []) -> SKPActor {
        if person == employeeID { return .employee }
        if person == evaluatorID { return .evaluator }
        if person == evaluatorSuperiorID { return .superior }
        if let unit = perangkatDaerahID, pengelolaOf.contains(unit) { return .pengelola }
        return .other
    }

    /// The start month for an SKP of `year` when the employee's assignment began on `assignmentStart`:
    /// January, or the assignment's month when it began later in that year (Pasal 9 ayat (2)).
    public static func startMonth(year: Int, assignmentStart: CivilDate?) -> Int {
        guard let start = assignmentStart, start.year == year else { return 1 }
        return start.month
    }
}
