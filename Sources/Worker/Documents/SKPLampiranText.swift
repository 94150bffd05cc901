import Kinerja

/// The Lampiran of the SKP as printed: resources, accountability scheme and consequences, one
/// numbered line each (documents.md §3; Perbup Tanah Laut 2024 Pasal 10–12). Built from the
/// domain's `SKPLampiran` or given line by line.
public struct SKPLampiranText: Sendable, Hashable {
    /// `DUKUNGAN SUMBER DAYA`, e.g. `Laptop dan koneksi internet`.
    public var dukunganSumberDaya: [String]
    /// `SKEMA PERTANGGUNGJAWABAN`, e.g. `Realisasi dilaporkan setiap bulan`.
    public var skemaPertanggungjawaban: [String]
    /// `KONSEKUENSI`, e.g. `Di atas ekspektasi: prioritas diklat`.
    public var konsekuensi: [String]

    /// A Lampiran from its lines; an empty section prints `-`.
    public init(dukunganSumberDaya: [String] = [], skemaPertanggungjawaban: [String] = [], konsekuensi: [String] = []) {
        self.dukunganSumberDaya = dukunganSumberDaya
        self.skemaPertanggungjawaban = skemaPertanggungjawaban
        self.konsekuensi = konsekuensi
    }

    /// The printed lines of the domain's Lampiran.
    public init(_ lampiran: SKPLampiran) {
        dukunganSumberDaya = lampiran.resources.map { "\(Self.label($0.kind)): \($0.text)" }
        // Pasal 11: the reporting schedule and the evidence expected.
        let evidence = lampiran.evidence.map { $0 == .realisasiProgres ? "realisasi progres" : "realisasi akhir" }
        skemaPertanggungjawaban = ["Realisasi dilaporkan \(Self.label(lampiran.reportingSchedule))"]
            + (evidence.isEmpty ? [] : ["Bukti dukung: " + evidence.joined(separator: " dan ")])
        // Pasal 12: positive and negative consequences.
        konsekuensi = [lampiran.positiveConsequence.map { "Positif: " + $0 },
                       lampiran.negativeConsequence.map { "Negatif: " + $0 }].compactMap { $0 }
    }

    private static func label(_ kind: SKPLampiran.ResourceKind) -> String {
        switch kind {
        case .sdm: "Sumber daya manusia"
        case .anggaran: "Anggaran"
        case .peralatan: "Peralatan kerja"
        case .pendampingan: "Pendampingan pimpinan"
        case .sarana: "Sarana dan prasarana"
        }
    }

    private static func label(_ schedule: SKPLampiran.ReportingSchedule) -> String {
        switch schedule {
        case .harian: "setiap hari"
        case .mingguan: "setiap minggu"
        case .bulanan: "setiap bulan"
        case .triwulan: "setiap triwulan"
        case .semester: "setiap semester"
        }
    }
}
