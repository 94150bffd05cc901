/// The 12-month schedule of one RHK: in which months it is worked on, for how long, what kind of
/// activity it is and how it is assigned (Perbup Tanah Laut 2024 Pasal 15 huruf a). The Perbup
/// names these four elements but not their values; the choices below are the ones e-Kinerja users
/// know, kept as closed sets so reports can group by them.
public struct RHKTimeline: Sendable, Equatable, Codable {
    /// The unit of the working duration.
    public enum DurationUnit: String, Sendable, Codable, CaseIterable {
        /// Days.
        case hari
        /// Weeks.
        case minggu
        /// Months.
        case bulan
    }

    /// The type of activity.
    public enum ActivityType: String, Sendable, Codable, CaseIterable {
        /// Recurring work of the post.
        case rutin
        /// A one-off or project activity.
        case nonRutin = "non-rutin"
    }

    /// How the work is assigned (pola penugasan).
    public enum AssignmentPattern: String, Sendable, Codable, CaseIterable {
        /// Done by the employee alone.
        case mandiri
        /// Done in a team.
        case tim
        /// Done with other units.
        case lintasUnit = "lintas-unit"
    }

    /// The months of execution (1–12), ascending, within the SKP's start month and December.
    public var months: [Int]
    /// How long the work takes, in `durationUnit`.
    public var duration: Int
    /// The unit of `duration`.
    public var durationUnit: DurationUnit
    /// Routine or not.
    public var activityType: ActivityType
    /// The assignment pattern.
    public var assignmentPattern: AssignmentPattern

    /// Creates a timeline.
    public init(months: [Int], duration: Int, durationUnit: DurationUnit, activityType: ActivityType,
                assignmentPattern: AssignmentPattern) {
        self.months = months
        self.duration = duration
        self.durationUnit = durationUnit
        self.activityType = activityType
        self.assignmentPattern = assignmentPattern
    }
}
