import Foundation
import Kinerja

/// A final evaluation with everything its document prints, read by `CycleRecordStore`
/// (migration 0015 with the SKP of 0007): the period, the three parties, the organisation's
/// achievement of its group, the plan judged, the ratings and the predikat with its explanation.
public struct EvaluationDocumentRecord: Sendable, Equatable {
    /// The evaluation.
    public var id: UUID
    /// `excluded`, `pending`, `submitted`, `rated` or `final`.
    public var status: String
    /// 1 when finalised; each changing objection decision adds one.
    public var version: Int
    /// The tenant's name, e.g. `Kabupaten Tanah Laut`, and its zone.
    public var tenantName: String
    /// The tenant's IANA zone.
    public var timeZone: String
    /// `periodic` or `annual`.
    public var periodKind: String
    /// `monthly`, `quarterly`, `semiannual` or `annual`.
    public var cadence: String
    /// The period's first day.
    public var startsOn: CivilDate
    /// The period's last day.
    public var endsOn: CivilDate
    /// `quadrant` or `weighted`.
    public var model: String
    /// The rule set version the period was opened under.
    public var ruleSetVersion: String
    /// The pegawai yang dinilai, with the post held at the period's end.
    public var pegawai: PartyRecord
    /// The pejabat penilai kinerja of the snapshot.
    public var evaluator: PartyRecord?
    /// The atasan pejabat penilai of the snapshot.
    public var evaluatorSuperior: PartyRecord?
    /// The group's capaian kinerja organisasi (quadrant model).
    public var capaian: CapaianKinerjaOrganisasi?
    /// The results rating (quadrant model).
    public var hasilKerjaRating: Rating?
    /// The behaviour rating (quadrant model).
    public var perilakuKerjaRating: Rating?
    /// The predikat or weighted category as stored (`baik`, `cukup`, …).
    public var predikat: String?
    /// The weighted model's scores as entered.
    public var scores: WeightedModelInput?
    /// The weighted model's final score.
    public var nilai: Decimal?
    /// The rules engine's explanation as stored.
    public var explanation: Explanation?
    /// The evaluator's notes.
    public var notes: String?
    /// The evaluator's recommendation.
    public var recommendation: String?
    /// When the evaluation became final.
    public var finalisedAt: Date?
    /// The plan judged (its latest approved revision), nil when the evaluation has no SKP.
    public var skp: SKPContent?
    /// The text of each superior RHK the plan's RHK serve, by id.
    public var superiorRHKTexts: [UUID: String]

    /// A record.
    public init(id: UUID, status: String, version: Int, tenantName: String, timeZone: String, periodKind: String,
                cadence: String, startsOn: CivilDate, endsOn: CivilDate, model: String, ruleSetVersion: String,
                pegawai: PartyRecord,
                evaluator: PartyRecord?, evaluatorSuperior: PartyRecord?, capaian: CapaianKinerjaOrganisasi?,
                hasilKerjaRating: Rating?, perilakuKerjaRating: Rating?, predikat: String?, scores: WeightedModelInput?, nilai: Decimal?,
                explanation: Explanation?, notes: String?, recommendation: String?, finalisedAt: Date?,
                skp: SKPContent?, superiorRHKTexts: [UUID: String]) {
        self.id = id
        self.status = status
        self.version = version
        self.tenantName = tenantName
        self.timeZone = timeZone
        self.periodKind = periodKind
        self.cadence = cadence
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.model = model
        self.ruleSetVersion = ruleSetVersion
        self.pegawai = pegawai
        self.evaluator = evaluator
        self.evaluatorSuperior = evaluatorSuperior
        self.capaian = capaian
        self.hasilKerjaRating = hasilKerjaRating
        self.perilakuKerjaRating = perilakuKerjaRating
        self.predikat = predikat
        self.scores = scores
        self.nilai = nilai
        self.explanation = explanation
        self.notes = notes
        self.recommendation = recommendation
        self.finalisedAt = finalisedAt
        self.skp = skp
        self.superiorRHKTexts = superiorRHKTexts
    }
}
