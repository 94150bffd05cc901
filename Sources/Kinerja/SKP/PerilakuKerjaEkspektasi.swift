/// The behaviour expected for one aspect of the rule set's model (BerAKHLAK core value or one of
/// the five elements), with the leader's ekspektasi khusus (Perbup Tanah Laut 2024 Pasal 9 ayat (4)).
public struct PerilakuKerjaEkspektasi: Sendable, Equatable, Codable {
    /// The aspect's code, e.g. `berorientasi-pelayanan` or `orientasi-pelayanan`.
    public var aspect: String
    /// The leader's extra expectation; `nil` when there is none.
    public var ekspektasiKhusus: String?

    /// Creates an expectation.
    public init(aspect: String, ekspektasiKhusus: String? = nil) {
        self.aspect = aspect
        self.ekspektasiKhusus = ekspektasiKhusus
    }

    /// The aspects of a behaviour model, in the regulation's order.
    public static func aspects(of model: RuleSet.BehaviourModel) -> [String] {
        switch model {
        // Perbup Tanah Laut 2024 Pasal 9 ayat (3) huruf a–g.
        case .berakhlak:
            ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
        // Perbup Pasuruan 117/2019 Pasal 12.
        case .fiveElements:
            ["orientasi-pelayanan", "komitmen", "inisiatif-kerja", "kerjasama", "kepemimpinan"]
        }
    }
}
