import Foundation
import HTTP
import Kinerja
import Persistence

// The one place where evaluation refusals become answers: a stable `type` and `code`, the
// Indonesian `detail`, and the `rule` and `basis` {regulation, article, note} that refused; a
// distribution refusal lists every violation (rule code, text, limit, actual, by how many, basis).
extension EvaluationRefusal: ProblemConvertible {
    /// 403 for the wrong person, 422 for input the rules reject, 409 for a state that forbids the step.
    public var problem: Problem {
        let status: HTTPStatus
        let title: String
        switch self {
        case .notEvaluator, .notEmployee:
            (status, title) = (.forbidden, "Tindakan tidak diizinkan")
        case .invalidSpan, .wrongModel, .invalidScores, .distribution:
            (status, title) = (.unprocessableContent, "Ditolak oleh aturan")
        case .excluded, .final, .notFinal, .alreadySubmitted, .groupFinalised, .capaianNotApplicable, .capaianRequired, .unrated:
            (status, title) = (.conflict, "Tindakan tidak dapat dilakukan")
        }
        var problem = Problem(slug: code, title: title, status: status,
                              detail: message + (basis.map { " (\($0))" } ?? ""))
        problem.cite(code: code, basis: basis)
        problem.members.append(.init(name: "rule", encoding: rule))
        switch self {
        case .distribution(let result, _):
            problem.members.append(.init(name: "violations", encoding: result.violations.map(ViolationView.init)))
            problem.members.append(.init(name: "counts", encoding: result.counts))
            problem.members.append(.init(name: "groupSize", encoding: result.groupSize))
        case .unrated(let count, let names):
            problem.members.append(.init(name: "unrated", encoding: count))
            problem.members.append(.init(name: "unratedNames", encoding: names))
        case .excluded(let reasons):
            problem.members.append(.init(name: "reasons", encoding: reasons))
        default:
            break
        }
        return problem
    }
}

/// One distribution violation as a refusal lists it.
struct ViolationView: Encodable {
    let rule: String
    let text: String
    let bound: String
    let limit: Int
    let actual: Int
    let by: Int
    let severity: String
    let message: String
    let basis: LegalBasis

    init(_ violation: DistributionCheck.Violation) {
        rule = violation.code
        text = violation.rule.text
        bound = violation.rule.bound.rawValue
        limit = violation.limit
        actual = violation.actual
        by = violation.by
        severity = violation.severity.rawValue
        message = violation.message
        basis = .seMenPANRB3of2023
    }
}

extension EvaluationStoreError: ProblemConvertible {
    /// 404, 409 with the existing period's id, or the rule's refusal.
    public var problem: Problem {
        switch self {
        case .notFound(let what):
            return .notFound("\(what) tidak ditemukan.")
        case .periodExists(let existing):
            var problem = Problem(slug: "evaluation-period-exists", title: "Periode sudah dibuka", status: .conflict,
                                  detail: "Periode evaluasi ini sudah dibuka (\(existing.uuidString.lowercased())).")
            problem.members.append(.init(name: "code", encoding: "evaluation-period-exists"))
            problem.members.append(.init(name: "existingId", encoding: existing.uuidString.lowercased()))
            return problem
        case .refused(let refusal):
            return refusal.problem
        case .inBatch(let index, let error):
            // The item's own answer, saying which one it was (RFC 9457 extension member).
            var problem = error.problem
            problem.members.append(.init(name: "index", encoding: index))
            return problem
        }
    }
}

extension Problem.Member {
    /// A member whose value is `value` encoded as JSON (sorted keys, ISO 8601 dates).
    init(name: String, encoding value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        self.init(name: name, json: (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null")
    }
}
