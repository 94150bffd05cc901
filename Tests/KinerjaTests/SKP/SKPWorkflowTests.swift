import Foundation
import Testing
@testable import Kinerja

/// The SKP state machine, checked exhaustively: every status × action × actor under a tenant with
/// the Pengelola Kinerja review and the superior's decision (Pasuruan) and one without (Tanah Laut).
@Suite("SKP workflow")
struct SKPWorkflowTests {
    typealias Key = String

    static func key(_ status: SKPStatus, _ action: SKPAction, _ actor: SKPActor) -> Key {
        "\(status.rawValue) \(action.name)\(action.decideSuffix) \(actor.rawValue)"
    }

    /// Every allowed step under Tanah Laut (no review, no escalation); everything else is refused.
    static let tanahLautAllowed: [Key: SKPStatus] = [
        key(.draft, .edit, .employee): .draft,
        key(.returned, .edit, .employee): .returned,
        key(.draft, .submit, .employee): .submitted,
        key(.returned, .submit, .employee): .submitted,
        key(.submitted, .returnWithNotes("catatan"), .evaluator): .returned,
        key(.reviewed, .returnWithNotes("catatan"), .evaluator): .returned,
        key(.submitted, .approve, .evaluator): .approved,
        key(.reviewed, .approve, .evaluator): .approved,
    ]

    /// Every allowed step under Pasuruan (review by the Pengelola Kinerja, escalation to the superior).
    static let pasuruanAllowed: [Key: SKPStatus] = [
        key(.draft, .edit, .employee): .draft,
        key(.returned, .edit, .employee): .returned,
        key(.draft, .submit, .employee): .submitted,
        key(.returned, .submit, .employee): .submitted,
        key(.submitted, .review, .pengelola): .reviewed,
        key(.submitted, .returnWithNotes("catatan"), .pengelola): .returned,
        key(.reviewed, .returnWithNotes("catatan"), .evaluator): .returned,
        key(.reviewed, .approve, .evaluator): .approved,
        key(.returned, .escalate, .employee): .escalated,
        key(.reviewed, .escalate, .evaluator): .escalated,
        key(.escalated, .decide(approve: true, notes: nil), .superior): .approved,
        key(.escalated, .decide(approve: false, notes: "catatan"), .superior): .returned,
    ]

    static let combinations: [(SKPStatus, SKPAction, SKPActor)] = SKPStatus.allCases.flatMap { status in
        SKPAction.representatives.flatMap { action in SKPActor.allCases.map { (status, action, $0) } }
    }

    @Test("every status × action × actor, Tanah Laut and Pasuruan")
    func exhaustive() throws {
        for (tenant, allowed) in [("tanah-laut", Self.tanahLautAllowed), ("pasuruan", Self.pasuruanAllowed)] {
            let rules = SKPWorkflowRules(ruleSet: try SeededRuleSets.ruleSet(for: tenant))
            var successes = 0
            for (status, action, actor) in Self.combinations {
                let result = SKPWorkflow.transition(from: status, action: action, actor: actor, rules: rules)
                let expected = allowed[Self.key(status, action, actor)]
                switch result {
                case .success(let transition):
                    successes += 1
                    #expect(transition.to == expected, "\(tenant): \(Self.key(status, action, actor))")
                case .failure(let error):
                    #expect(expected == nil, "\(tenant): \(Self.key(status, action, actor)) refused: \(error.message)")
                    #expect(error.message.contains(error.basis.regulation))
                }
            }
            #expect(successes == allowed.count, "\(tenant)")
        }
    }

    @Test("refusals name the rule and the article", arguments: [
        // A non-evaluator approving a reviewed SKP in Pasuruan: the article that has the evaluator establish it.
        ("pasuruan", SKPStatus.reviewed, SKPAction.approve, SKPActor.employee, "skp-not-permitted", "Pasal 9 ayat (1)"),
        // Approving before the Pengelola Kinerja's review (Pasal 6 ayat (3)).
        ("pasuruan", .submitted, .approve, .evaluator, "skp-invalid-state", "Pasal 6 ayat (3)"),
        // Only the superior decides a dispute (Pasal 6 ayat (9)).
        ("pasuruan", .escalated, .decide(approve: true, notes: nil), .evaluator, "skp-not-permitted", "Pasal 6 ayat (9)"),
        ("pasuruan", .escalated, .decide(approve: false, notes: nil), .superior, "skp-notes-required", "Pasal 6 ayat (9)"),
        ("pasuruan", .submitted, .returnWithNotes("  "), .pengelola, "skp-notes-required", "Pasal 6 ayat (3)"),
        ("tanah-laut", .submitted, .approve, .pengelola, "skp-not-permitted", "Pasal 13 ayat (1)"),
        ("tanah-laut", .submitted, .returnWithNotes(""), .evaluator, "skp-notes-required", "Pasal 13 ayat (1)"),
        ("tanah-laut", .approved, .edit, .employee, "skp-invalid-state", "Pasal 13 ayat (1)"),
    ])
    func refusal(tenant: String, status: SKPStatus, action: SKPAction, actor: SKPActor, code: String, article: String) throws {
        let rules = SKPWorkflowRules(ruleSet: try SeededRuleSets.ruleSet(for: tenant))
        let result = SKPWorkflow.transition(from: status, action: action, actor: actor, rules: rules)
        guard case .failure(let error) = result else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.code == code)
        #expect(error.basis.article == article)
        #expect(error.message.hasSuffix("\(error.basis.description))"))
    }

    @Test("the review and escalation steps do not exist without the rule")
    func stepsNotProvided() throws {
        let rules = SKPWorkflowRules(ruleSet: try SeededRuleSets.ruleSet(for: "karawang"))
        for action in [SKPAction.review, .escalate, .decide(approve: true, notes: nil)] {
            let result = SKPWorkflow.transition(from: .submitted, action: action, actor: .superior, rules: rules)
            guard case .failure(let error) = result else { Issue.record("\(action.name) allowed"); continue }
            #expect(error.code == "skp-step-not-provided")
        }
    }

    @Test("the superior's decision is final: no second escalation")
    func decisionIsFinal() throws {
        let rules = SKPWorkflowRules(ruleSet: try SeededRuleSets.ruleSet(for: "pasuruan"))
        let result = SKPWorkflow.transition(from: .returned, action: .escalate, actor: .employee, rules: rules, decided: true)
        guard case .failure(let error) = result else { Issue.record("escalated twice"); return }
        #expect(error == .alreadyDecided(basis: LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 6 ayat (9)")))
        let decision = try SKPWorkflow.transition(from: .escalated, action: .decide(approve: true, notes: "setuju"),
                                                  actor: .superior, rules: rules).get()
        #expect(decision.isFinalDecision && decision.notes == "setuju")
    }

    @Test("notes are trimmed and limited to 2,000 characters")
    func notesLimit() throws {
        let rules = SKPWorkflowRules(ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"))
        let ok = try SKPWorkflow.transition(from: .submitted, action: .returnWithNotes("  perbaiki IKI  "), actor: .evaluator,
                                            rules: rules).get()
        #expect(ok.notes == "perbaiki IKI")
        let long = SKPWorkflow.transition(from: .submitted, action: .returnWithNotes(String(repeating: "a", count: 2_001)),
                                          actor: .evaluator, rules: rules)
        #expect(throws: SKPWorkflowError.self) { try long.get() }
    }

    @Test("actors and start months")
    func actorsAndStartMonth() {
        let employee = UUID(), evaluator = UUID(), superior = UUID(), unit = UUID(), stranger = UUID()
        let skp = SKP(id: UUID(), employeeID: employee, year: 2026, startMonth: 1, evaluatorID: evaluator,
                      evaluatorSuperiorID: superior, perangkatDaerahID: unit, ruleSetVersion: "1", content: SKPContent())
        #expect(skp.actor(for: employee, pengelolaOf: [unit]) == .employee)
        #expect(skp.actor(for: evaluator) == .evaluator)
        #expect(skp.actor(for: superior) == .superior)
        #expect(skp.actor(for: stranger, pengelolaOf: [unit]) == .pengelola)
        #expect(skp.actor(for: stranger, pengelolaOf: [UUID()]) == .other)
        // Perbup Pasuruan 117/2019 Pasal 9 ayat (2): moved in April → the SKP starts in April.
        #expect(SKP.startMonth(year: 2026, assignmentStart: day("2026-04-15")) == 4)
        #expect(SKP.startMonth(year: 2026, assignmentStart: day("2019-03-01")) == 1)
        #expect(SKP.startMonth(year: 2026, assignmentStart: nil) == 1)
    }
}

extension SKPAction {
    /// Tells the two decisions apart in table keys.
    var decideSuffix: String {
        if case .decide(let approve, _) = self { return approve ? ":approve" : ":return" }
        return ""
    }
}
