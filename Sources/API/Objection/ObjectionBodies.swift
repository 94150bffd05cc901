import Foundation
import HTTP
import Kinerja
import Persistence

/// `POST /v1/evaluations/{id}/objection`.
struct FileObjectionBody: Decodable {
    let reasons: String
}

/// `POST /v1/objections/{id}/hearing`: what each side explained; at least one.
struct HearingBody: Decodable {
    let employeeExplanation: String?
    let evaluatorExplanation: String?
}

/// `POST /v1/objections/{id}/decision`.
struct DecisionObjectionBody: Decodable {
    struct Ratings: Decodable {
        let hasilKerja: Rating
        let perilakuKerja: Rating
    }

    /// `upheld` or `changed`.
    let outcome: String
    /// Quadrant model, with `changed`.
    let ratings: Ratings?
    /// Weighted model, with `changed`: the rating's scores body (`fungsionalNeedsLeadership` optional).
    let scores: ScoresBody?
    let recommendation: String?
    let notes: String?

    /// The store's input, with every text bounded.
    func input() throws -> ObjectionDecisionInput {
        let notes = try ObjectionText.optional(notes, pointer: "/notes")
        let recommendation = try ObjectionText.optional(recommendation, pointer: "/recommendation")
        switch (outcome, ratings, scores) {
        case ("upheld", nil, nil):
            return ObjectionDecisionInput(change: .uphold, notes: notes, recommendation: recommendation)
        case ("upheld", _, _):
            throw Problem.validation([.init(pointer: ratings == nil ? "/scores" : "/ratings", code: "not-allowed",
                                            message: "Keputusan menguatkan tidak mengubah rating atau nilai.")])
        case ("changed", let ratings?, nil):
            return ObjectionDecisionInput(change: .ratings(hasilKerja: ratings.hasilKerja, perilakuKerja: ratings.perilakuKerja),
                                          notes: notes, recommendation: recommendation)
        case ("changed", nil, let scores?):
            return ObjectionDecisionInput(change: .scores(scores.input), notes: notes, recommendation: recommendation)
        case ("changed", _, _):
            throw Problem.validation([.init(pointer: "/ratings", code: "required",
                                            message: "Keputusan mengubah memuat rating baru (kuadran) atau nilai baru (berbobot), salah satu.")])
        default:
            throw Problem.validation([.init(pointer: "/outcome", code: "invalid_value", message: "Salah satu dari: upheld, changed.")])
        }
    }
}

/// Texts of the objection: trimmed, and at most `ObjectionStore.textLimit` characters as
/// PostgreSQL counts them (code points), so the column's CHECK never answers 500.
enum ObjectionText {
    static func required(_ text: String, pointer: String) throws -> String {
        guard let value = try optional(text, pointer: pointer) else {
            throw Problem.validation([.init(pointer: pointer, code: "required", message: "Wajib diisi.")])
        }
        return value
    }

    static func optional(_ text: String?, pointer: String) throws -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard trimmed.unicodeScalars.count <= ObjectionStore.textLimit else {
            throw Problem.validation([.init(pointer: pointer, code: "too-long",
                                            message: "Paling banyak \(ObjectionStore.textLimit) karakter.")])
        }
        return trimmed
    }
}

/// An objection as the API shows it (ids in lower case), with its deadlines and whether it is overdue.
struct ObjectionView: Encodable {
    struct Hearing: Encodable {
        let employeeExplanation: String?
        let evaluatorExplanation: String?
    }

    struct Decision: Encodable {
        let outcome: String
        let notes: String?
        let newRecommendation: String?
        let previousResult: JSONValue?
        let newResult: JSONValue?
        let decidedBy: String?
        let decidedAt: Date?
        /// After the decision window: allowed, and shown (`ObjectionStore.decide`).
        let late: Bool
    }

    /// The computed deadlines with their explanations (at filing).
    struct Deadlines: Encodable {
        let filing: Explained<Deadline>
        let decision: Explained<Deadline>?
    }

    let id: String
    let evaluationId: String
    let employeeId: String
    let deciderId: String
    let evaluatorId: String?
    let reasons: String
    let documentReceivedAt: Date
    let filedAt: Date
    let filingDeadline: Date
    let decisionDueAt: Date?
    let status: String
    let overdue: Bool
    let hearing: Hearing
    let decision: Decision?
    let deadlines: Deadlines?

    init(_ record: ObjectionRecord, now: Date, timeline: ObjectionTimeline? = nil) {
        id = record.id.uuidString.lowercased()
        evaluationId = record.evaluationID.uuidString.lowercased()
        employeeId = record.employeeID.uuidString.lowercased()
        deciderId = record.deciderID.uuidString.lowercased()
        evaluatorId = record.evaluatorID?.uuidString.lowercased()
        reasons = record.reasons
        documentReceivedAt = record.documentReceivedAt
        filedAt = record.filedAt
        filingDeadline = record.filingDeadline
        decisionDueAt = record.decisionDueAt
        status = record.status
        overdue = record.isOverdue(at: now)
        hearing = Hearing(employeeExplanation: record.employeeExplanation, evaluatorExplanation: record.evaluatorExplanation)
        decision = record.outcome.map {
            Decision(outcome: $0, notes: record.decisionNotes, newRecommendation: record.newRecommendation,
                     previousResult: record.previousResult, newResult: record.newResult,
                     decidedBy: record.decidedBy?.uuidString.lowercased(), decidedAt: record.decidedAt, late: record.decidedLate)
        }
        deadlines = timeline.map { Deadlines(filing: $0.filing, decision: $0.decision) }
    }
}

/// The evaluation's receipt as `POST /v1/evaluations/{id}/receipt` answers it.
struct ReceiptView: Encodable {
    let evaluationId: String
    let receivedAt: Date?
    let version: Int
    /// The filing deadline counted from the receipt, explained.
    let filing: Explained<Deadline>
}

/// A list of objections.
struct ObjectionList: Encodable {
    let items: [ObjectionView]
}
