/// The legal source of a setting or a computation step: the regulation and, where known, its article.
public struct LegalBasis: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The regulation, e.g. "Perbup Pasuruan 117/2019".
    public var regulation: String
    /// The article, e.g. "Pasal 13 ayat (2)"; `nil` when the text gives none.
    public var article: String?
    /// A note when the setting is a tenant decision rather than a literal rule.
    public var note: String?

    /// Creates a legal basis.
    public init(regulation: String, article: String? = nil, note: String? = nil) {
        self.regulation = regulation
        self.article = article
        self.note = note
    }

    /// "Perbup Pasuruan 117/2019 Pasal 13 ayat (2)".
    public var description: String {
        [regulation, article].compactMap { $0 }.joined(separator: " ")
    }
}

extension LegalBasis {
    /// PermenPANRB 6/2022: the national performance-management rule (quadrant, periodic evaluation).
    public static func permenPANRB6of2022(_ article: String? = nil, note: String? = nil) -> LegalBasis {
        LegalBasis(regulation: "PermenPANRB 6/2022", article: article, note: note)
    }

    /// SE MenPANRB 3/2023: the distribution of predikat by the organisation's achievement.
    public static let seMenPANRB3of2023 = LegalBasis(regulation: "SE MenPANRB 3/2023",
                                                     note: "tata cara penetapan predikat kinerja pegawai")

    /// PermenPANRB 1/2023: credit points of functional officials.
    public static let permenPANRB1of2023 = LegalBasis(regulation: "PermenPANRB 1/2023",
                                                      note: "konversi predikat kinerja ke angka kredit")

    /// Perpres 21/2023: five working days, Monday to Friday.
    public static let perpres21of2023 = LegalBasis(regulation: "Perpres 21/2023", note: "hari kerja Senin–Jumat")
}
