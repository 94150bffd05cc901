import Foundation
import HTTP
import Kinerja
import Persistence

// Bodies the organisation routes accept.

/// Create or replace a perangkat daerah (the code is fixed once created).
struct PerangkatDaerahRequest: Decodable {
    let code: String?
    let name: String
    let active: Bool?
}

/// Create or replace a unit.
struct UnitKerjaRequest: Decodable {
    let perangkatDaerahId: UUID?
    let parentId: UUID?
    let code: String?
    let name: String
    let active: Bool?
}

/// Create or replace a jabatan.
struct JabatanRequest: Decodable {
    let unitKerjaId: UUID
    let superiorId: UUID?
    let code: String?
    let name: String
    let kind: JabatanKind
    let jenjang: JenjangFungsional?
    let active: Bool?
}

/// Create or replace an employee.
struct EmployeeRequest: Decodable {
    let nip: String
    let name: String
    let type: EmployeeType
    let status: EmployeeStatus?
    let managedByInstansiPembina: Bool?
    let email: String?
}

/// Assign an employee to a jabatan.
struct AssignmentRequest: Decodable {
    let employeeId: UUID
    let jabatanId: UUID
    let kind: AssignmentKind
    let validFrom: CivilDate
    let validUntil: CivilDate?
}

/// Set an evaluator override.
struct EvaluatorOverrideRequest: Decodable {
    let employeeId: UUID
    let evaluatorId: UUID
    let validFrom: CivilDate
    let validUntil: CivilDate?
    let reason: String
}

/// Close a date range.
struct EndRequest: Decodable {
    let validUntil: CivilDate
}

extension Request {
    /// The path parameter `name` as a UUID, or a 404 (a malformed id names nothing).
    func uuidParameter(_ name: String, _ what: String) throws -> UUID {
        guard let id = parameter(name).flatMap(UUID.init(uuidString:)) else { throw Problem.notFound("\(what) tidak ditemukan.") }
        return id
    }

    /// The `limit` and the id after which to continue (`cursor`), per the API's pagination.
    func pageRequest() throws -> (after: UUID?, limit: Int) {
        let limit = try PageCursor.limit(self)
        guard let cursor = query("cursor") else { return (nil, limit) }
        guard let id = UUID(uuidString: try PageCursor.decode(cursor)) else { throw Problem.badRequest("Kursor halaman tidak valid.") }
        return (id, limit)
    }

    /// The query parameter `name` as a UUID, nil when absent, 422 when malformed.
    func uuidQuery(_ name: String) throws -> UUID? {
        guard let text = query(name) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Problem.validation([Problem.FieldError(pointer: "/" + name, code: "invalid_uuid", message: "Bukan UUID yang sah.")])
        }
        return id
    }
}

extension ListPage {
    /// The API page: items and an opaque cursor for the next page.
    func view<View: Encodable>(_ transform: (Item) -> View) -> Page<View> {
        Page(items: items.map(transform), nextCursor: nextAfter.map { PageCursor.encode($0.uuidString.lowercased()) })
    }
}
