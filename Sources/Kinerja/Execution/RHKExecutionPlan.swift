/// What the employee writes for one RHK after the SKP is established: its timeline and its
/// action plans (Perbup Tanah Laut 2024 Pasal 15). Written and replaced whole.
public struct RHKExecutionPlan: Sendable, Equatable, Codable {
    /// The 12-month timeline.
    public var timeline: RHKTimeline
    /// The action plans, in order.
    public var rencanaAksi: [RencanaAksi]

    /// Creates a plan.
    public init(timeline: RHKTimeline, rencanaAksi: [RencanaAksi]) {
        self.timeline = timeline
        self.rencanaAksi = rencanaAksi
    }
}
