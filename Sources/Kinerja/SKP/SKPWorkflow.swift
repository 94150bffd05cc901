import Foundation

/// The SKP workflow as a pure function: a status, an action and an actor give either the next
/// status or a refusal that cites its article.
///
/// ```
/// draft ──submit──▶ submitted ──review (pengelola, when the rules have it)──▶ reviewed
///   ▲                  │  └──approve (evaluator, no review step)──▶ approved
///   │                  └──return──▶ returned ──submit──▶ submitted
///   │                                  └──escalate (employee)──▶ escalated
/// reviewed ──approve (evaluator)──▶ approved;  ──return──▶ returned;  ──escalate (evaluator)──▶ escalated
/// escalated ──decide (superior, final)──▶ approved | returned
/// ```
/// Approved revisions never change: a change during the year is a new revision (a new draft),
/// which the store creates; the workflow of that revision starts again at `draft`.
public enum SKPWorkflow {
    /// Where `action` by `actor` leads from `status` under `rules`. `decided` says the superior has
    /// already decided this revision (Perbup Pasuruan 117/2019 Pasal 6 ayat (9): final).
    public static func transition(from status: SKPStatus, action: SKPAction, actor: SKPActor,
                                  rules: SKPWorkflowRules, decided: Bool = false) -> Result<SKPTransition, SKPWorkflowError> {
        let general = LegalBasis.permenPANRB6of2022(note: "alur penyusunan dan penetapan SKP")
        func step(_ to: SKPStatus, _ allowed: [SKPActor], basis: LegalBasis, notes: String? = nil,
                  final: Bool = false) -> Result<SKPTransition, SKPWorkflowError> {
            guard allowed.contains(actor) else {
                return .failure(.notPermitted(action: action.name, actor: actor, allowed: allowed, basis: basis))
            }
            return .success(SKPTransition(from: status, to: to, action: action, actor: actor, notes: notes,
                                          isFinalDecision: final, basis: basis))
        }
        func invalid(_ basis: LegalBasis = general) -> Result<SKPTransition, SKPWorkflowError> {
            .failure(.invalidState(action: action.name, status: status, basis: basis))
        }
        func checkedNotes(_ notes: String?) -> String? {
            guard let text = notes?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
                  text.count <= SKPLimits.maxTextLength else { return nil }
            return text
        }

        switch action {
        case .edit:
            guard status.isEditable else { return invalid(rules.establishment) }
            return step(status, [.employee], basis: general)

        case .submit:
            guard status.isEditable else { return invalid() }
            return step(.submitted, [.employee], basis: rules.review ?? general)

        case .review:
            guard let review = rules.review else {
                return .failure(.stepNotProvided(action: action.name, basis: general))
            }
            guard status == .submitted else { return invalid(review) }
            return step(.reviewed, [.pengelola], basis: review)

        case .returnWithNotes(let notes):
            let allowed: [SKPActor]
            let basis: LegalBasis
            switch status {
            case .submitted where rules.review != nil:
                allowed = [.pengelola]
                basis = rules.review ?? general
            case .submitted, .reviewed:
                allowed = [.evaluator]
                basis = rules.establishment
            default:
                return invalid()
            }
            guard allowed.contains(actor) else {
                return .failure(.notPermitted(action: action.name, actor: actor, allowed: allowed, basis: basis))
            }
            guard let text = checkedNotes(notes) else { return .failure(.notesRequired(basis: basis)) }
            return step(.returned, allowed, basis: basis, notes: text)

        case .approve:
            switch status {
            case .reviewed:
                return step(.approved, [.evaluator], basis: rules.establishment)
            case .submitted:
                // Perbup Pasuruan 117/2019 Pasal 6 ayat (3): agreed only after the Pengelola Kinerja's review.
                if let review = rules.review { return invalid(review) }
                return step(.approved, [.evaluator], basis: rules.establishment)
            default:
                return invalid(rules.establishment)
            }

        case .escalate:
            guard let escalation = rules.escalation else {
                return .failure(.stepNotProvided(action: action.name, basis: general))
            }
            if decided { return .failure(.alreadyDecided(basis: escalation)) }
            switch status {
            case .returned: return step(.escalated, [.employee], basis: escalation)
            case .reviewed: return step(.escalated, [.evaluator], basis: escalation)
            case .submitted where rules.review == nil: return step(.escalated, [.evaluator], basis: escalation)
            default: return invalid(escalation)
            }

        case .decide(let approve, let notes):
            guard let escalation = rules.escalation else {
                return .failure(.stepNotProvided(action: action.name, basis: general))
            }
            guard status == .escalated else { return invalid(escalation) }
            if approve {
                return step(.approved, [.superior], basis: escalation, notes: checkedNotes(notes), final: true)
            }
            guard actor == .superior else {
                return .failure(.notPermitted(action: action.name, actor: actor, allowed: [.superior], basis: escalation))
            }
            guard let text = checkedNotes(notes) else { return .failure(.notesRequired(basis: escalation)) }
            return step(.returned, [.superior], basis: escalation, notes: text, final: true)
        }
    }
}
