import Foundation

/// One employee's line in the TPP basis export of a period: the evaluation result payroll pays
/// the tunjangan kinerja on (Perbup Tanah Laut 2024 Pasal 31: the evaluation document is the basis
/// of TPP payment). Every employee of the period appears, final or not, with the reason when excluded.
public struct TPPBasisRow: Sendable, Equatable {
    /// The columns, in order, as the header names them.
    public static let header = ["nip", "nama", "perangkat_daerah", "periode", "predikat", "nilai", "status",
                                "alasan_pengecualian", "versi_dokumen"]

    /// 18-digit NIP.
    public var nip: String
    /// The employee's name.
    public var name: String
    /// The perangkat daerah's name at the period's opening, or empty.
    public var perangkatDaerah: String
    /// The period, e.g. `2026 tahunan` or `2026-01-01..2026-03-31`.
    public var period: String
    /// The evaluation status: excluded, pending, submitted, rated, final.
    public var status: String
    /// The predikat when final.
    public var predikat: ResultPredikat?
    /// The weighted model's score when final.
    public var nilai: Decimal?
    /// The exclusion reasons' messages, when excluded.
    public var excludedReasons: [String]
    /// The document version (1 at finalisation, +1 per objection decision that changed it).
    public var version: Int

    /// Creates a row.
    public init(nip: String, name: String, perangkatDaerah: String, period: String, status: String,
                predikat: ResultPredikat?, nilai: Decimal?, excludedReasons: [String], version: Int) {
        self.nip = nip
        self.name = name
        self.perangkatDaerah = perangkatDaerah
        self.period = period
        self.status = status
        self.predikat = predikat
        self.nilai = nilai
        self.excludedReasons = excludedReasons
        self.version = version
    }

    /// The status payroll reads: `final`, `belum-final` or `dikecualikan`. Only a final result is a
    /// basis of payment; a result not final yet is shown without its predikat, which may still change.
    public var payrollStatus: String {
        switch status {
        case "final": "final"
        case "excluded": "dikecualikan"
        default: "belum-final"
        }
    }

    /// The fields in header order.
    public var fields: [String] {
        let final = status == "final"
        return [nip, name, perangkatDaerah, period, final ? predikat?.rawValue ?? "" : "",
                final ? nilai.map { "\($0)" } ?? "" : "", payrollStatus, excludedReasons.joined(separator: "; "),
                final ? String(version) : ""]
    }
}
