import Foundation

/// Scores of the five older behaviour elements, each 0–100 (Perbup Pasuruan 117/2019 Pasal 12 ayat (2)).
public struct PerilakuKerjaScores: Sendable, Equatable, Codable {
    /// Orientasi pelayanan.
    public var orientasiPelayanan: Decimal
    /// Komitmen.
    public var komitmen: Decimal
    /// Inisiatif kerja.
    public var inisiatifKerja: Decimal
    /// Kerjasama.
    public var kerjasama: Decimal
    /// Kepemimpinan; only for posts that are rated on it.
    public var kepemimpinan: Decimal?

    /// Creates behaviour scores.
    public init(orientasiPelayanan: Decimal, komitmen: Decimal, inisiatifKerja: Decimal, kerjasama: Decimal,
                kepemimpinan: Decimal? = nil) {
        self.orientasiPelayanan = orientasiPelayanan
        self.komitmen = komitmen
        self.inisiatifKerja = inisiatifKerja
        self.kerjasama = kerjasama
        self.kepemimpinan = kepemimpinan
    }
}
