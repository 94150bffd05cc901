/// Thrown by a handler when retrying cannot help (malformed arguments, a deleted record): the
/// job is discarded at once, with `reason` kept in its errors.
public struct PermanentJobError: Error, Sendable, CustomStringConvertible {
    /// Why the job cannot succeed.
    public var reason: String

    /// A permanent failure with a reason.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
