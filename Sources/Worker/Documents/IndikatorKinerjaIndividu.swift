/// An IKI: the success measure of an RHK with its target and, once evaluated, its realisation.
public struct IndikatorKinerjaIndividu: Sendable, Hashable {
    /// The aspect (quantitative approach); nil in the qualitative approach.
    public var aspek: AspekIndikator?
    /// The indicator, e.g. `Jumlah laporan kepegawaian yang disusun`.
    public var indikator: String
    /// The target with its unit, e.g. `12 laporan`, `100 %`, `12 bulan`.
    public var target: String
    /// The perspective of a JPT's IKI, e.g. `Penerima Layanan` (documents.md §2).
    public var perspektif: String?
    /// The realisation according to the evidence (`REALISASI BERDASARKAN BUKTI DUKUNG`, §4).
    public var realisasi: String?

    /// An indicator.
    public init(aspek: AspekIndikator? = nil, indikator: String, target: String, perspektif: String? = nil,
                realisasi: String? = nil) {
        self.aspek = aspek
        self.indikator = indikator
        self.target = target
        self.perspektif = perspektif
        self.realisasi = realisasi
    }
}
