/// One `NOTIFY` received by a listener.
public struct PostgresNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public let channel: String
    /// The payload (empty when none was given).
    public let payload: String
    /// The sending session's backend process id.
    public let senderPID: Int32
}
