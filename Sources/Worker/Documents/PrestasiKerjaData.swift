import Foundation
import Kinerja

/// Everything the weighted model's evaluation prints (documents.md §7 C with the activities of
/// §7 B): the PP 46/2011 Penilaian Prestasi Kerja as Perbup Pasuruan 117/2019 applies it, from the
/// scores as entered and the result the rules engine computes from them. Independent of storage.
public struct PrestasiKerjaData: Sendable, Equatable {
    /// One behaviour element with its score and sebutan.
    public struct Element: Sendable, Equatable {
        /// E.g. `Orientasi Pelayanan`.
        public var name: String
        /// 0–100.
        public var nilai: Decimal
        /// The category of the score.
        public var sebutan: WeightedCategory

        /// An element.
        public init(name: String, nilai: Decimal, sebutan: WeightedCategory) {
            self.name = name
            self.nilai = nilai
            self.sebutan = sebutan
        }
    }

    /// Instansi, verification code and moment of issue.
    public var issue: DocumentIssue
    /// The period (`JANGKA WAKTU PENILAIAN`).
    public var period: DocumentPeriod
    /// `YANG DINILAI`.
    public var pegawai: PegawaiIdentity
    /// `PEJABAT PENILAI`.
    public var pejabatPenilai: PegawaiIdentity
    /// `ATASAN PEJABAT PENILAI`.
    public var atasanPejabatPenilai: PegawaiIdentity
    /// The activities as entered, with their scores (`III. KEGIATAN TUGAS JABATAN`).
    public var activities: [(activity: WeightedActivity, score: ActivityScore)]
    /// The behaviour elements that count for this post (Pasal 12: kepemimpinan only for some).
    public var perilaku: [Element]
    /// The weights, percent (Pasal 13 ayat (2): 60 and 40).
    public var bobotSKP: Decimal
    /// The behaviour weight, percent.
    public var bobotPerilaku: Decimal
    /// The computed result.
    public var result: WeightedModelResult
    /// How it was computed, printed as its basis.
    public var basis: Explanation
    /// `REKOMENDASI`: the evaluator's notes and recommendation.
    public var rekomendasi: String
    /// Place and date of signing.
    public var signing: DocumentSigning

    /// An evaluation in the weighted model.
    public init(issue: DocumentIssue, period: DocumentPeriod, pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity,
                atasanPejabatPenilai: PegawaiIdentity, activities: [(activity: WeightedActivity, score: ActivityScore)],
                perilaku: [Element], bobotSKP: Decimal, bobotPerilaku: Decimal, result: WeightedModelResult,
                basis: Explanation, rekomendasi: String, signing: DocumentSigning) {
        self.issue = issue
        self.period = period
        self.pegawai = pegawai
        self.pejabatPenilai = pejabatPenilai
        self.atasanPejabatPenilai = atasanPejabatPenilai
        self.activities = activities
        self.perilaku = perilaku
        self.bobotSKP = bobotSKP
        self.bobotPerilaku = bobotPerilaku
        self.result = result
        self.basis = basis
        self.rekomendasi = rekomendasi
        self.signing = signing
    }

    public static func == (lhs: PrestasiKerjaData, rhs: PrestasiKerjaData) -> Bool {
        lhs.issue == rhs.issue && lhs.period == rhs.period && lhs.pegawai == rhs.pegawai
            && lhs.activities.map(\.activity) == rhs.activities.map(\.activity) && lhs.perilaku == rhs.perilaku
            && lhs.result == rhs.result && lhs.rekomendasi == rhs.rekomendasi && lhs.signing == rhs.signing
    }
}
