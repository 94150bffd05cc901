import Kinerja

/// An RHK of the SKP as printed with its indicators (documents.md §1–§2, §4).
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

    /// The printed form of a domain RHK. `rhkPimpinan` is the text of the superior's RHK it
    /// serves (the domain links it by id, `RHKLink`), or of the perjanjian kinerja for a JPT.
    public init(_ rhk: RHK, rhkPimpinan: String?) {
        let pimpinan: String? = switch rhk.serves {
        case .perjanjianKinerja(let text): rhkPimpinan ?? text
        case .superiorRHK, nil: rhkPimpinan
        }
        self.init(rhkPimpinan: pimpinan, rhk: rhk.text, indikator: rhk.iki.map { IndikatorKinerjaIndividu($0) })
    }
}
