import Kinerja

/// Everything a periodic or annual evaluation prints: the Dokumen Evaluasi Kinerja Pegawai
/// (documents.md §4b) and the rated SKP, Evaluasi Kinerja Pegawai (§4). Independent of storage.
public struct EvaluationDocumentData: Sendable, Equatable {
    /// Instansi, verification code and moment of issue.
    public var issue: DocumentIssue
    /// The evaluated period; its caption says periodic (`TRIWULAN I`, `BULAN JANUARI`) or
    /// annual (`AKHIR`).
    public var period: DocumentPeriod
    /// Which national form the SKP followed.
    public var variant: SKPVariant
    /// `PEGAWAI YANG DINILAI`.
    public var pegawai: PegawaiIdentity
    /// `PEJABAT PENILAI KINERJA`.
    public var pejabatPenilai: PegawaiIdentity
    /// `ATASAN PEJABAT PENILAI KINERJA`.
    public var atasanPejabatPenilai: PegawaiIdentity
    /// The organisation's achievement set for the period (SE MenPANRB 3/2023 step (a)).
    public var capaianKinerjaOrganisasi: CapaianKinerjaOrganisasi
    /// `A. UTAMA`, with realisation and feedback.
    public var hasilKerjaUtama: [RencanaHasilKerja]
    /// `B. TAMBAHAN`, with realisation and feedback.
    public var hasilKerjaTambahan: [RencanaHasilKerja]
    /// `RATING HASIL KERJA`.
    public var ratingHasilKerja: Rating
    /// The values with expectations and feedback.
    public var perilakuKerja: [PerilakuKerjaItem]
    /// `RATING PERILAKU KERJA`.
    public var ratingPerilakuKerja: Rating
    /// `PREDIKAT KINERJA PEGAWAI`.
    public var predikat: Predikat
    /// How the predikat was reached, e.g. from `PredikatQuadrant.evaluate`, printed as its basis.
    public var predikatBasis: Explanation
    /// `CATATAN/REKOMENDASI` of the evaluator.
    public var catatanRekomendasi: String
    /// Place and date of signing.
    public var signing: DocumentSigning

    /// An evaluation.
    public init(issue: DocumentIssue, period: DocumentPeriod, variant: SKPVariant = SKPVariant(),
                pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity, atasanPejabatPenilai: PegawaiIdentity,
                capaianKinerjaOrganisasi: CapaianKinerjaOrganisasi,
                hasilKerjaUtama: [RencanaHasilKerja], hasilKerjaTambahan: [RencanaHasilKerja] = [],
                ratingHasilKerja: Rating, perilakuKerja: [PerilakuKerjaItem], ratingPerilakuKerja: Rating,
                predikat: Predikat, predikatBasis: Explanation, catatanRekomendasi: String,
                signing: DocumentSigning) {
        self.issue = issue
        self.period = period
        self.variant = variant
        self.pegawai = pegawai
        self.pejabatPenilai = pejabatPenilai
        self.atasanPejabatPenilai = atasanPejabatPenilai
        self.capaianKinerjaOrganisasi = capaianKinerjaOrganisasi
        self.hasilKerjaUtama = hasilKerjaUtama
        self.hasilKerjaTambahan = hasilKerjaTambahan
        self.ratingHasilKerja = ratingHasilKerja
        self.perilakuKerja = perilakuKerja
        self.ratingPerilakuKerja = ratingPerilakuKerja
        self.predikat = predikat
        self.predikatBasis = predikatBasis
        self.catatanRekomendasi = catatanRekomendasi
        self.signing = signing
    }
}
