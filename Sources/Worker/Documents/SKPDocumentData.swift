/// Everything the SKP prints (documents.md §1–§3): filled from the database by the performance
/// cycle, independent of how it is stored.
public struct SKPDocumentData: Sendable, Hashable {
    /// Instansi, verification code and moment of issue.
    public var issue: DocumentIssue
    /// The SKP's period (usually a calendar year).
    public var period: DocumentPeriod
    /// Which national form.
    public var variant: SKPVariant
    /// `PEGAWAI YANG DINILAI`.
    public var pegawai: PegawaiIdentity
    /// `PEJABAT PENILAI KINERJA`.
    public var pejabatPenilai: PegawaiIdentity
    /// `A. UTAMA`.
    public var hasilKerjaUtama: [RencanaHasilKerja]
    /// `B. TAMBAHAN`.
    public var hasilKerjaTambahan: [RencanaHasilKerja]
    /// The seven BerAKHLAK values with the leader's special expectations.
    public var perilakuKerja: [PerilakuKerjaItem]
    /// Resources, accountability scheme and consequences.
    public var lampiran: SKPLampiranText
    /// Place and date above the evaluator's signature.
    public var signing: DocumentSigning

    /// An SKP.
    public init(issue: DocumentIssue, period: DocumentPeriod, variant: SKPVariant = SKPVariant(),
                pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity,
                hasilKerjaUtama: [RencanaHasilKerja], hasilKerjaTambahan: [RencanaHasilKerja] = [],
                perilakuKerja: [PerilakuKerjaItem] = PerilakuKerjaItem.allWithoutEkspektasiKhusus,
                lampiran: SKPLampiranText = SKPLampiranText(), signing: DocumentSigning) {
        self.issue = issue
        self.period = period
        self.variant = variant
        self.pegawai = pegawai
        self.pejabatPenilai = pejabatPenilai
        self.hasilKerjaUtama = hasilKerjaUtama
        self.hasilKerjaTambahan = hasilKerjaTambahan
        self.perilakuKerja = perilakuKerja
        self.lampiran = lampiran
        self.signing = signing
    }
}
