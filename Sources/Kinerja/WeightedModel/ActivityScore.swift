import Foundation

/// The scores of one activity.
public struct ActivityScore: Sendable, Equatable, Codable {
    /// The activity's name.
    public var name: String
    /// Kuantitas score.
    public var kuantitas: Decimal
    /// Kualitas score.
    public var kualitas: Decimal
    /// Waktu score.
    public var waktu: Decimal
    /// Biaya score, when the activity has a cost target.
    public var biaya: Decimal?
    /// Nilai capaian: the mean of the aspects.
    public var nilaiCapaian: Decimal

    /// Creates scores.
    public init(name: String, kuantitas: Decimal, kualitas: Decimal, waktu: Decimal, biaya: Decimal?,
                nilaiCapaian: Decimal) {
        self.name = name
        self.kuantitas = kuantitas
        self.kualitas = kualitas
        self.waktu = waktu
        self.biaya = biaya
        self.nilaiCapaian = nilaiCapaian
    }
}
