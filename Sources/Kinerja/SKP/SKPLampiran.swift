/// The SKP's annex: resources, accountability scheme and consequences
/// (Perbup Tanah Laut 2024 Pasal 6 ayat (3) huruf b–d, Pasal 10–12).
public struct SKPLampiran: Sendable, Equatable, Codable {
    /// Kinds of resources (Pasal 10 ayat (1)).
    public enum ResourceKind: String, Sendable, Codable, CaseIterable {
        /// Sumber daya manusia.
        case sdm
        /// Anggaran.
        case anggaran
        /// Peralatan kerja.
        case peralatan
        /// Pendampingan pimpinan.
        case pendampingan
        /// Sarana dan prasarana.
        case sarana
    }

    /// A resource needed.
    public struct Resource: Sendable, Equatable, Codable {
        /// Its kind.
        public var kind: ResourceKind
        /// What is needed, in words.
        public var text: String
        /// Creates a resource.
        public init(kind: ResourceKind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// How often progress is reported (Pasal 11 huruf a).
    public enum ReportingSchedule: String, Sendable, Codable, CaseIterable {
        /// Harian.
        case harian
        /// Mingguan.
        case mingguan
        /// Bulanan.
        case bulanan
        /// Triwulan.
        case triwulan
        /// Semester.
        case semester
    }

    /// The evidence expected (Pasal 11 huruf b).
    public enum EvidenceKind: String, Sendable, Codable, CaseIterable {
        /// Realisasi progres.
        case realisasiProgres = "realisasi-progres"
        /// Realisasi akhir.
        case realisasiAkhir = "realisasi-akhir"
    }

    /// Resources needed.
    public var resources: [Resource]
    /// The reporting schedule.
    public var reportingSchedule: ReportingSchedule
    /// The evidence expected.
    public var evidence: [EvidenceKind]
    /// Consequence when expectations are met (Pasal 12 huruf a).
    public var positiveConsequence: String?
    /// Consequence when they are not (Pasal 12 huruf b).
    public var negativeConsequence: String?

    /// Creates a lampiran.
    public init(resources: [Resource] = [], reportingSchedule: ReportingSchedule = .bulanan,
                evidence: [EvidenceKind] = [.realisasiProgres, .realisasiAkhir],
                positiveConsequence: String? = nil, negativeConsequence: String? = nil) {
        self.resources = resources
        self.reportingSchedule = reportingSchedule
        self.evidence = evidence
        self.positiveConsequence = positiveConsequence
        self.negativeConsequence = negativeConsequence
    }
}
