import Foundation
import Kinerja
import Persistence
import Testing
@testable import Worker

/// Sample documents of a Tanah Laut employee, built the way the performance cycle will fill them.
enum DocumentFixtures {
    /// A fixed moment of issue (2026-01-31 03:04:05 UTC), so output never depends on the clock.
    static let issuedAt = Date(timeIntervalSince1970: 1_769_828_645)

    /// A civil date that exists (the fixtures use only real dates).
    static func civil(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { DocumentSample.civil(year, month, day) }

    static func issue(_ code: String = "ABCD-EF23") throws -> DocumentIssue {
        DocumentIssue(instansi: "PEMERINTAH KABUPATEN TANAH LAUT", verificationCode: try #require(VerificationCode(code)),
                      issuedAt: issuedAt)
    }

    static let pegawai = DocumentSample.pegawai
    static let pejabatPenilai = DocumentSample.pejabatPenilai
    static let atasan = DocumentSample.atasan

    static let signing = DocumentSigning(place: "Pelaihari", date: civil(2025, 1, 31))

    /// An RHK with three quantitative indicators.
    static func rhk(_ number: Int, realised: Bool = false) -> RencanaHasilKerja {
        DocumentSample.rhk(number, realised: realised)
    }

    static func skp(rhkCount: Int = 2) throws -> SKPDocumentData {
        var perilaku = PerilakuKerjaItem.allWithoutEkspektasiKhusus
        perilaku[0].ekspektasiKhusus = "Menanggapi pertanyaan pegawai melalui layanan daring paling lambat satu hari kerja"
        return SKPDocumentData(
            issue: try issue(), period: .year(2025), pegawai: pegawai, pejabatPenilai: pejabatPenilai,
            hasilKerjaUtama: (1...rhkCount).map { rhk($0) },
            hasilKerjaTambahan: [RencanaHasilKerja(rhkPimpinan: nil, rhk: "Menjadi narasumber sosialisasi e-Kinerja",
                                                   indikator: [IndikatorKinerjaIndividu(aspek: .kuantitas,
                                                                                        indikator: "Jumlah sosialisasi",
                                                                                        target: "2 kegiatan")])],
            perilakuKerja: perilaku,
            lampiran: SKPLampiranText(dukunganSumberDaya: ["Laptop dan koneksi internet"],
                                  skemaPertanggungjawaban: ["Realisasi dilaporkan setiap bulan"],
                                  konsekuensi: []),
            signing: signing)
    }

    static func evaluation(period: DocumentPeriod = DocumentPeriod(start: civil(2025, 1, 1),
                                                                   end: civil(2025, 3, 31),
                                                                   caption: .triwulan(1))) throws -> EvaluationDocumentData {
        DocumentSample.evaluation(issue: try issue("WXYZ-2345"), period: period)
    }

    static func objection(decision: ObjectionDecision) throws -> ObjectionDecisionData {
        ObjectionDecisionData(
            issue: try issue("KLMN-6789"),
            period: DocumentPeriod(start: civil(2025, 4, 1), end: civil(2025, 6, 30),
                                   caption: .triwulan(2)),
            pegawai: pegawai, pejabatPenilai: pejabatPenilai, atasanPejabatPenilai: atasan,
            capaianKinerjaOrganisasi: .baik, predikatSemula: .butuhPerbaikan, evaluationReference: "WXYZ-2345",
            evaluationReceivedOn: civil(2025, 7, 7),
            keberatan: "Realisasi laporan bulan Mei belum diperhitungkan karena bukti dukung terlambat diunggah oleh sistem.",
            filedOn: civil(2025, 7, 14),
            penjelasanPejabatPenilai: "Bukti dukung diterima setelah penilaian ditutup.",
            explainedOn: civil(2025, 7, 16),
            decision: decision, decidedOn: civil(2025, 7, 21), place: "Pelaihari",
            deadlineNote: ObjectionDecisionData.tanahLautDeadlines)
    }
}
