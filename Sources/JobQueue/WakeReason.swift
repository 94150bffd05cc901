/// Why a worker's fetcher ran a claim; recorded with each claim that returned jobs, so tests and
/// operators can tell NOTIFY wake-ups from polling.
public enum WakeReason: String, Sendable, Equatable {
    /// The first claim after `start`.
    case start
    /// A NOTIFY for this queue arrived.
    case notification
    /// The listener (re)connected; notifications may have been missed, so look.
    case listening
    /// The polling interval passed without a wake-up.
    case poll
    /// The previous claim came back full, so more work is probably waiting.
    case moreWork
}
