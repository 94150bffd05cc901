import HTTP
import Kinerja

// Every refusal by a rule carries, beside the Indonesian detail that cites it, the same
// machine-readable extension members (RFC 9457 section 3.2): `code`, the type's slug, and `basis`
// {regulation, article, note}, the rule set's or the regulation's citation. SKP, execution,
// evaluation and objection refusals all answer this way.
extension Problem {
    /// Appends `code` and, when there is one, `basis`.
    mutating func cite(code: String, basis: LegalBasis?) {
        members.append(.init(name: "code", encoding: code))
        if let basis { members.append(.init(name: "basis", encoding: basis)) }
    }

    /// A refusal: the problem with its `code` and `basis` members.
    static func refusal(_ code: String, title: String, status: HTTPStatus, detail: String, basis: LegalBasis?) -> Problem {
        var problem = Problem(slug: code, title: title, status: status, detail: detail)
        problem.cite(code: code, basis: basis)
        return problem
    }
}
