import Foundation
import Kinerja

/// What the decider decides (PP 30/2019 Pasal 59; Perbup Tanah Laut 2024 Pasal 35 huruf d and f).
public struct ObjectionDecisionInput: Sendable, Equatable {
    /// Uphold the result, or change it.
    public enum Change: Sendable, Equatable {
        /// Menguatkan: the result stands.
        case uphold
        /// Mengubah, quadrant model: new ratings.
        case ratings(hasilKerja: Rating, perilakuKerja: Rating)
        /// Mengubah, weighted model: new scores.
        case scores(WeightedModelInput)
    }

    public var change: Change
    /// The decision's considerations.
    public var notes: String?
    /// The new recommendation in the evaluation document; required with a change (Pasal 35 huruf f).
    public var recommendation: String?

    /// Creates a decision.
    public init(change: Change, notes: String?, recommendation: String?) {
        self.change = change
        self.notes = notes
        self.recommendation = recommendation
    }
}
