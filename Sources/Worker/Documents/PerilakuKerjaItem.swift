import Kinerja

/// One core value in `PERILAKU KERJA`: the leader's special expectation and, once evaluated, the
/// feedback (documents.md §1, §4).
public struct PerilakuKerjaItem: Sendable, Hashable {
    /// The core value.
    public var aspek: BerAKHLAK
    /// `Ekspektasi Khusus Pimpinan`; empty when the leader set none.
    public var ekspektasiKhusus: String
    /// `UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG` (evaluation only).
    public var umpanBalik: String?

    /// One value's expectations.
    public init(aspek: BerAKHLAK, ekspektasiKhusus: String = "", umpanBalik: String? = nil) {
        self.aspek = aspek
        self.ekspektasiKhusus = ekspektasiKhusus
        self.umpanBalik = umpanBalik
    }

    /// All seven values without special expectations.
    public static var allWithoutEkspektasiKhusus: [PerilakuKerjaItem] {
        BerAKHLAK.allCases.map { PerilakuKerjaItem(aspek: $0) }
    }

    /// The printed form of the domain's expectations: BerAKHLAK values in their order, each
    /// with its special expectation. The five older elements (Pasuruan) are not BerAKHLAK and
    /// belong to the PP 46/2011 forms (documents.md §7), which these templates do not print.
    public static func items(_ ekspektasi: [PerilakuKerjaEkspektasi]) -> [PerilakuKerjaItem] {
        ekspektasi.compactMap { entry in
            BerAKHLAK(rawValue: entry.aspect).map { PerilakuKerjaItem(aspek: $0, ekspektasiKhusus: entry.ekspektasiKhusus ?? "") }
        }
    }
}
