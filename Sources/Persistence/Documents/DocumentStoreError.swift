/// Why a document could not be issued.
public enum DocumentStoreError: Error, Sendable, Equatable {
    /// The rendered file is empty or larger than `DocumentStore.maxBytes`.
    case invalidSize(Int)
    /// Every code drawn was already taken (practically impossible; see `VerificationCode`).
    case verificationCodesExhausted
}
