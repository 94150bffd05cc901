/// The parts of a tenant's rule set that shape the SKP workflow.
public struct SKPWorkflowRules: Sendable, Equatable {
    /// Set when the Pengelola Kinerja reviews before the evaluator agrees
    /// (Perbup Pasuruan 117/2019 Pasal 6 ayat (3)); its legal basis.
    public var review: LegalBasis?
    /// Set when a disagreement goes to the evaluator's superior, whose decision is final
    /// (Perbup Pasuruan 117/2019 Pasal 6 ayat (9)); its legal basis.
    public var escalation: LegalBasis?
    /// Who establishes the SKP (e.g. Perbup Tanah Laut 2024 Pasal 13 ayat (3)).
    public var establishment: LegalBasis

    /// Creates the rules explicitly.
    public init(review: LegalBasis?, escalation: LegalBasis?, establishment: LegalBasis) {
        self.review = review
        self.escalation = escalation
        self.establishment = establishment
    }

    /// The rules of `ruleSet`.
    ///
    /// The rule-set format (version 1) has `skp.review` but no setting of its own for the dispute
    /// step. Both come from the same chapter of the one regulation that has them (Perbup Pasuruan
    /// 117/2019 Pasal 6 ayat (3) and ayat (9)), so a rule set with a review step also gets the
    /// escalation, cited from that regulation's Pasal 6 ayat (9). When the format gains
    /// `skp.escalation`, read it here instead.
    public init(ruleSet: RuleSet) {
        let review = ruleSet.skp.review.flatMap { $0.byPengelolaKinerja ? $0.basis : nil }
        self.review = review
        escalation = review.map { LegalBasis(regulation: $0.regulation, article: "Pasal 6 ayat (9)") }
        // The article that has the SKP established (by the evaluator) is the one the rule set
        // cites for its deadline (e.g. Perbup Tanah Laut 2024 Pasal 13, Perbup Pasuruan 117/2019 Pasal 9).
        establishment = ruleSet.skp.deadline.basis
    }
}
