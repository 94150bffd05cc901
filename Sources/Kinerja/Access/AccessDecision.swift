/// The outcome of `AccessPolicy.decide`.
public enum AccessDecision: Sendable, Equatable {
    /// Go ahead.
    case allow
    /// Not allowed (403), with a reason for people in Bahasa Indonesia.
    case deny(reason: String)
    /// Answer as if the target did not exist (404): its existence must not leak, e.g. another
    /// tenant's resource.
    case notFound

    /// Whether the decision allows the action.
    public var isAllowed: Bool { self == .allow }
}
