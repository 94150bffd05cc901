/// One SKP activity in the weighted model, with its four aspects.
public struct WeightedActivity: Sendable, Equatable, Codable {
    /// The activity's name.
    public var name: String
    /// Output quantity (kuantitas).
    public var quantity: TargetRealisation
    /// Quality (kualitas), usually out of 100.
    public var quality: TargetRealisation
    /// Time in months (waktu).
    public var time: TargetRealisation
    /// Cost (biaya); counted only when its target is above 0.
    public var cost: TargetRealisation?

    /// Creates an activity.
    public init(name: String, quantity: TargetRealisation, quality: TargetRealisation,
                time: TargetRealisation, cost: TargetRealisation? = nil) {
        self.name = name
        self.quantity = quantity
        self.quality = quality
        self.time = time
        self.cost = cost
    }
}
