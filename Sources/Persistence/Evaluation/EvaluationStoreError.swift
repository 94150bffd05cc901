import Foundation
import Kinerja

/// Why an evaluation store operation was refused.
public indirect enum EvaluationStoreError: Error, Sendable, Equatable {
    /// No such period, group or evaluation in the tenant.
    case notFound(String)
    /// The period (same kind and start) is already open.
    case periodExists(existing: UUID)
    /// A rule refuses the step (with the rule and its article).
    case refused(EvaluationRefusal)
    /// The item at `index` (from 0) of a batch failed so; nothing of the batch was stored.
    case inBatch(index: Int, EvaluationStoreError)
}
