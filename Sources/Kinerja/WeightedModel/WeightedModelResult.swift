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

/// The outcome of the weighted model for one employee.
public struct WeightedModelResult: Sendable, Equatable, Codable {
    /// Per-activity scores.
    public var activities: [ActivityScore]
    /// Nilai SKP: the mean of the activities' nilai capaian.
    public var nilaiSKP: Decimal
    /// Nilai perilaku: the mean of the applicable elements.
    public var nilaiPerilaku: Decimal
    /// The category of nilai perilaku.
    public var kategoriPerilaku: WeightedCategory
    /// Whether behaviour is judged poor (Perbup Pasuruan 117/2019 Pasal 12 ayat (4)).
    public var perilakuKurang: Bool
    /// Nilai prestasi kerja: the weighted sum.
    public var nilaiPrestasiKerja: Decimal
    /// The category of nilai prestasi kerja.
    public var kategori: WeightedCategory

    /// Creates a result.
    public init(activities: [ActivityScore], nilaiSKP: Decimal, nilaiPerilaku: Decimal,
                kategoriPerilaku: WeightedCategory, perilakuKurang: Bool, nilaiPrestasiKerja: Decimal,
                kategori: WeightedCategory) {
        self.activities = activities
        self.nilaiSKP = nilaiSKP
        self.nilaiPerilaku = nilaiPerilaku
        self.kategoriPerilaku = kategoriPerilaku
        self.perilakuKurang = perilakuKurang
        self.nilaiPrestasiKerja = nilaiPrestasiKerja
        self.kategori = kategori
    }
}
