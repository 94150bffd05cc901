import Kinerja

/// One person in an identity table: `NAMA`, `NIP`, `PANGKAT/GOL RUANG`, `JABATAN`, `UNIT KERJA`
/// (documents.md §0, PermenPANRB 6/2022 Lampiran).
public struct PegawaiIdentity: Sendable, Hashable {
    /// Full name with titles, as it should print.
    public var nama: String
    /// The NIP; nil for a signer without one (a Bupati), printed as `-`.
    public var nip: NIP?
    /// Rank and grade, e.g. `Penata Tk. I (III/d)`.
    public var pangkatGolongan: String
    /// The post, e.g. `Analis Sumber Daya Manusia Aparatur Ahli Muda`.
    public var jabatan: String
    /// The unit kerja (or the instansi, see `unitKerjaLabel`).
    public var unitKerja: String
    /// The label of row 5: `UNIT KERJA`, or `INSTANSI` for the evaluator of a JPT
    /// (documents.md §0, [V S1]).
    public var unitKerjaLabel: String

    /// An identity.
    public init(nama: String, nip: NIP?, pangkatGolongan: String, jabatan: String, unitKerja: String,
                unitKerjaLabel: String = "UNIT KERJA") {
        self.nama = nama
        self.nip = nip
        self.pangkatGolongan = pangkatGolongan
        self.jabatan = jabatan
        self.unitKerja = unitKerja
        self.unitKerjaLabel = unitKerjaLabel
    }

    /// The NIP as printed (`19850312 201001 1 003`), or `-`.
    public var nipText: String { nip?.formatted ?? "-" }

    /// The five rows of the identity table, label and value.
    var rows: [(String, String)] {
        [("NAMA", nama), ("NIP", nipText), ("PANGKAT/GOL RUANG", pangkatGolongan),
         ("JABATAN", jabatan), (unitKerjaLabel, unitKerja)]
    }
}
