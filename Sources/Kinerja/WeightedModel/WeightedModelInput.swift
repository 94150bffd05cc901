/// Everything the weighted model needs about one employee's year.
public struct WeightedModelInput: Sendable, Equatable, Codable {
    /// The employee's kind of post, which decides whether kepemimpinan is rated.
    public var jobKind: JobKind
    /// For a functional post: whether its activities need leadership (Pasal 12 ayat (3) huruf d).
    public var fungsionalNeedsLeadership: Bool
    /// The SKP activities.
    public var activities: [WeightedActivity]
    /// Behaviour scores.
    public var perilaku: PerilakuKerjaScores

    /// Creates an input.
    public init(jobKind: JobKind, fungsionalNeedsLeadership: Bool = false, activities: [WeightedActivity],
                perilaku: PerilakuKerjaScores) {
        self.jobKind = jobKind
        self.fungsionalNeedsLeadership = fungsionalNeedsLeadership
        self.activities = activities
        self.perilaku = perilaku
    }
}
