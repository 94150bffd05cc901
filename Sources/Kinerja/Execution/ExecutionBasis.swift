/// The articles behind the execution rules. The national rule (PermenPANRB 6/2022) sets the
/// execution and monitoring stage for every tenant; Perbup Tanah Laut 2024 spells it out, so the
/// notes name its articles.
public enum ExecutionBasis {
    /// Timeline and action plans per RHK (Perbup Tanah Laut 2024 Pasal 15).
    public static let plan = LegalBasis.permenPANRB6of2022(note: "Perbup Tanah Laut 2024 Pasal 15: timeline dan rencana aksi")
    /// Periodic documentation of realisation with evidence (Pasal 14 ayat (2)–(4)).
    public static let realisation = LegalBasis.permenPANRB6of2022(note: "Perbup Tanah Laut 2024 Pasal 14 ayat (2)–(4): dokumentasi periodik")
    /// Continuous feedback from the leader and from others (Pasal 16–18).
    public static let feedback = LegalBasis.permenPANRB6of2022(note: "Perbup Tanah Laut 2024 Pasal 16–18: umpan balik berkelanjutan")
    /// Bimbingan and konseling (Pasal 19 ayat (3) huruf c, Pasal 20).
    public static let coaching = LegalBasis.permenPANRB6of2022(note: "Perbup Tanah Laut 2024 Pasal 19 ayat (3) dan Pasal 20: pembinaan kinerja")
    /// Taking over an RHK with a note (Pasal 19 ayat (6)–(8)).
    public static let takeover = LegalBasis.permenPANRB6of2022(note: "Perbup Tanah Laut 2024 Pasal 19 ayat (6)–(8): pengambilalihan RHK")
}
