import Foundation
import HTTP
import Kinerja
import Persistence

// The one place where objection refusals become answers: the type and code are stable, the detail
// names the rule and the article, and a late filing carries the deadline, the window and its basis.
extension ObjectionStoreError: ProblemConvertible {
    /// 404, 422 with the pointer, or the refusal's problem.
    public var problem: Problem {
        switch self {
        case .notFound:
            .notFound("Evaluasi atau keberatan tidak ditemukan.")
        case .invalid(let pointer, let code, let message):
            .validation([.init(pointer: pointer, code: code, message: message)], detail: message)
        case .refused(let refusal):
            refusal.problem
        }
    }
}

extension ObjectionRefusal: ProblemConvertible {
    /// 403 for the wrong person, 422 for a late filing or an unchanged "change", 409 otherwise.
    public var problem: Problem {
        switch self {
        case .notTheEmployee, .notTheDecider:
            return .refusal(code, title: "Tindakan tidak diizinkan", status: .forbidden, detail: message, basis: basis)
        case .filingWindowPassed(let timeline):
            var problem = Problem.refusal(code, title: "Tenggat keberatan telah lewat", status: .unprocessableContent,
                                          detail: message, basis: basis)
            let deadline = timeline.filing.value
            problem.members += [
                .init(name: "deadline", json: Self.json(timeline.filingDeadline)),
                .init(name: "deadlineDate", json: Self.json(deadline.due.description)),
                .init(name: "documentReceivedAt", json: Self.json(timeline.receivedAt)),
                .init(name: "filedAt", json: Self.json(timeline.filedAt)),
                .init(name: "window", json: Self.json(Window(days: deadline.days, unit: deadline.unit))),
                .init(name: "explanation", json: Self.json(timeline.filing.explanation)),
            ]
            return problem
        case .resultUnchanged:
            return .refusal(code, title: "Hasil evaluasi tidak berubah", status: .unprocessableContent, detail: message, basis: basis)
        default:
            return .refusal(code, title: "Tindakan tidak dapat dilakukan", status: .conflict, detail: message, basis: basis)
        }
    }

    private struct Window: Encodable {
        let days: Int
        let unit: DayUnit
    }

    private static func json(_ value: some Encodable) -> String {
        (try? Response.makeEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
