/// An RHK of the SKP with its indicators (documents.md §1–§2, §4).
public struct RencanaHasilKerja: Sendable, Hashable {
    /// The superior's RHK this one serves (`RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI`);
    /// nil for a JPT, whose table has no such column.
    public var rhkPimpinan: String?
    /// The RHK; a JPT's may end with its source, e.g. `(penugasan dari Bupati)`.
    public var rhk: String
    /// Its indicators, one table row each in the quantitative approach.
    public var indikator: [IndikatorKinerjaIndividu]
    /// The continuous feedback on the evidence (`UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI
    /// DUKUNG`, evaluation only).
    public var umpanBalik: String?

    /// An RHK.
    public init(rhkPimpinan: String? = nil, rhk: String, indikator: [IndikatorKinerjaIndividu],
                umpanBalik: String? = nil) {
        self.rhkPimpinan = rhkPimpinan
        self.rhk = rhk
        self.indikator = indikator
        self.umpanBalik = umpanBalik
    }
}
