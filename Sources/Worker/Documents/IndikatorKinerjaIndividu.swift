import Kinerja

/// An IKI as printed: the success measure of an RHK with its target and, once evaluated, its realisation.
public struct IndikatorKinerjaIndividu: Sendable, Hashable {
    /// The aspect (quantitative approach); nil in the qualitative approach.
    public var aspek: IKI.Aspect?
    /// The indicator, e.g. `Jumlah laporan kepegawaian yang disusun`.
    public var indikator: String
    /// The target with its unit, e.g. `12 laporan`, `100 %`, `12 bulan`.
    public var target: String
    /// The perspective of a JPT's IKI, e.g. `Penerima Layanan` (documents.md §2).
    public var perspektif: String?
    /// The realisation according to the evidence (`REALISASI BERDASARKAN BUKTI DUKUNG`, §4).
    public var realisasi: String?

    /// An indicator.
    public init(aspek: IKI.Aspect? = nil, indikator: String, target: String, perspektif: String? = nil,
                realisasi: String? = nil) {
        self.aspek = aspek
        self.indikator = indikator
        self.target = target
        self.perspektif = perspektif
        self.realisasi = realisasi
    }

    /// The printed form of a domain IKI: the target as number and unit (`12 laporan`) or as text.
    public init(_ iki: IKI, realisasi: String? = nil) {
        let target = iki.targetValue.map { "\($0) \(iki.unit)".trimmingCharacters(in: .whitespaces) }
            ?? iki.targetText.map { iki.unit.isEmpty ? $0 : "\($0) \(iki.unit)" } ?? "-"
        self.init(aspek: iki.approach == .kuantitatif ? iki.aspect : nil, indikator: iki.indicator, target: target,
                  realisasi: realisasi)
    }
}
