import Foundation
import Kinerja
import Persistence

// What the organisation routes answer with: ids as lower-case strings, dates as YYYY-MM-DD.

/// A perangkat daerah.
struct PerangkatDaerahView: Encodable {
    let id: String, code: String, name: String, active: Bool
    init(_ v: PerangkatDaerah) { (id, code, name, active) = (v.id.text, v.code, v.name, v.active) }
}

/// A unit kerja.
struct UnitKerjaView: Encodable {
    let id: String, perangkatDaerahId: String, parentId: String?, code: String, name: String, active: Bool
    init(_ v: UnitKerja) {
        (id, perangkatDaerahId, parentId, code, name, active) = (v.id.text, v.perangkatDaerahID.text, v.parentID?.text, v.code, v.name, v.active)
    }
}

/// A jabatan.
struct JabatanView: Encodable {
    let id: String, unitKerjaId: String, superiorId: String?, code: String, name: String, kind: String, jenjang: String?, active: Bool
    init(_ v: Jabatan) {
        (id, unitKerjaId, superiorId, code, name) = (v.id.text, v.unitKerjaID.text, v.superiorID?.text, v.code, v.name)
        (kind, jenjang, active) = (v.kind.rawValue, v.jenjang?.rawValue, v.active)
    }
}

/// An employee.
struct EmployeeView: Encodable {
    let id: String, nip: String, name: String, type: String, status: String, managedByInstansiPembina: Bool, email: String?
    init(_ v: Employee) {
        (id, nip, name, type, status) = (v.id.text, v.nip.digits, v.name, v.type.rawValue, v.status.rawValue)
        (managedByInstansiPembina, email) = (v.managedByInstansiPembina, v.email)
    }
}

/// An assignment.
struct AssignmentView: Encodable {
    let id: String, employeeId: String, jabatanId: String, kind: String, validFrom: String, validUntil: String?
    init(_ v: Assignment) {
        (id, employeeId, jabatanId, kind) = (v.id.text, v.employeeID.text, v.jabatanID.text, v.kind.rawValue)
        (validFrom, validUntil) = (v.period.from.description, v.period.until?.description)
    }
}

/// An evaluator override.
struct EvaluatorOverrideView: Encodable {
    let id: String, employeeId: String, evaluatorId: String, validFrom: String, validUntil: String?, reason: String
    init(_ v: EvaluatorOverride) {
        (id, employeeId, evaluatorId, reason) = (v.id.text, v.employeeID.text, v.evaluatorID.text, v.reason)
        (validFrom, validUntil) = (v.period.from.description, v.period.until?.description)
    }
}

/// The answer to "who evaluates this employee on this date", with the reasons.
struct EvaluatorView: Encodable {
    struct Official: Encodable {
        let employeeId: String
        /// `hierarchy` or `override`.
        let basis: String
        let jabatanId: String?
        /// `definitif`, `plt` or `plh` when from the hierarchy.
        let holding: String?
        let overrideId: String?
        init(_ p: PejabatPenilai) {
            employeeId = p.employeeID.text
            switch p.basis {
            case .hierarchy(let jabatan, let kind): (basis, jabatanId, holding, overrideId) = ("hierarchy", jabatan.text, kind.rawValue, nil)
            case .override(let id): (basis, jabatanId, holding, overrideId) = ("override", nil, nil, id.text)
            }
        }
    }
    let employeeId: String
    let date: String
    let evaluator: Official?
    let evaluatorSuperior: Official?
    let explanation: [ExplanationStep]
    let superiorExplanation: [ExplanationStep]
    init(_ r: EvaluatorResolution) {
        (employeeId, date) = (r.employeeID.text, r.date.description)
        evaluator = r.evaluator.map(Official.init)
        evaluatorSuperior = r.evaluatorSuperior.map(Official.init)
        (explanation, superiorExplanation) = (r.explanation.steps, r.superiorExplanation.steps)
    }
}

/// The chain check.
struct AuditVerificationView: Encodable {
    struct Broken: Encodable { let seq: Int64, reason: String, message: String }
    let intact: Bool
    let verifiedEntries: Int
    let firstBroken: Broken?
    init(_ v: AuditVerification) {
        (intact, verifiedEntries) = (v.isIntact, v.verifiedCount)
        firstBroken = v.firstBreak.map { Broken(seq: $0.seq, reason: $0.reason.rawValue, message: $0.message) }
    }
}

extension UUID {
    /// The lower-case form the API uses.
    var text: String { uuidString.lowercased() }
}
