/// An allowed step of the SKP workflow: what was done, by whom, and where it leads.
public struct SKPTransition: Sendable, Equatable {
    /// The status before.
    public var from: SKPStatus
    /// The status after.
    public var to: SKPStatus
    /// The action taken.
    public var action: SKPAction
    /// Who took it.
    public var actor: SKPActor
    /// The notes that go with it (return, decision), if any.
    public var notes: String?
    /// Whether this step is the superior's final decision (Perbup Pasuruan 117/2019 Pasal 6 ayat (9)).
    public var isFinalDecision: Bool
    /// The article that allows the step.
    public var basis: LegalBasis

    /// Creates a transition.
    public init(from: SKPStatus, to: SKPStatus, action: SKPAction, actor: SKPActor, notes: String?,
                isFinalDecision: Bool, basis: LegalBasis) {
        self.from = from
        self.to = to
        self.action = action
        self.actor = actor
        self.notes = notes
        self.isFinalDecision = isFinalDecision
        self.basis = basis
    }
}
