/// Who may do what with an SKP's execution records: decided here, in one place, from the part the
/// caller plays towards the plan (architecture.md, "Security").
public enum ExecutionPolicy {
    /// The actors an action is open to.
    ///
    /// - The employee writes the timeline, the action plans and the realisations (Pasal 14–15).
    /// - The leader (the evaluator on the plan) gives feedback, coaches and counsels, and may take
    ///   over an RHK (Pasal 16–20).
    /// - Anyone else of the tenant may give feedback as a peer, a subordinate or another party
    ///   (Pasal 17 ayat (2)); the employee cannot give feedback to themselves.
    /// - The employee, the evaluator and the evaluator's superior (who settles disputes and reviews
    ///   the evaluation) read everything.
    public static func actors(for action: ExecutionAction) -> [SKPActor] {
        switch action {
        case .writePlan, .writeRealisation: [.employee]
        case .recordCoaching, .takeOver: [.evaluator]
        case .giveFeedback: [.evaluator, .superior, .pengelola, .other]
        case .readPlan, .readRealisation, .readFeedback, .readCoaching: [.employee, .evaluator, .superior]
        }
    }

    /// Allows `action` to `actor`, or refuses: someone with no part in the plan is told it does not
    /// exist (as the SKP routes do), anyone else that the action is not theirs.
    public static func authorize(_ action: ExecutionAction, actor: SKPActor) throws(ExecutionError) {
        let allowed = actors(for: action)
        if allowed.contains(actor) { return }
        if actor == .other { throw .skpNotFound }
        throw .notPermitted(action: action, actor: actor, allowed: allowed)
    }
}
