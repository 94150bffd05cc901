/// The Lampiran of the SKP: resources, accountability scheme and consequences, one numbered line
/// each (documents.md §3; Perbup Tanah Laut 2024 Pasal 10–12).
public struct SKPLampiran: Sendable, Hashable {
    /// `DUKUNGAN SUMBER DAYA`, e.g. `Laptop dan koneksi internet`.
    public var dukunganSumberDaya: [String]
    /// `SKEMA PERTANGGUNGJAWABAN`, e.g. `Realisasi dilaporkan setiap bulan`.
    public var skemaPertanggungjawaban: [String]
    /// `KONSEKUENSI`, e.g. `Di atas ekspektasi: prioritas diklat`.
    public var konsekuensi: [String]

    /// A Lampiran; an empty section prints `-`.
    public init(dukunganSumberDaya: [String] = [], skemaPertanggungjawaban: [String] = [], konsekuensi: [String] = []) {
        self.dukunganSumberDaya = dukunganSumberDaya
        self.skemaPertanggungjawaban = skemaPertanggungjawaban
        self.konsekuensi = konsekuensi
    }
}
