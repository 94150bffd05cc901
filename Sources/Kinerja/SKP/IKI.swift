import Foundation

/// Indikator Kinerja Individu: a success measure of an RHK with its target
/// (Perbup Tanah Laut 2024 Pasal 8 ayat (2)–(3)).
public struct IKI: Sendable, Equatable, Codable {
    /// The aspect measured.
    public enum Aspect: String, Sendable, Codable, CaseIterable {
        /// Quantity.
        case kuantitas
        /// Quality.
        case kualitas
        /// Time or speed.
        case waktu
        /// Cost.
        case biaya
    }

    /// How the target is stated.
    public enum Approach: String, Sendable, Codable, CaseIterable {
        /// A number.
        case kuantitatif
        /// In words.
        case kualitatif
    }

    /// The aspect.
    public var aspect: Aspect
    /// The indicator in words.
    public var indicator: String
    /// Quantitative or qualitative.
    public var approach: Approach
    /// The target number (quantitative approach).
    public var targetValue: Decimal?
    /// The target in words (qualitative approach).
    public var targetText: String?
    /// The unit of the target ("dokumen", "laporan", "%"); for the waktu aspect a time unit.
    public var unit: String

    /// Creates an IKI.
    public init(aspect: Aspect, indicator: String, approach: Approach, targetValue: Decimal? = nil,
                targetText: String? = nil, unit: String) {
        self.aspect = aspect
        self.indicator = indicator
        self.approach = approach
        self.targetValue = targetValue
        self.targetText = targetText
        self.unit = unit
    }

    /// The unit as a time unit, when it names one (a waktu target, or any target in "hari", "bulan"…).
    public var timeUnit: SKPTimeUnit? {
        SKPTimeUnit(rawValue: unit.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
