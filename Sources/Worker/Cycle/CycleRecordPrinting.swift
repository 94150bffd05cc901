import Foundation
import JobQueue
import Kinerja
import Persistence

/// How the cycle's stored rows print: the instansi, the place of signing, identities, the period
/// caption and civil dates in the tenant's zone. Shared by the evaluation and keberatan documents.
enum CycleRecordPrinting {
    /// `PEMERINTAH KABUPATEN TANAH LAUT` from `Kabupaten Tanah Laut` (documents.md §0).
    static func instansi(_ tenantName: String) -> String { "PEMERINTAH " + tenantName.uppercased() }

    /// The place above the signatures: the regency's name without `Kabupaten`/`Kota`. The seat
    /// (Pelaihari for Tanah Laut) is a tenant setting documents.md asks for; until it exists the
    /// regency's name stands in.
    static func place(_ tenantName: String) -> String {
        for prefix in ["Kabupaten ", "Kota "] where tenantName.hasPrefix(prefix) {
            return String(tenantName.dropFirst(prefix.count))
        }
        return tenantName
    }

    /// The identity table's five rows for `party`; the unit kerja names its perangkat daerah too.
    /// Rank and grade are not recorded yet (no column in `employees`), so they print `-`.
    static func identity(_ party: PartyRecord) -> PegawaiIdentity {
        let unit = [party.unitKerja, party.perangkatDaerah].compactMap { $0 }
        var seen: Set<String> = []
        return PegawaiIdentity(nama: party.name, nip: NIP(storedDigits: party.nip), pangkatGolongan: "-",
                               jabatan: party.jabatan ?? "-",
                               unitKerja: unit.filter { seen.insert($0).inserted }.joined(separator: ", ").nonEmpty ?? "-")
    }

    /// The evaluation's period with its caption (documents.md §4: `BULAN …`, `TRIWULAN …`, `AKHIR`).
    static func period(_ record: EvaluationDocumentRecord) -> DocumentPeriod {
        period(kind: record.periodKind, cadence: record.cadence, startsOn: record.startsOn, endsOn: record.endsOn)
    }

    /// The period of a notice; see `period(_:)`.
    static func period(_ notice: EvaluationNoticeRecord) -> DocumentPeriod {
        period(kind: notice.periodKind, cadence: notice.cadence, startsOn: notice.startsOn, endsOn: notice.endsOn)
    }

    private static func period(kind: String, cadence: String, startsOn: CivilDate, endsOn: CivilDate) -> DocumentPeriod {
        let month = startsOn.month
        let caption: DocumentPeriod.Caption = switch (kind, cadence) {
        case ("annual", _): .akhir
        case (_, "monthly"): .bulan(month)
        case (_, "quarterly"): .triwulan((month - 1) / 3 + 1)
        case (_, "semiannual"): .semester((month - 1) / 6 + 1)
        default: .akhir
        }
        return DocumentPeriod(start: startsOn, end: endsOn, caption: caption)
    }

    /// The tenant's zone (Indonesia's fixed offsets when the zone database lacks it).
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier)
            ?? RuleSet.indonesianZoneOffsets[identifier].flatMap { TimeZone(secondsFromGMT: $0) }
            ?? TimeZone.current
    }

    /// `instant` as a civil date in `zone`.
    static func day(_ instant: Date, _ zone: String) -> CivilDate { CivilDate(instant: instant, in: self.zone(zone)) }

    /// A stored predikat in the national model, or a permanent failure naming the value.
    static func predikat(_ value: String?, _ what: String) throws -> Predikat {
        guard let value, let predikat = Predikat(rawValue: value) else {
            throw PermanentJobError("\(what): predikat '\(value ?? "null")' is not one of the national model")
        }
        return predikat
    }

    /// The facts every evaluation form shares: the issue (instansi, a placeholder code), the
    /// period, the three parties (the Sekretaris Daerah's evaluator has no superior in the system:
    /// the Bupati signs outside it, printed `-`), the notes with the recommendation, and the
    /// signing at finalisation. An evaluation without an evaluator in the system is the Sekretaris
    /// Daerah's, whom the Bupati evaluates (PermenPANRB 6/2022: the JPT Pratama's evaluator is the
    /// Sekda or the head of the region): the Bupati prints as the pejabat penilai, without a NIP.
    static func evaluationParts(_ record: EvaluationDocumentRecord, issuedAt: Date) throws
        -> (issue: DocumentIssue, period: DocumentPeriod, pegawai: PegawaiIdentity, penilai: PegawaiIdentity,
            atasan: PegawaiIdentity, catatan: String, signing: DocumentSigning) {
        let catatan = [record.notes, record.recommendation.map { "Rekomendasi: " + $0 }]
            .compactMap { $0?.nonEmpty }.joined(separator: "\n\n")
        let signedOn = record.finalisedAt.map { day($0, record.timeZone) } ?? record.endsOn
        return (DocumentIssue(instansi: instansi(record.tenantName), verificationCode: try placeholderCode(), issuedAt: issuedAt),
                period(record), identity(record.pegawai),
                record.evaluator.map(identity)
                    ?? PegawaiIdentity(nama: "Bupati " + place(record.tenantName), nip: nil, pangkatGolongan: "-",
                                       jabatan: "Bupati", unitKerja: record.tenantName, unitKerjaLabel: "INSTANSI"),
                record.evaluatorSuperior.map(identity)
                    ?? PegawaiIdentity(nama: "-", nip: nil, pangkatGolongan: "-", jabatan: "-", unitKerja: "-"),
                catatan, DocumentSigning(place: place(record.tenantName), date: signedOn))
    }

    /// A placeholder the issuer replaces with the code it draws (`DocumentIssuer`).
    static func placeholderCode() throws -> VerificationCode {
        guard let code = VerificationCode("2222-2222") else { throw PermanentJobError("placeholder code rejected") }
        return code
    }
}
