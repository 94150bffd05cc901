import Foundation
import Kinerja

/// Why an objection store call did nothing.
public enum ObjectionStoreError: Error, Sendable, Equatable {
    /// No such evaluation or objection in the tenant.
    case notFound
    /// A rule refused the step (`ObjectionRefusal` names the article).
    case refused(ObjectionRefusal)
    /// An input is missing or does not fit the evaluation's model.
    case invalid(pointer: String, code: String, message: String)
}
