import Foundation

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
