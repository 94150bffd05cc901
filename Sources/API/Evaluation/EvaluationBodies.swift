import Foundation
import HTTP
import Kinerja
import Persistence

/// `POST /v1/evaluation-periods`.
struct OpenPeriodBody: Decodable {
    let kind: EvaluationPeriodKind
    let year: Int
    let month: Int?
    let quarter: Int?
    let startsOn: String?
}

/// `PUT /v1/evaluation-periods/{id}/groups/{scopeId}/capaian`.
struct CapaianBody: Decodable {
    let capaian: CapaianKinerjaOrganisasi
}

/// `PUT /v1/evaluations/{id}/rating`: ratings (quadrant) or scores (weighted), notes, recommendation.
struct RatingBody: Decodable {
    let hasilKerja: Rating?
    let perilakuKerja: Rating?
    let leadsUnit: Bool?
    let scores: ScoresBody?
    let notes: String?
    let recommendation: String?

    /// The rating, after the input limits (texts 4,000 characters, 100 activities of 500-character names).
    func rating() throws -> EvaluationRating {
        var errors: [Problem.FieldError] = []
        for (pointer, text) in [("/notes", notes), ("/recommendation", recommendation)] where (text?.count ?? 0) > 4000 {
            errors.append(.init(pointer: pointer, code: "too-long", message: "Paling panjang 4.000 karakter."))
        }
        if let scores {
            if scores.activities.count > 100 {
                errors.append(.init(pointer: "/scores/activities", code: "too-many", message: "Paling banyak 100 kegiatan."))
            }
            for (index, activity) in scores.activities.enumerated() where activity.name.count > 500 {
                errors.append(.init(pointer: "/scores/activities/\(index)/name", code: "too-long", message: "Paling panjang 500 karakter."))
            }
        }
        var quadrant: EvaluationRating.Quadrant?
        switch (hasilKerja, perilakuKerja) {
        case let (hasil?, perilaku?): quadrant = .init(hasilKerja: hasil, perilakuKerja: perilaku, leadsUnit: leadsUnit ?? false)
        case (nil, nil): quadrant = nil
        case (nil, _): errors.append(.init(pointer: "/hasilKerja", code: "required", message: "Rating hasil kerja wajib diisi."))
        case (_, nil): errors.append(.init(pointer: "/perilakuKerja", code: "required", message: "Rating perilaku kerja wajib diisi."))
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return EvaluationRating(quadrant: quadrant, scores: scores?.input, notes: notes, recommendation: recommendation)
    }
}

/// The weighted model's input as sent: `fungsionalNeedsLeadership` may be left out (false).
struct ScoresBody: Decodable {
    let jobKind: JobKind
    let fungsionalNeedsLeadership: Bool?
    let activities: [WeightedActivity]
    let perilaku: PerilakuKerjaScores

    var input: WeightedModelInput {
        WeightedModelInput(jobKind: jobKind, fungsionalNeedsLeadership: fungsionalNeedsLeadership ?? false,
                           activities: activities, perilaku: perilaku)
    }
}

/// A period with its groups and coverage.
struct PeriodView: Encodable {
    let period: EvaluationPeriodRecord
    let groups: [EvaluationGroupRecord]
    let coverage: CoverageTally
}

/// A page of evaluations with an opaque cursor and the selection's coverage.
struct EvaluationListView: Encodable {
    let items: [EvaluationRecord]
    let nextCursor: String?
    let coverage: CoverageTally
}

/// A list without pages.
struct ItemsView<Item: Encodable>: Encodable {
    let items: [Item]
}

/// `PUT /v1/evaluation-periods/{id}/ratings`: an evaluator's ratings of several evaluations of the
/// period at once, each with the fields of `RatingBody` and its `evaluationId`.
struct TeamRatingBody: Decodable {
    let ratings: [Item]

    /// At most this many evaluations per request (an evaluator's team is usually under 30).
    static let maxItems = 100

    struct Item: Decodable {
        let evaluationId: UUID
        let rating: RatingBody

        private enum CodingKeys: String, CodingKey { case evaluationId }

        init(from decoder: any Decoder) throws {
            evaluationId = try decoder.container(keyedBy: CodingKeys.self).decode(UUID.self, forKey: .evaluationId)
            rating = try RatingBody(from: decoder)
        }
    }

    /// The ratings in order, after the limits; field errors point into `/ratings/{index}`.
    func items() throws -> [(id: UUID, rating: EvaluationRating)] {
        guard (1...Self.maxItems).contains(ratings.count) else {
            throw Problem.validation([.init(pointer: "/ratings", code: ratings.isEmpty ? "required" : "too-many",
                                            message: "Antara 1 dan \(Self.maxItems) evaluasi per permintaan.")])
        }
        guard Set(ratings.map(\.evaluationId)).count == ratings.count else {
            throw Problem.validation([.init(pointer: "/ratings", code: "duplicate", message: "Setiap evaluasi hanya sekali.")])
        }
        var errors: [Problem.FieldError] = []
        var items: [(id: UUID, rating: EvaluationRating)] = []
        for (index, item) in ratings.enumerated() {
            do {
                items.append((id: item.evaluationId, rating: try item.rating.rating()))
            } catch let problem as Problem {
                errors += problem.errors.map { .init(pointer: "/ratings/\(index)" + $0.pointer, code: $0.code, message: $0.message) }
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return items
    }
}
