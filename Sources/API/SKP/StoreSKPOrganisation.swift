import Foundation
import Kinerja
import Persistence

/// The organisation through the organisation module's `AssignmentStore`: the evaluator resolved
/// from the hierarchy (`evaluator(of:on:)` via `standing`) and the start of the current post.
struct StoreSKPOrganisation: SKPOrganisation {
    let assignments: AssignmentStore

    func placement(of employee: UUID, tenant: UUID, on date: CivilDate) throws -> SKPPlacement? {
        let standing = try assignments.standing(tenant: tenant, of: employee, on: date)
        let current = try assignments.assignments(tenant: tenant, employeeID: employee)
            .filter { $0.period.contains(date) }
            .sorted { ($0.kind == .definitif ? 0 : 1, $1.period.from) < ($1.kind == .definitif ? 0 : 1, $0.period.from) }
            .first
        return SKPPlacement(evaluatorID: standing.evaluatorID, evaluatorSuperiorID: standing.evaluatorSuperiorID,
                            perangkatDaerahID: standing.perangkatDaerahID, assignmentStart: current?.period.from)
    }
}
