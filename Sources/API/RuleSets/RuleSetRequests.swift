import Foundation
import HTTP
import Kinerja

// Request bodies of the rule-set and holiday API.

/// `POST /v1/admin/tenants/{slug}/rule-sets` and `PUT …/{version}`:
/// `{"document": {…rule set…}, "legalNote": "…"?}`. Read with the domain's JSON parser, so the
/// document reaches `RuleSet.parse` exactly as sent (numbers stay decimal).
struct RuleSetDraftRequest {
    /// The rule-set document, as JSON bytes.
    let document: Data
    /// Why this version exists; optional.
    let legalNote: String?

    /// Parses the body, or throws 400 (not JSON) or 422 (wrong shape).
    static func parse(_ request: Request) throws -> RuleSetDraftRequest {
        guard !request.body.isEmpty else { throw Problem.invalidJSON("Isi permintaan kosong; kirim dokumen JSON.") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(Data(request.body))
        } catch {
            throw Problem.invalidJSON("Isi permintaan bukan JSON yang valid (byte \(error.offset)).")
        }
        guard case .object(let members) = value else {
            throw Problem.validation([.init(pointer: "", code: "wrong_type", message: "Harus objek JSON.")])
        }
        var errors: [Problem.FieldError] = []
        for key in members.keys.sorted() where key != "document" && key != "legalNote" {
            errors.append(.init(pointer: "/" + key, code: "unknown_key", message: "Anggota tidak dikenal."))
        }
        var document: JSONValue?
        switch members["document"] {
        case .object?: document = members["document"]
        case nil, .null?: errors.append(.init(pointer: "/document", code: "required", message: "Wajib diisi."))
        default: errors.append(.init(pointer: "/document", code: "wrong_type", message: "Harus objek aturan."))
        }
        var note: String?
        switch members["legalNote"] {
        case .string(let text)?: note = text.isEmpty ? nil : text
        case nil, .null?: note = nil
        default: errors.append(.init(pointer: "/legalNote", code: "wrong_type", message: "Harus teks."))
        }
        guard errors.isEmpty, let document else { throw Problem.validation(errors) }
        return RuleSetDraftRequest(document: try JSONEncoder().encode(document), legalNote: note)
    }
}

/// `POST /v1/admin/tenants/{slug}/rule-sets/{version}/publish`: `{"validFrom", "validUntil"?}`.
struct PublishRequest: Decodable {
    let validFrom: String
    let validUntil: String?

    /// The dates, or 422 pointing at each bad one.
    func dates() throws -> (from: CivilDate, until: CivilDate?) {
        var errors: [Problem.FieldError] = []
        let from = CivilDate(iso: validFrom)
        if from == nil { errors.append(.init(pointer: "/validFrom", code: "invalid_date", message: "Tanggal YYYY-MM-DD.")) }
        let until = validUntil.flatMap(CivilDate.init(iso:))
        if validUntil != nil, until == nil {
            errors.append(.init(pointer: "/validUntil", code: "invalid_date", message: "Tanggal YYYY-MM-DD."))
        }
        guard errors.isEmpty, let from else { throw Problem.validation(errors) }
        return (from, until)
    }
}

/// `POST /v1/holidays`: `{"date", "name", "decree"}`.
struct HolidayRequest: Decodable {
    let date: String
    let name: String
    let decree: String

    /// The date, or 422.
    func civilDate() throws -> CivilDate {
        guard let day = CivilDate(iso: date) else {
            throw Problem.validation([.init(pointer: "/date", code: "invalid_date", message: "Tanggal YYYY-MM-DD.")])
        }
        return day
    }
}

/// `POST …/rule-sets/{version}/simulate`: the period whose evaluations to replay.
struct SimulationRequest: Decodable {
    let periodId: UUID
}
