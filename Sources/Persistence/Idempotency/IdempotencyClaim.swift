/// The answer to "may this request run?" for an idempotency key (`IdempotencyStore.claim`).
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key was new (or its old row had expired): the request runs, then `complete` or `release`.
    case proceed
    /// The same request already ran under this key; here is what it answered.
    case completed(IdempotentResponse)
    /// The same request is running under this key right now.
    case inProgress
    /// The key was used for a different request (method, path or body).
    case mismatch
}
