/// The answer to a `CoverageQuestion`.
public struct CoverageDecision: Sendable, Equatable, Codable {
    /// Why an employee is not obliged.
    public struct Reason: Sendable, Equatable, Codable {
        /// Stable reason codes.
        public enum Code: String, Sendable, Codable {
            /// The rule set does not cover this employee type at all.
            case typeNotCovered = "type-not-covered"
            /// The employee type is covered only from a later date.
            case typeNotYetCovered = "type-not-yet-covered"
            /// A status on that date exempts the employee.
            case exemptStatus = "exempt-status"
        }

        /// Which reason.
        public var code: Code
        /// The reason in Bahasa Indonesia.
        public var message: String
        /// The article behind it.
        public var basis: LegalBasis?
    }

    /// Whether the employee must take part (gets reminders, counts as missing when absent).
    public var obliged: Bool
    /// Every reason the employee is not obliged; empty when obliged.
    public var reasons: [Reason]
}
