/// Which final results open a 6-month improvement window, and its dates (PP 30/2019 Pasal 56–58;
/// Perbup Tanah Laut 2024 Pasal 33 huruf a for JPT, Pasal 34 huruf a for pejabat administrasi and
/// fungsional). The system tracks the window and records its outcome; the competence test,
/// transfer or lower post that may follow are decisions of people, not of this code.
///
/// The rule-set format (formatVersion 1) has no setting for this, so the national rule lives here
/// with its citation; it should become a rule-set setting when a regency's rule differs.
public enum ImprovementWindowRule {
    /// The months an official has to improve (Pasal 33 huruf a, Pasal 34 huruf a: "6 (enam) bulan").
    public static let months = 6

    /// Why a result does or does not open a window.
    public struct Decision: Sendable, Equatable, Codable {
        /// Whether a window opens.
        public var qualifies: Bool
        /// A stable reason code: `jpt`, `administrasi-fungsional`, `not-annual`, `predikat`, `no-jabatan`.
        public var code: String
        /// The reason in Bahasa Indonesia, with the article.
        public var message: String
        /// The article that decides.
        public var basis: LegalBasis
    }

    /// The article for JPT: CUKUP, KURANG or SANGAT KURANG for one year in a post.
    public static let jptBasis = LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 33 huruf a",
                                            note: "sejalan dengan PP 30/2019 Pasal 56–58")
    /// The article for pejabat administrasi (administrator, pengawas, pelaksana) and fungsional:
    /// KURANG or SANGAT KURANG.
    public static let administrasiBasis = LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 34 huruf a",
                                                     note: "sejalan dengan PP 30/2019 Pasal 56–58")

    /// Decides for one final evaluation: `annual` says whether its period is the annual one (a
    /// JPT's "1 (satu) tahun pada suatu jabatan" and the annual predikat of Pasal 24), `jabatan`
    /// the kind of post held at the period's end.
    public static func decide(annual: Bool, jabatan: JabatanKind?, predikat: ResultPredikat) -> Decision {
        guard annual else {
            return Decision(qualifies: false, code: "not-annual",
                            message: "Kesempatan perbaikan hanya dari predikat kinerja tahunan (\(administrasiBasis)).",
                            basis: administrasiBasis)
        }
        guard let jabatan else {
            return Decision(qualifies: false, code: "no-jabatan",
                            message: "Jabatan pegawai pada akhir periode tidak diketahui.", basis: administrasiBasis)
        }
        // JPT: CUKUP, KURANG, SANGAT KURANG, where the quadrant's Butuh Perbaikan stands for Cukup. Pejabat
        // administrasi (administrator, pengawas, pelaksana; UU 20/2023 on ASN) and fungsional: KURANG, SANGAT KURANG.
        let isJPT = jabatan == .jpt
        let qualifying: Set<ResultPredikat> = isJPT ? [.butuhPerbaikan, .cukup, .kurang, .sangatKurang, .buruk]
                                                    : [.kurang, .sangatKurang, .buruk]
        let basis = isJPT ? jptBasis : administrasiBasis
        let who = isJPT ? "Pejabat pimpinan tinggi" : "Pejabat \(jabatan.indonesianName)"
        guard qualifying.contains(predikat) else {
            return Decision(qualifies: false, code: "predikat",
                            message: "Predikat \(predikat.label) tidak membuka kesempatan perbaikan bagi \(jabatan.indonesianName) "
                              + "(\(basis)).", basis: basis)
        }
        return Decision(qualifies: true, code: isJPT ? "jpt" : "administrasi-fungsional",
                        message: "\(who) dengan predikat \(predikat.label) diberi kesempatan 6 bulan untuk memperbaiki kinerja "
                          + "(\(basis)).", basis: basis)
    }

    /// The window's first and last day (inclusive): from the day after finalisation, six months.
    /// A day that does not exist in the sixth month (31 August + 6 months) is that month's last day.
    public static func window(finalisedOn: CivilDate) -> (startsOn: CivilDate, endsOn: CivilDate) {
        let start = finalisedOn.adding(days: 1)
        let monthIndex = start.month - 1 + months
        let year = start.year + monthIndex / 12, month = monthIndex % 12 + 1
        let day = min(start.day, CivilDate.daysIn(month: month, year: year))
        let sameDay = CivilDate(year: year, month: month, day: day) ?? start.adding(days: 182)
        return (start, sameDay.adding(days: -1))
    }
}
